// Every word the report PDF prints, in English and Dutch: the PDF follows the language the user chose,
// categories print as their labels (never codes), and dates and numbers are written as that language
// writes them (29 Nov 2026 / 29 nov 2026, 12.5% / 12,5%). Counted nouns use plural forms.
import { formatCalendarDateIn, formatMessage, type MessageParams } from '@trialdesk/domain';

export type PdfLang = 'en' | 'nl';

const en = {
  title: '{code} steering committee report',
  synthetic: 'SYNTHETIC DATA: every participant in this report is generated, none is real.',
  syntheticStamp: 'SYNTHETIC DATA - not real participants',
  syntheticFooter: 'synthetic data',
  data: 'Data',
  dataCut: 'Data cut "{label}" (frozen {date})',
  liveData: 'Live data (not a frozen cut)',
  stampCut: 'data cut "{label}"',
  stampLive: 'live data',
  asOfDate: 'As-of date',
  asOf: 'As of {date}',
  subject: 'Data as of {date}; SHA-256 {hash}',
  contentHash: 'Content hash (SHA-256)',
  pi: 'Principal investigator',
  page: 'Page {n} of {count}',
  accrual: '1. Accrual',
  accrualText:
    '{included} of {target} participants included ({percent}). First inclusion {first}, last {last}; planned recruitment {start} to {end}.',
  includedCumulative: 'Included (cumulative)',
  planned: 'Planned',
  enrolment: '2. Enrolment per centre',
  centre: 'Centre',
  target: 'Target',
  included: 'Included',
  firstInclusion: 'First inclusion',
  lastInclusion: 'Last inclusion',
  milestones: '3. Milestones',
  milestone: 'Milestone',
  date: 'Date',
  status: 'Status',
  s_actual: 'done',
  s_due: 'due, not recorded as done',
  s_projected: 'projected',
  s_unknown: 'not yet known',
  followUp: '4. Follow-up completeness',
  followUpText:
    'Assessments expected by the as-of date (done, done late, missed or overdue); completeness is the share done.',
  done: 'Done',
  late: 'Late',
  missed: 'Missed',
  overdue: 'Overdue',
  dueNow: 'Due now',
  expected: 'Expected',
  complete: 'Complete',
  allCentres: 'All centres',
  consort: '5. CONSORT flow',
  safety: '6. Safety',
  headline:
    'Clavien-Dindo grade III or higher within {days} days of pump placement: {count} of {total} participants ({estimate}; exact 95% CI {lower} to {upper}, Clopper-Pearson).',
  deathsAsGradeV:
    ' Includes {n, plural, one {# death} other {# deaths}} within {days} days without a recorded complication, counted as grade V.',
  incompleteWindow:
    ' {n, plural, one {# pump} other {# pumps}} placed less than {days} days before the as-of date not yet counted.',
  mortality:
    'Mortality within {days} days of surgery: {count} of {total} operated participants ({estimate}; exact 95% CI {lower} to {upper}, Clopper-Pearson).',
  complicationsText:
    '{total, plural, one {# complication} other {# complications}} in {withAny} of {participants} participants.',
  category: 'Category',
  scale: 'Scale',
  grade: 'Grade',
  complications: 'Complications',
  participants: 'Participants',
  c_surgical: 'Surgical',
  c_pump: 'Pump-related',
  c_toxicity: 'Toxicity',
  c_other: 'Other',
  clavienDindo: 'Clavien-Dindo',
  ctcae: 'CTCAE',
  delivery: 'Treatment delivery',
  withPump: 'Participants with a pump',
  cyclesGiven: 'Cycles given',
  modification: 'Modification',
  cycles: 'Cycles',
  reason: 'Reason',
  mod_none: 'As planned',
  mod_reduced: 'Dose reduced',
  mod_delayed: 'Delayed',
  mod_skipped: 'Skipped',
  mod_stopped: 'Stopped',
  primaryEndpoint: ', primary endpoint',
  survivalText:
    '{analysed} analysed, {events, plural, one {# event} other {# events}}, {censored} censored; {excluded} without a time zero not analysed. Time in months (days / {daysPerMonth}). Kaplan-Meier with Greenwood variance and log-transformed 95% limits (R survival conventions).',
  deathIsEvent: ' Setting: death without hepatic recurrence is an event.',
  deathCensored: ' Setting: death without hepatic recurrence is censored.',
  median: 'Median: {estimate} (95% CI {lower} to {upper}).',
  notReached: 'not reached',
  months: '{n} months',
  landmark: 'Landmark',
  survival: 'Survival',
  ci95: '95% CI',
  atRisk: 'At risk',
  years: '{n, plural, one {# year} other {# years}}',
  notEstimable: 'not estimable',
  range: '{lower} to {upper}',
  byCentre: 'Exploratory comparison by centre (log-rank)',
  analysed: 'Analysed',
  events: 'Events',
  medianMonths: 'Median (months)',
  logRank:
    'Log-rank chi-square {chi} on {df} df, p = {p}. Exploratory: the trial is not powered to compare centres.',
  noLogRank: 'No log-rank test: fewer than two centres with data, or no events.',
  axisMonths: 'Months since time zero',
  axisSurvival: 'Survival probability',
  legendKm: 'Kaplan-Meier estimate  | censored',
  legendCi: '95% confidence interval (log)',
  numberAtRisk: 'Number at risk',
  // CONSORT
  assessed: 'Assessed for eligibility (n = {n})',
  notIncluded: 'Not included (n = {n})',
  notEligible: 'Not eligible (n = {n})',
  declined: 'Declined (n = {n})',
  otherReasons: 'Other reasons (n = {n})',
  includedRecordMissing: 'Included record missing',
  includedN: 'Included (n = {n})',
  notOperated: 'Not operated yet (n = {n})',
  operated: 'Operated (n = {n})',
  withoutPump: 'Operated without pump (n = {n})',
  pumpPlaced: 'Pump placed (n = {n})',
  notStarted: 'HAIP not started (n = {n})',
  startedHaip: 'Started HAIP (n = {n})',
  stoppedEarly: 'Stopped early (n = {n})',
  endedEarly: 'Ended without a stop record (n = {n})',
  onTreatment: 'Still on treatment (n = {n})',
  followUpAll: 'Follow-up of all included (n = {n})',
  inFollowUp: 'In follow-up: {n}',
  completedFollowUp: 'Completed follow-up: {n}',
  followUpNotStarted: 'Not started (no time zero): {n}',
  offStudyEarly: 'Off study early (n = {n})',
  died: 'Died: {n}',
  withdrawn: 'Withdrawn: {n}',
  lost: 'Lost to follow-up: {n}',
  closedTitle: 'Closed report',
  closedText:
    'Efficacy outcomes, comparisons by centre and listings form the closed part of this report. Before the primary analysis they are shown only to the roles the trial setting names (by default the steering committee and the principal investigator); this copy holds the open part only.',
  analysedTitle: 'Analysed',
  analysedLine:
    '{endpoint}: {analysed} ({events, plural, one {# event} other {# events}}, {censored} censored)',
  notAnalysed: 'Not analysed: no time zero (n = {n})',
};

