// The report PDF's "Serious adverse events" and "Protocol deviations" sections (open part: counts only) and
// the SAE listing per participant (closed part, only for a role that reads participants), in English and
// Dutch. Times are shown in Amsterdam, as everywhere in Trialdesk; the clocks are read at `readAt`.
import { formatMessage, localDateTime, type MessageParams } from '@trialdesk/domain';
import type { CommitteeReport } from '../build-report.js';
import type { SaeListingRow } from '../build-safety-report.js';
import { heading, paragraph, table, type Doc } from './layout.js';
import type { PdfLang, PdfWords } from './words.js';

const en = {
  saesTitle: 'Serious adverse events',
  saesText:
    '{n, plural, one {# SAE} other {# SAEs}} ({deaths, plural, one {# death} other {# deaths}}, of which {notReported} not reported yet), {susars, plural, one {# SUSAR} other {# SUSARs}} (serious, related and unexpected). Report clocks read at {readAt} (Amsterdam). Counts only: the listing per participant is in the closed part.',
  notInCut: 'This data cut was frozen before SAEs and deviations were kept in data cuts.',
  criterion: 'Seriousness criterion',
  count: 'Number',
  timeliness: 'Report',
  onTime: 'On time',
  late: 'Late',
  due: 'Due',
  overdue: 'Overdue',
  initialReport: 'Initial report (24 hours)',
  susarReport: 'SUSAR report (7 or 15 days)',
  centre: 'Centre',
  saes: 'SAEs',
  susars: 'SUSARs',
  initialOverdue: 'Initial overdue',
  lateReports: 'Reports late',
  allCentres: 'All centres',
  deviationsTitle: 'Protocol deviations',
  deviationsText:
    '{n, plural, one {# deviation} other {# deviations}} dated on or before the as-of date: {major} major, {minor} minor, per centre and category.',
  category: 'Category',
  major: 'Major',
  minor: 'Minor',
  listingTitle: 'Serious adverse events: listing per participant',
  listingText:
    'Per participant, chronologically by awareness. Causality per study intervention (WHO-UMC; possible, probable and definite count as related), expectedness against the reference safety information. Times in Amsterdam.',
  listingWithheld:
    'The listing per participant is participant-level data: it is given to roles that read participants, not to the steering committee (counts above).',
  participant: 'Participant',
  event: 'Event',
  criteria: 'Criteria',
  causality: 'Causality',
  susar: 'SUSAR',
  reports: 'Timeliness',
  yes: 'yes',
  no: 'no',
  notReportedYet: 'not reported yet',
  expected: 'expected',
  unexpected: 'unexpected',
  c_death: 'Death',
  c_life_threatening: 'Life-threatening',
  c_hospitalisation: 'Hospitalisation',
  c_disability: 'Disability',
  c_congenital_anomaly: 'Congenital anomaly',
  c_important_medical_event: 'Important medical event',
  k_not_related: 'not related',
  k_unlikely: 'unlikely',
  k_possible: 'possible',
  k_probable: 'probable',
  k_definite: 'definite',
  g_eligibility: 'Eligibility',
  g_informed_consent: 'Informed consent',
  g_visit_window: 'Visit outside window',
  g_treatment_window: 'Treatment outside window',
  g_treatment: 'Treatment',
  g_procedure: 'Procedure',
  g_safety_reporting: 'Safety reporting',
  g_other: 'Other',
};
type Key = keyof typeof en;

