// Words of the worklist's overdue safety reports.
import { defineMessages } from '../../i18n/catalogue';

export const worklistMessages = defineMessages({
  en: {
    title: 'Overdue SAE reports',
    nothing: 'No SAE or SUSAR report is overdue.',
    colStudyId: 'Study ID',
    colReport: 'Report',
    colEvent: 'Event',
    colDue: 'Due (Amsterdam)',
    colOverdue: 'Overdue',
    initialReport: 'Initial SAE report (24 hours)',
    deathReport: 'Death not reported as SAE (24 hours)',
    susarReport: 'SUSAR report',
    hoursOverdue: '{n, plural, one {# hour} other {# hours}}',
  },
  nl: {
    title: 'SAE-meldingen over tijd',
    nothing: 'Geen SAE- of SUSAR-melding is over tijd.',
    colStudyId: 'Studienummer',
    colReport: 'Melding',
    colEvent: 'Voorval',
    colDue: 'Uiterlijk (Amsterdam)',
    colOverdue: 'Over tijd',
    initialReport: 'Eerste SAE-melding (24 uur)',
    deathReport: 'Overlijden niet als SAE gemeld (24 uur)',
    susarReport: 'SUSAR-melding',
    hoursOverdue: '{n, plural, one {# uur} other {# uur}}',
  },
});