type Key = keyof typeof en;

const nl: Record<Key, string> = {
  title: '{code} rapport voor de stuurgroep',
  synthetic: 'SYNTHETISCHE GEGEVENS: elke deelnemer in dit rapport is gegenereerd, niemand is echt.',
  syntheticStamp: 'SYNTHETISCHE GEGEVENS - geen echte deelnemers',
  syntheticFooter: 'synthetische gegevens',
  data: 'Gegevens',
  dataCut: 'Datasnede "{label}" (bevroren {date})',
  liveData: 'Actuele gegevens (geen bevroren datasnede)',
  stampCut: 'datasnede "{label}"',
  stampLive: 'actuele gegevens',
  asOfDate: 'Peildatum',
  asOf: 'Peildatum {date}',
  subject: 'Gegevens per {date}; SHA-256 {hash}',
  contentHash: 'Inhoudshash (SHA-256)',
  pi: 'Hoofdonderzoeker',
  page: 'Pagina {n} van {count}',
  accrual: '1. Inclusie',
  accrualText:
    '{included} van {target} deelnemers geïncludeerd ({percent}). Eerste inclusie {first}, laatste {last}; geplande werving {start} tot {end}.',
  includedCumulative: 'Geïncludeerd (cumulatief)',
  planned: 'Gepland',
  enrolment: '2. Inclusie per centrum',
  centre: 'Centrum',
  target: 'Doel',
  included: 'Geïncludeerd',
  firstInclusion: 'Eerste inclusie',
  lastInclusion: 'Laatste inclusie',
  milestones: '3. Mijlpalen',
  milestone: 'Mijlpaal',
  date: 'Datum',
  status: 'Status',
  s_actual: 'gedaan',
  s_due: 'verwacht, niet als gedaan vastgelegd',
  s_projected: 'prognose',
  s_unknown: 'nog niet bekend',
  followUp: '4. Volledigheid van de follow-up',
  followUpText:
    'Evaluaties verwacht op de peildatum (gedaan, te laat gedaan, gemist of te laat); volledigheid is het deel dat gedaan is.',
  done: 'Gedaan',
  late: 'Te laat',
  missed: 'Gemist',
  overdue: 'Over tijd',
  dueNow: 'Nu te doen',
  expected: 'Verwacht',
  complete: 'Volledig',
  allCentres: 'Alle centra',
  consort: '5. CONSORT-stroomdiagram',
  safety: '6. Veiligheid',
  headline:
    'Clavien-Dindo graad III of hoger binnen {days} dagen na pompplaatsing: {count} van {total} deelnemers ({estimate}; exact 95%-BI {lower} tot {upper}, Clopper-Pearson).',
  deathsAsGradeV:
    ' Inclusief {n, plural, one {# overlijden} other {# overlijdens}} binnen {days} dagen zonder geregistreerde complicatie, geteld als graad V.',
  incompleteWindow:
    ' {n, plural, one {# pomp} other {# pompen}} minder dan {days} dagen voor de peildatum geplaatst nog niet meegeteld.',
  mortality:
    'Mortaliteit binnen {days} dagen na de operatie: {count} van {total} geopereerde deelnemers ({estimate}; exact 95%-BI {lower} tot {upper}, Clopper-Pearson).',
  complicationsText:
    '{total, plural, one {# complicatie} other {# complicaties}} bij {withAny} van {participants} deelnemers.',
  category: 'Categorie',
  scale: 'Schaal',
  grade: 'Graad',
  complications: 'Complicaties',
  participants: 'Deelnemers',
  c_surgical: 'Chirurgisch',
  c_pump: 'Pompgerelateerd',
  c_toxicity: 'Toxiciteit',
  c_other: 'Overig',
  clavienDindo: 'Clavien-Dindo',
  ctcae: 'CTCAE',
  delivery: 'Toediening van de behandeling',
  withPump: 'Deelnemers met een pomp',
  cyclesGiven: 'Cycli gegeven',
  modification: 'Aanpassing',
  cycles: 'Cycli',
  reason: 'Reden',
  mod_none: 'Volgens plan',
  mod_reduced: 'Dosis verlaagd',
  mod_delayed: 'Uitgesteld',
  mod_skipped: 'Overgeslagen',
  mod_stopped: 'Gestopt',
  primaryEndpoint: ', primair eindpunt',
  survivalText:
    '{analysed} geanalyseerd, {events, plural, one {# gebeurtenis} other {# gebeurtenissen}}, {censored} gecensureerd; {excluded} zonder tijdstip nul niet geanalyseerd. Tijd in maanden (dagen / {daysPerMonth}). Kaplan-Meier met Greenwood-variantie en log-getransformeerde 95%-grenzen (conventies van R survival).',
  deathIsEvent: ' Instelling: overlijden zonder leverrecidief is een gebeurtenis.',
  deathCensored: ' Instelling: overlijden zonder leverrecidief wordt gecensureerd.',
  median: 'Mediaan: {estimate} (95%-BI {lower} tot {upper}).',
  notReached: 'niet bereikt',
  months: '{n} maanden',
  landmark: 'Tijdstip',
  survival: 'Overleving',
  ci95: '95%-BI',
  atRisk: 'At risk',
  years: '{n, plural, one {# jaar} other {# jaar}}',
  notEstimable: 'niet schatbaar',
  range: '{lower} tot {upper}',
  byCentre: 'Verkennende vergelijking per centrum (log-rank)',
  analysed: 'Geanalyseerd',
  events: 'Gebeurtenissen',
  medianMonths: 'Mediaan (maanden)',
  logRank:
    'Log-rank chi-kwadraat {chi} bij {df} vg, p = {p}. Verkennend: de studie heeft geen power om centra te vergelijken.',
  noLogRank: 'Geen log-ranktoets: minder dan twee centra met gegevens, of geen gebeurtenissen.',
  axisMonths: 'Maanden sinds tijdstip nul',
  axisSurvival: 'Overlevingskans',
  legendKm: 'Kaplan-Meier-schatting  | gecensureerd',
  legendCi: '95%-betrouwbaarheidsinterval (log)',
  numberAtRisk: 'Aantal at risk',
  assessed: 'Beoordeeld op geschiktheid (n = {n})',
  notIncluded: 'Niet geïncludeerd (n = {n})',
  notEligible: 'Niet geschikt (n = {n})',
  declined: 'Afgezien (n = {n})',
  otherReasons: 'Andere redenen (n = {n})',
  includedRecordMissing: 'Inclusie zonder deelnemer',
  includedN: 'Geïncludeerd (n = {n})',
  notOperated: 'Nog niet geopereerd (n = {n})',
  operated: 'Geopereerd (n = {n})',
  withoutPump: 'Geopereerd zonder pomp (n = {n})',
  pumpPlaced: 'Pomp geplaatst (n = {n})',
  notStarted: 'HAIP niet gestart (n = {n})',
  startedHaip: 'HAIP gestart (n = {n})',
  stoppedEarly: 'Vroegtijdig gestopt (n = {n})',
  endedEarly: 'Geëindigd zonder stopregistratie (n = {n})',
  onTreatment: 'Nog in behandeling (n = {n})',
  followUpAll: 'Follow-up van alle geïncludeerden (n = {n})',
  inFollowUp: 'In follow-up: {n}',
  completedFollowUp: 'Follow-up voltooid: {n}',
  followUpNotStarted: 'Niet gestart (geen tijdstip nul): {n}',
  offStudyEarly: 'Vroegtijdig uit de studie (n = {n})',
  died: 'Overleden: {n}',
  withdrawn: 'Teruggetrokken: {n}',
  lost: 'Verloren voor follow-up: {n}',
  closedTitle: 'Gesloten rapport',
  closedText:
    'Effectiviteitsuitkomsten, vergelijkingen per centrum en overzichten vormen het gesloten deel van dit rapport. Vóór de primaire analyse zijn ze alleen zichtbaar voor de rollen die de studie-instelling noemt (standaard de stuurgroep en de hoofdonderzoeker); dit exemplaar bevat alleen het open deel.',
  analysedTitle: 'Geanalyseerd',
  analysedLine:
    '{endpoint}: {analysed} ({events, plural, one {# gebeurtenis} other {# gebeurtenissen}}, {censored} gecensureerd)',
  notAnalysed: 'Niet geanalyseerd: geen tijdstip nul (n = {n})',
};

