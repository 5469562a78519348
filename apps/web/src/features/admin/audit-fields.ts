// Names of the values an audit entry records before and after, as people read them: "Surgery date",
// not "surgeryDate". Every field of every audit payload has a name in both languages (a test walks the
// typed audit union); a field without one still shows, split into words.
import type { Lang } from '../../i18n/catalogue';

type Names = Record<string, { en: string; nl: string }>;

export const auditFieldNames: Names = {
  scope: { en: 'Locked', nl: 'Vergrendeld' },
  lockedAt: { en: 'Locked on', nl: 'Vergrendeld op' },
  lockedBy: { en: 'Locked by', nl: 'Vergrendeld door' },
  lockReason: { en: 'Reason for the lock', nl: 'Reden van de vergrendeling' },
  lifted: { en: 'Lifted', nl: 'Opgeheven' },
  kind: { en: 'Signed', nl: 'Ondertekend' },
  signedEntityId: { en: 'Signed record', nl: 'Ondertekend record' },
  meaning: { en: 'Meaning of the signature', nl: 'Betekenis van de handtekening' },
  dataHash: { en: 'SHA-256 of the signed data', nl: 'SHA-256 van de ondertekende gegevens' },
  signerName: { en: 'Signed by', nl: 'Ondertekend door' },
  eventId: { en: 'Event', nl: 'Gebeurtenis' },
  eventType: { en: 'Kind of event', nl: 'Soort gebeurtenis' },
  criteria: { en: 'Seriousness criteria', nl: 'Ernstcriteria' },
  assessments: { en: 'Causality per intervention', nl: 'Causaliteit per interventie' },
  intervention: { en: 'Intervention', nl: 'Interventie' },
  causality: { en: 'Causality', nl: 'Causaliteit' },
  expected: {
    en: 'Expected (reference safety information)',
    nl: 'Verwacht (referentie-veiligheidsinformatie)',
  },
  susar: { en: 'SUSAR', nl: 'SUSAR' },
  awareAt: { en: 'Site aware at', nl: 'Centrum op de hoogte op' },
  description: { en: 'Description', nl: 'Beschrijving' },
  initialReportDueAt: { en: 'Initial report due', nl: 'Eerste melding uiterlijk' },
  onTime: { en: 'On time', nl: 'Op tijd' },
  seq: { en: 'Number', nl: 'Nummer' },
  comment: { en: 'Comment', nl: 'Opmerking' },
  reference: { en: 'Reference', nl: 'Referentie' },
  dueAt: { en: 'Due', nl: 'Uiterlijk' },
  severity: { en: 'Severity', nl: 'Ernst' },
  correctiveAction: { en: 'Corrective action', nl: 'Corrigerende maatregel' },
  action: { en: 'Action', nl: 'Actie' },
  prefix: { en: 'Token (first characters)', nl: 'Token (eerste tekens)' },
  tokenScope: { en: 'Token may', nl: 'Token mag' },
  expiresAt: { en: 'Valid until', nl: 'Geldig tot' },
  revoked: { en: 'Revoked', nl: 'Ingetrokken' },
  surface: { en: 'Used through', nl: 'Gebruikt via' },
  active: { en: 'Active', nl: 'Actief' },
  ageAtInclusion: { en: 'Age at inclusion', nl: 'Leeftijd bij inclusie' },
  answers: { en: 'Answers', nl: 'Antwoorden' },
  asOf: { en: 'As of', nl: 'Peildatum' },
  attendees: { en: 'Attendees', nl: 'Aanwezigen' },
  auditSeq: { en: 'Audit entry', nl: 'Auditregel' },
  bySystem: { en: 'Raised by the system', nl: 'Door het systeem gesteld' },
  bytes: { en: 'Size (bytes)', nl: 'Grootte (bytes)' },
  category: { en: 'Category', nl: 'Categorie' },
  cause: { en: 'Cause', nl: 'Oorzaak' },
  cea: { en: 'CEA (µg/L)', nl: 'CEA (µg/L)' },
  centre: { en: 'Centre', nl: 'Centrum' },
  code: { en: 'Code', nl: 'Code' },
  complicationCategory: { en: 'Complication category', nl: 'Categorie complicatie' },
  complicationTerm: { en: 'Complication', nl: 'Complicatie' },
  consentDate: { en: 'Informed consent', nl: 'Informed consent' },
  contentHash: { en: 'Content hash', nl: 'Inhoudshash' },
  correctionSeq: { en: 'Correction (audit entry)', nl: 'Correctie (auditregel)' },
  cutHash: { en: 'Data cut hash (SHA-256)', nl: 'Hash van de datasnede (SHA-256)' },
  cutId: { en: 'Data cut', nl: 'Datasnede' },
  cycle: { en: 'Cycle', nl: 'Kuur' },
  cycleDate: { en: 'Fill date (day 1)', nl: 'Vuldatum (dag 1)' },
  date: { en: 'Date', nl: 'Datum' },
  deathCause: { en: 'Cause of death', nl: 'Doodsoorzaak' },
  deviation: { en: 'Protocol deviation', nl: 'Protocolafwijking' },
  displayName: { en: 'Name', nl: 'Naam' },
  doseMg: { en: 'Dose (mg)', nl: 'Dosis (mg)' },
  earliest: { en: 'Earliest', nl: 'Vroegst' },
  eligibility: { en: 'Eligibility', nl: 'Geschiktheid' },
  emptyDate: { en: 'Pump emptied', nl: 'Pomp geleegd' },
  entityId: { en: 'Record id', nl: 'Id van het gegeven' },
  failedCriteria: { en: 'Failed criteria', nl: 'Niet-voldane criteria' },
  field: { en: 'Field', nl: 'Veld' },
  fields: { en: 'Fields', nl: 'Velden' },
  filename: { en: 'File', nl: 'Bestand' },
  filters: { en: 'Filters', nl: 'Filters' },
  flowRateMlDay: { en: 'Flow rate (mL/day)', nl: 'Flow (mL/dag)' },
  format: { en: 'Format', nl: 'Formaat' },
  from: { en: 'From', nl: 'Van' },
  grade: { en: 'Grade', nl: 'Graad' },
  gradeScale: { en: 'Grading scale', nl: 'Graderingsschaal' },
  haipRelated: { en: 'Related to the pump', nl: 'Gerelateerd aan de pomp' },
  imagingResult: { en: 'Imaging', nl: 'Beeldvorming' },
  inclusionDate: { en: 'Inclusion date', nl: 'Inclusiedatum' },
  labDate: { en: 'Laboratory date', nl: 'Datum laboratorium' },
  label: { en: 'Label', nl: 'Naam' },
  latest: { en: 'Latest', nl: 'Laatst' },
  measures: { en: 'Measurements', nl: 'Metingen' },
  meetingDate: { en: 'Meeting date', nl: 'Vergaderdatum' },
  minutes: { en: 'Minutes', nl: 'Notulen' },
  missedReason: { en: 'Why missed', nl: 'Reden gemist' },
  modification: { en: 'Modification', nl: 'Aanpassing' },
  modificationReason: { en: 'Reason for the modification', nl: 'Reden aanpassing' },
  month: { en: 'Month', nl: 'Maand' },
  offStudy: { en: 'Off study', nl: 'Uit studie' },
  origin: { en: 'Origin', nl: 'Herkomst' },
  outcome: { en: 'Outcome', nl: 'Uitkomst' },
  outcomeVisibility: { en: 'Who sees outcomes', nl: 'Wie uitkomsten ziet' },
  outOfWindow: { en: 'Outside its window', nl: 'Buiten venster' },
  participant: { en: 'Participant', nl: 'Deelnemer' },
  participants: { en: 'Participants', nl: 'Deelnemers' },
  passwordChangedAt: { en: 'Password changed', nl: 'Wachtwoord gewijzigd' },
  performedDate: { en: 'Date performed', nl: 'Datum uitgevoerd' },
  primaryAnalysisReleased: { en: 'Primary analysis released', nl: 'Primaire analyse vrijgegeven' },
  pumpDate: { en: 'Pump placement date', nl: 'Datum pompplaatsing' },
  pumpNotPlacedReason: { en: 'Why the pump was not placed', nl: 'Reden pomp niet geplaatst' },
  reason: { en: 'Reason', nl: 'Reden' },
  recommendation: { en: 'Recommendation', nl: 'Advies' },
  record: { en: 'Record', nl: 'Gegeven' },
  recordId: { en: 'Record id', nl: 'Id van het gegeven' },
  recordType: { en: 'Kind of record', nl: 'Soort gegeven' },
  recurrenceSite: { en: 'Site of recurrence', nl: 'Locatie recidief' },
  resolutionDate: { en: 'Resolved on', nl: 'Hersteld op' },
  returnedVolumeMl: { en: 'Returned volume (mL)', nl: 'Teruggekregen volume (mL)' },
  role: { en: 'Role', nl: 'Rol' },
  rolesBeforePrimaryAnalysis: {
    en: 'Roles before the primary analysis',
    nl: 'Rollen vóór de primaire analyse',
  },
  rows: { en: 'Rows', nl: 'Regels' },
  // An import (import.committed): the file's fingerprint, the mapping used and what it did.
  sha256: { en: 'SHA-256 of the file', nl: 'SHA-256 van het bestand' },
  mapping: { en: 'Mapping', nl: 'Koppeling' },
  subjects: { en: 'Subjects in the file', nl: 'Deelnemers in het bestand' },
  created: { en: 'Created', nl: 'Aangemaakt' },
  changed: { en: 'Changed', nl: 'Gewijzigd' },
  unchanged: { en: 'Unchanged', nl: 'Ongewijzigd' },
  rule: { en: 'Rule', nl: 'Regel' },
  mailOff: { en: 'Mails switched off', nl: 'E-mails uitgezet' },
  screeningDate: { en: 'Screening date', nl: 'Screeningdatum' },
  screeningLinked: { en: 'Screening linked', nl: 'Screening gekoppeld' },
  screeningNumber: { en: 'Screening number', nl: 'Screeningnummer' },
  screenings: { en: 'Screenings', nl: 'Screenings' },
  seed: { en: 'Seed', nl: 'Seed' },
  email: { en: 'Email address', nl: 'E-mailadres' },
  lang: { en: 'Language', nl: 'Taal' },
  sessionsEnded: { en: 'Sessions ended', nl: 'Sessies beëindigd' },
  sex: { en: 'Sex', nl: 'Geslacht' },
  signatureHash: { en: 'Signature (SHA-256)', nl: 'Handtekening (SHA-256)' },
  signedAt: { en: 'Signed at', nl: 'Ondertekend op' },
  signedBy: { en: 'Signed by', nl: 'Ondertekend door' },
  site: { en: 'Site', nl: 'Locatie' },
  slot: { en: 'Scheduled assessment', nl: 'Geplande evaluatie' },
  status: { en: 'Status', nl: 'Status' },
  studyId: { en: 'Study ID', nl: 'Studienummer' },
  surgeryDate: { en: 'Surgery date', nl: 'Operatiedatum' },
  synthetic: { en: 'Synthetic', nl: 'Synthetisch' },
  target: { en: 'Target', nl: 'Doel' },
  term: { en: 'Term', nl: 'Term' },
  text: { en: 'Text', nl: 'Tekst' },
  timeZero: { en: 'Time zero', nl: 'Startdatum' },
  to: { en: 'To', nl: 'Tot en met' },
  trialId: { en: 'Trial', nl: 'Studie' },
  type: { en: 'Type', nl: 'Soort' },
  userId: { en: 'Account number', nl: 'Accountnummer' },
  username: { en: 'Username', nl: 'Gebruikersnaam' },
  verifiedAt: { en: 'Verified on', nl: 'Geverifieerd op' },
  verifiedBy: { en: 'Verified by', nl: 'Geverifieerd door' },
  view: { en: 'View', nl: 'Weergave' },
  voided: { en: 'Voided', nl: 'Vervallen' },
};

