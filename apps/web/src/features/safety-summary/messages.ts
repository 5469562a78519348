// Words of the safety aggregates shown on the overview and in the committee report (English and Dutch); the
// criteria, causality, clock states and deviation categories come from the shared safety catalogue.
import { defineMessages } from '../../i18n/catalogue';
import { safetyMessages } from './safety-messages';

export const messages = defineMessages({
  en: {
    ...safetyMessages.en,
    panelTitle: 'Safety and protocol deviations',
    panelDescription:
      'Counts only, per centre, as they stand at this moment (the report clocks are read now, not at midnight).',
    saeCaption:
      'SAEs: serious adverse events reported, with deaths not yet reported. SUSARs: serious, related and unexpected. Initial reports overdue now: no initial report more than 24 hours after the site became aware. Reports made late: initial (24 h) and SUSAR (7 or 15 days) reports made after their due time.',
    deviationsTitle: 'Protocol deviations per centre and category',
    deviationsCaption:
      'Deviations logged (by the site, the data manager or, for visits and cycles outside their window, the system), counted by severity.',
    noDeviations: 'No protocol deviations logged.',
    totalDeviations:
      '{n, plural, one {# deviation} other {# deviations}} in all: {major} major, {minor} minor',
    reportSaesTitle: 'Serious adverse events',
    reportSaesText:
      '{n, plural, one {# SAE} other {# SAEs}} ({deaths, plural, one {# death} other {# deaths}}, {notReported} of them not reported yet), {susars, plural, one {# SUSAR} other {# SUSARs}}. Report clocks read at {readAt} (Amsterdam): when the cut was frozen, or now for live data. Counts only; the listing per participant is in the closed part.',
    reportDeviationsTitle: 'Protocol deviations',
    reportDeviationsText:
      '{n, plural, one {# deviation} other {# deviations}} dated on or before the as-of date: {major} major, {minor} minor.',
    notInCut: 'This data cut was frozen before SAEs and deviations were kept in data cuts.',
    colCount: 'Number',
    colReport: 'Report',
    initialReport: 'Initial report (24 hours)',
    susarReport: 'SUSAR report (7 or 15 days)',
    listingTitle: 'Serious adverse events: listing per participant',
    listingText:
      'Per participant, chronologically by awareness. Causality per study intervention (WHO-UMC; possible, probable and definite count as related), expectedness against the reference safety information. Times in Amsterdam.',
    listingWithheld:
      'The listing per participant is participant-level data: it is shown to roles that read participants, not to the steering committee (the counts are in the open part).',
    colParticipant: 'Participant',
    colEvent: 'Event',
    colCriteria: 'Criteria',
    colCausality: 'Causality',
    colTimeliness: 'Timeliness',
    susarYes: 'SUSAR',
    susarNo: 'No',
    notReportedYet: 'not reported yet',
    reportLine: '{report}: {when} ({state})',
  },
  nl: {
    ...safetyMessages.nl,
    panelTitle: 'Veiligheid en protocolafwijkingen',
    panelDescription:
      'Alleen aantallen, per centrum, zoals ze op dit moment zijn (de meldtermijnen worden nu gelezen, niet om middernacht).',
    saeCaption:
      'SAE’s: gemelde ernstige ongewenste voorvallen, met overlijdens die nog niet gemeld zijn. SUSAR’s: ernstig, gerelateerd en onverwacht. Eerste meldingen nu te laat: geen eerste melding meer dan 24 uur nadat het centrum ervan wist. Te laat gedane meldingen: eerste meldingen (24 uur) en SUSAR-meldingen (7 of 15 dagen) gedaan na hun termijn.',
    deviationsTitle: 'Protocolafwijkingen per centrum en categorie',
    deviationsCaption:
      'Vastgelegde afwijkingen (door het centrum, de datamanager of, voor bezoeken en cycli buiten hun venster, het systeem), geteld naar ernst.',
    noDeviations: 'Geen protocolafwijkingen vastgelegd.',
    totalDeviations:
      '{n, plural, one {# afwijking} other {# afwijkingen}} in totaal: {major} ernstig, {minor} gering',
    reportSaesTitle: 'Ernstige ongewenste voorvallen',
    reportSaesText:
      '{n, plural, one {# SAE} other {# SAE’s}} ({deaths, plural, one {# overlijden} other {# overlijdens}}, waarvan {notReported} nog niet gemeld), {susars, plural, one {# SUSAR} other {# SUSAR’s}}. Meldtermijnen gelezen op {readAt} (Amsterdam): toen de snede werd bevroren, of nu bij actuele gegevens. Alleen aantallen; de lijst per deelnemer staat in het gesloten deel.',
    reportDeviationsTitle: 'Protocolafwijkingen',
    reportDeviationsText:
      '{n, plural, one {# afwijking} other {# afwijkingen}} op of vóór de peildatum: {major} ernstig, {minor} gering.',
    notInCut: 'Deze datasnede is bevroren voordat SAE’s en afwijkingen in datasneden werden bewaard.',
    colCount: 'Aantal',
    colReport: 'Melding',
    initialReport: 'Eerste melding (24 uur)',
    susarReport: 'SUSAR-melding (7 of 15 dagen)',
    listingTitle: 'Ernstige ongewenste voorvallen: lijst per deelnemer',
    listingText:
      'Per deelnemer, chronologisch naar het moment van kennisname. Causaliteit per studie-interventie (WHO-UMC; mogelijk, waarschijnlijk en zeker gelden als gerelateerd), verwachtheid volgens de referentie-veiligheidsinformatie. Tijden in Amsterdam.',
    listingWithheld:
      'De lijst per deelnemer bevat gegevens per deelnemer: die is zichtbaar voor rollen die deelnemers inzien, niet voor de stuurgroep (de aantallen staan in het open deel).',
    colParticipant: 'Deelnemer',
    colEvent: 'Gebeurtenis',
    colCriteria: 'Criteria',
    colCausality: 'Causaliteit',
    colTimeliness: 'Tijdigheid',
    susarYes: 'SUSAR',
    susarNo: 'Nee',
    notReportedYet: 'nog niet gemeld',
    reportLine: '{report}: {when} ({state})',
  },
});