const nl: Record<Key, string> = {
  saesTitle: 'Ernstige ongewenste voorvallen',
  saesText:
    '{n, plural, one {# SAE} other {# SAE’s}} ({deaths, plural, one {# overlijden} other {# overlijdens}}, waarvan {notReported} nog niet gemeld), {susars, plural, one {# SUSAR} other {# SUSAR’s}} (ernstig, gerelateerd en onverwacht). Meldtermijnen gelezen op {readAt} (Amsterdam). Alleen aantallen: de lijst per deelnemer staat in het gesloten deel.',
  notInCut: 'Deze datasnede is bevroren voordat SAE’s en afwijkingen in datasneden werden bewaard.',
  criterion: 'Ernstcriterium',
  count: 'Aantal',
  timeliness: 'Melding',
  onTime: 'Op tijd',
  late: 'Te laat',
  due: 'Lopend',
  overdue: 'Verlopen',
  initialReport: 'Eerste melding (24 uur)',
  susarReport: 'SUSAR-melding (7 of 15 dagen)',
  centre: 'Centrum',
  saes: 'SAE’s',
  susars: 'SUSAR’s',
  initialOverdue: 'Eerste verlopen',
  lateReports: 'Te laat gemeld',
  allCentres: 'Alle centra',
  deviationsTitle: 'Protocolafwijkingen',
  deviationsText:
    '{n, plural, one {# afwijking} other {# afwijkingen}} op of vóór de peildatum: {major} ernstig, {minor} licht, per centrum en categorie.',
  category: 'Categorie',
  major: 'Ernstig',
  minor: 'Licht',
  listingTitle: 'Ernstige ongewenste voorvallen: lijst per deelnemer',
  listingText:
    'Per deelnemer, chronologisch naar het moment van kennisname. Causaliteit per studie-interventie (WHO-UMC; mogelijk, waarschijnlijk en zeker gelden als gerelateerd), verwachtheid volgens de referentie-veiligheidsinformatie. Tijden in Amsterdam.',
  listingWithheld:
    'De lijst per deelnemer bevat gegevens per deelnemer: die gaat naar rollen die deelnemers inzien, niet naar de stuurgroep (aantallen hierboven).',
  participant: 'Deelnemer',
  event: 'Gebeurtenis',
  criteria: 'Criteria',
  causality: 'Causaliteit',
  susar: 'SUSAR',
  reports: 'Tijdigheid',
  yes: 'ja',
  no: 'nee',
  notReportedYet: 'nog niet gemeld',
  expected: 'verwacht',
  unexpected: 'onverwacht',
  c_death: 'Overlijden',
  c_life_threatening: 'Levensbedreigend',
  c_hospitalisation: 'Ziekenhuisopname',
  c_disability: 'Invaliditeit',
  c_congenital_anomaly: 'Aangeboren afwijking',
  c_important_medical_event: 'Belangrijke medische gebeurtenis',
  k_not_related: 'niet gerelateerd',
  k_unlikely: 'onwaarschijnlijk',
  k_possible: 'mogelijk',
  k_probable: 'waarschijnlijk',
  k_definite: 'zeker',
  g_eligibility: 'Geschiktheid',
  g_informed_consent: 'Informed consent',
  g_visit_window: 'Bezoek buiten venster',
  g_treatment_window: 'Behandeling buiten venster',
  g_treatment: 'Behandeling',
  g_procedure: 'Procedure',
  g_safety_reporting: 'Veiligheidsmelding',
  g_other: 'Overig',
};

export const safetyPdfCatalogue: Record<PdfLang, Record<Key, string>> = { en, nl };

function words(lang: PdfLang) {
  const t = (key: Key, params?: MessageParams) => formatMessage(safetyPdfCatalogue[lang][key], params, lang);
  const label = (prefix: string, code: string) => {
    const k = `${prefix}${code}`;
    return k in en ? t(k as Key) : code;
  };
  return { t, label };
}

/** An instant as Amsterdam wall-clock time, its date written as the language writes dates. */
function local(w: PdfWords, instant: string): string {
  const l = localDateTime(instant);
  return `${w.date(l.slice(0, 10))} ${l.slice(11, 16)}`;
}