/** "pumpNotPlacedReason" → "Pump not placed reason": a readable name for a field this list does not know yet. */
export function wordsOf(field: string): string {
  const words = field
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function auditFieldName(field: string, lang: Lang): string {
  return auditFieldNames[field]?.[lang] ?? wordsOf(field);
}

const entityNames: Names = {
  user: { en: 'User', nl: 'Gebruiker' },
  trial: { en: 'Trial', nl: 'Studie' },
  screening: { en: 'Screening', nl: 'Screening' },
  participant: { en: 'Participant', nl: 'Deelnemer' },
  treatment_cycle: { en: 'Pump visit', nl: 'Pompbezoek' },
  assessment: { en: 'Assessment', nl: 'Evaluatie' },
  event: { en: 'Event', nl: 'Gebeurtenis' },
  data_cut: { en: 'Data cut', nl: 'Datasnede' },
  audit_log: { en: 'Audit trail', nl: 'Audittrail' },
  membership: { en: 'Trial membership', nl: 'Studielidmaatschap' },
  query: { en: 'Data query', nl: 'Datavraag' },
  sdv_mark: { en: 'Source data verification', nl: 'Brondataverificatie' },
  data_lock: { en: 'Lock', nl: 'Vergrendeling' },
  signature: { en: 'Electronic signature', nl: 'Elektronische handtekening' },
  committee_meeting: { en: 'Committee meeting', nl: 'Commissievergadering' },
  api_token: { en: 'API token', nl: 'API-token' },
  sae: { en: 'Serious adverse event', nl: 'Ernstig ongewenst voorval' },
  deviation: { en: 'Protocol deviation', nl: 'Protocolafwijking' },
};

/** "Pump visit", not "treatment_cycle". */
export function auditEntityName(entityType: string, lang: Lang): string {
  return entityNames[entityType]?.[lang] ?? wordsOf(entityType);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

// Values that are themselves names: of a field (a query on one field, the fields a correction ended an SDV
// mark for), of a kind of record, or a code (how a query was opened, the rule that opened it).
const FIELD_NAME_KEYS = new Set(['field', 'fields', 'changedFields']);
const ENTITY_KEYS = new Set(['recordType', 'entityType']);
const CODE_KEYS = new Set(['origin', 'rule', 'cause']);

/**
 * A recorded value as a reader takes it in: dates as the app writes them, yes/no, lists separated by
 * commas and nested values as "name: value" pairs, never raw JSON.
 */
export function readableValue(
  value: unknown,
  lang: Lang,
  date: (iso: string) => string,
  /** The field the value was recorded under: a value that names a field, a kind of record or a code reads as words. */
  field?: string,
): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    if (field !== undefined && FIELD_NAME_KEYS.has(field)) return auditFieldName(value, lang);
    if (field !== undefined && ENTITY_KEYS.has(field)) return auditEntityName(value, lang);
    if (field !== undefined && CODE_KEYS.has(field)) return wordsOf(value);
    return ISO_DAY.test(value) ? date(value) : value;
  }
  if (typeof value === 'boolean')
    return value ? (lang === 'nl' ? 'ja' : 'yes') : lang === 'nl' ? 'nee' : 'no';
  if (typeof value === 'number')
    return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB').format(value);
  if (Array.isArray(value))
    return value.map((v) => readableValue(v, lang, date, field) ?? '–').join(', ') || '–';
  if (typeof value === 'object')
    return (
      Object.entries(value)
        .map(([k, v]) => `${auditFieldName(k, lang)}: ${readableValue(v, lang, date, k) ?? '–'}`)
        .join('; ') || '–'
    );
  return typeof value === 'bigint' ? value.toString() : null;
}