export const pdfCatalogue: Record<PdfLang, Record<Key, string>> = { en, nl };

export interface PdfWords {
  lang: PdfLang;
  t: (key: Key, params?: MessageParams) => string;
  /** The label of a stored code (`prefix` + code), or the code itself when it has none. */
  label: (prefix: 'c_' | 'mod_' | 's_', code: string) => string;
  /** A calendar date as the language writes it; '-' when there is none. */
  date: (iso: string | null) => string;
  /** A 'YYYY-MM' month as 'Jan 2026' / 'jan 2026'. */
  month: (ym: string) => string;
  /** A fixed number of decimals with the language's decimal sign. */
  decimal: (x: number, digits: number) => string;
  /** A proportion as a percentage; '-' when there is none. */
  percent: (x: number | null, digits?: number) => string;
}

export function pdfWords(lang: PdfLang): PdfWords {
  const decimal = (x: number, digits: number) => {
    const s = x.toFixed(digits);
    return lang === 'nl' ? s.replace('.', ',') : s;
  };
  const monthFormat = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return {
    lang,
    t: (key, params) => formatMessage(pdfCatalogue[lang][key], params, lang),
    label: (prefix, code) => {
      const key = `${prefix}${code}`;
      return key in pdfCatalogue[lang] ? pdfCatalogue[lang][key as Key] : code;
    },
    date: (iso) => (iso === null ? '-' : formatCalendarDateIn(iso, lang)),
    month: (ym) => {
      const [y, m] = ym.split('-').map(Number);
      return y && m ? monthFormat.format(new Date(Date.UTC(y, m - 1, 1))).replace('.', '') : ym;
    },
    decimal,
    percent: (x, digits = 1) => (x === null ? '-' : `${decimal(100 * x, digits)}%`),
  };
}