/** Open part: SAE counts (by criterion, timeliness, per centre) and deviations per centre and category. */
export function safetyReportingSection(doc: Doc, w: PdfWords, r: CommitteeReport): void {
  const { t, label } = words(w.lang);
  heading(doc, t('saesTitle'));
  const s = r.saes;
  if (s === null) paragraph(doc, t('notInCut'), { muted: true });
  else {
    paragraph(
      doc,
      t('saesText', {
        n: s.total,
        deaths: s.deaths,
        notReported: s.deathsNotReported,
        susars: s.susars,
        readAt: local(w, s.readAt),
      }),
    );
    doc.moveDown(0.3);
    table(
      doc,
      [
        { header: t('criterion'), width: 260 },
        { header: t('count'), width: 80, align: 'right' },
      ],
      s.byCriterion.map((c) => [label('c_', c.criterion), String(c.n)]),
    );
    const states = (c: { onTime: number; late: number; due: number; overdue: number }) =>
      [c.onTime, c.late, c.due, c.overdue].map(String);
    table(
      doc,
      [
        { header: t('timeliness'), width: 180 },
        { header: t('onTime'), width: 70, align: 'right' },
        { header: t('late'), width: 70, align: 'right' },
        { header: t('due'), width: 70, align: 'right' },
        { header: t('overdue'), width: 70, align: 'right' },
      ],
      [
        [t('initialReport'), ...states(s.initialReports)],
        [t('susarReport'), ...states(s.susarReports)],
      ],
    );
    const total = s.byCentre.reduce(
      (a, c) => ({
        saes: a.saes + c.saes,
        susars: a.susars + c.susars,
        initialOverdue: a.initialOverdue + c.initialOverdue,
        lateReports: a.lateReports + c.lateReports,
      }),
      { saes: 0, susars: 0, initialOverdue: 0, lateReports: 0 },
    );
    table(
      doc,
      [
        { header: t('centre'), width: 160 },
        { header: t('saes'), width: 80, align: 'right' },
        { header: t('susars'), width: 80, align: 'right' },
        { header: t('initialOverdue'), width: 90, align: 'right' },
        { header: t('lateReports'), width: 89, align: 'right' },
      ],
      [...s.byCentre, { centre: t('allCentres'), ...total }].map((c) => [
        c.centre,
        String(c.saes),
        String(c.susars),
        String(c.initialOverdue),
        String(c.lateReports),
      ]),
    );
  }
  heading(doc, t('deviationsTitle'));
  const d = r.deviations;
  if (d === null) {
    paragraph(doc, t('notInCut'), { muted: true });
    return;
  }
  paragraph(doc, t('deviationsText', { n: d.total, major: d.major, minor: d.minor }));
  doc.moveDown(0.3);
  if (d.cells.length > 0)
    table(
      doc,
      [
        { header: t('centre'), width: 120 },
        { header: t('category'), width: 220 },
        { header: t('major'), width: 80, align: 'right' },
        { header: t('minor'), width: 79, align: 'right' },
      ],
      d.cells.map((c) => [c.centre, label('g_', c.category), String(c.major), String(c.minor)]),
    );
}

/** Closed part: the SAE listing, or why this reader does not get it. */
export function saeListingSection(doc: Doc, w: PdfWords, rows: SaeListingRow[] | null, inCut: boolean): void {
  const { t, label } = words(w.lang);
  doc.addPage();
  heading(doc, t('listingTitle'));
  if (!inCut) {
    paragraph(doc, t('notInCut'), { muted: true });
    return;
  }
  if (rows === null) {
    paragraph(doc, t('listingWithheld'), { muted: true });
    return;
  }
  paragraph(doc, t('listingText'), { muted: true });
  doc.moveDown(0.3);
  const stateWord: Record<string, Key> = { on_time: 'onTime', late: 'late', due: 'due', overdue: 'overdue' };
  const state = (s: string) => t(stateWord[s] ?? 'due');
  for (const row of rows) {
    const reports = [
      `${t('initialReport')}: ${row.reportedAt === null ? t('notReportedYet') : local(w, row.reportedAt)} (${state(row.initial.state)})`,
      row.susarReport
        ? `${t('susarReport')}: ${row.susarReport.reportedAt === null ? '-' : local(w, row.susarReport.reportedAt)} (${state(row.susarReport.state)})`
        : null,
    ].filter((x): x is string => x !== null);
    table(
      doc,
      [
        { header: `${row.studyId} (${row.centre})`, width: 200 },
        { header: `${w.date(row.eventDate)} · ${row.term}`, width: 299 },
      ],
      [
        [t('criteria'), row.criteria.map((c) => label('c_', c)).join(', ')],
        ...row.assessments.map((a) => [
          `${t('causality')}: ${a.name[w.lang]}`,
          `${label('k_', a.causality)}${a.expected === null ? '' : `, ${t(a.expected ? 'expected' : 'unexpected')}`}`,
        ]),
        [t('susar'), row.susar ? t('yes') : t('no')],
        ...reports.map((x) => [t('reports'), x]),
      ],
    );
  }
}
