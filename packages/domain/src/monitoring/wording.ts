// The words of a step the system took (an automatic query opened, closed or reopened), in the reader's
// language. Steps store a message key and its values, never finished sentences, so the same step reads in
// English for one user and in Dutch for the next.
import { entryMessage, isEntryMessageKey } from '../entry/messages.js';
import type { EntryLang as Lang } from '../entry/format.js';

/** The fields the automatic rules name, as the forms label them. */
const fieldLabels: Record<string, { en: string; nl: string }> = {
  cea: { en: 'CEA', nl: 'CEA' },
  emptyDate: { en: 'The date the pump was emptied', nl: 'De datum waarop de pomp is geleegd' },
  flowRateMlDay: { en: 'The flow rate', nl: 'De flow' },
  returnedVolumeMl: { en: 'The returned volume', nl: 'Het teruggekomen volume' },
  ageAtInclusion: { en: 'The age at inclusion', nl: 'De leeftijd bij inclusie' },
  performedDate: { en: 'The assessment date', nl: 'De datum van de beoordeling' },
};

const ruleLabels: Record<string, { en: string; nl: string }> = {
  out_of_window: { en: 'outside its window', nl: 'buiten het venster' },
  visit_overdue: { en: 'visit overdue', nl: 'bezoek te laat' },
  missing_value: { en: 'missing value', nl: 'ontbrekende waarde' },
  out_of_range: { en: 'outside the expected range', nl: 'buiten het verwachte bereik' },
};

const eventLabels: Record<string, { en: string; nl: string }> = {
  recurrence: { en: 'recurrence', nl: 'recidief' },
  death: { en: 'death', nl: 'overlijden' },
  complication: { en: 'complication', nl: 'complicatie' },
  lost_to_follow_up: { en: 'lost to follow-up', nl: 'verloren voor follow-up' },
  withdrawal: { en: 'withdrawal', nl: 'terugtrekking' },
};

/** A record's short label ('month 6', 'cycle 2', 'inclusion', an event type) in the reader's language. */
export function recordLabel(record: string, lang: Lang): string {
  const m = /^(month|cycle) (\d+)$/.exec(record);
  if (m) {
    const word = m[1] === 'month' ? { en: 'month', nl: 'maand' } : { en: 'cycle', nl: 'kuur' };
    return `${word[lang]} ${m[2]}`;
  }
  if (record === 'inclusion') return lang === 'en' ? 'inclusion' : 'inclusie';
  return eventLabels[record]?.[lang] ?? record;
}

/** Field names as the forms label them, for badges and pickers. */
const fieldNames: Record<string, { en: string; nl: string }> = {
  inclusionDate: { en: 'Inclusion date', nl: 'Inclusiedatum' },
  consentDate: { en: 'Consent date', nl: 'Datum toestemming' },
  sex: { en: 'Sex', nl: 'Geslacht' },
  ageAtInclusion: { en: 'Age at inclusion', nl: 'Leeftijd bij inclusie' },
  surgeryDate: { en: 'Surgery date', nl: 'Operatiedatum' },
  pumpDate: { en: 'Pump placement date', nl: 'Datum pompplaatsing' },
  pumpNotPlacedReason: { en: 'Why no pump', nl: 'Waarom geen pomp' },
  screeningDate: { en: 'Screening date', nl: 'Screeningsdatum' },
  outcome: { en: 'Outcome', nl: 'Uitkomst' },
  failedCriteria: { en: 'Failed criteria', nl: 'Niet voldane criteria' },
  cycleDate: { en: 'Fill date', nl: 'Vuldatum' },
  emptyDate: { en: 'Empty date', nl: 'Leegdatum' },
  flowRateMlDay: { en: 'Flow rate (mL/day)', nl: 'Flow (mL/dag)' },
  returnedVolumeMl: { en: 'Returned volume (mL)', nl: 'Teruggekomen volume (mL)' },
  doseMg: { en: 'FUDR dose (mg)', nl: 'FUDR-dosis (mg)' },
  modification: { en: 'Modification', nl: 'Aanpassing' },
  modificationReason: { en: 'Reason for modification', nl: 'Reden van aanpassing' },
  performedDate: { en: 'Assessment date', nl: 'Datum evaluatie' },
  cea: { en: 'CEA', nl: 'CEA' },
  imagingResult: { en: 'Imaging result', nl: 'Uitslag beeldvorming' },
  missedReason: { en: 'Why missed', nl: 'Waarom gemist' },
  date: { en: 'Date', nl: 'Datum' },
  recurrenceSite: { en: 'Recurrence site', nl: 'Plaats recidief' },
  deathCause: { en: 'Cause of death', nl: 'Doodsoorzaak' },
  complicationTerm: { en: 'Complication', nl: 'Complicatie' },
  complicationCategory: { en: 'Category', nl: 'Categorie' },
  gradeScale: { en: 'Grading scale', nl: 'Graderingsschaal' },
  grade: { en: 'Grade', nl: 'Graad' },
  haipRelated: { en: 'Related to HAIP', nl: 'Gerelateerd aan HAIP' },
  resolutionDate: { en: 'Resolution date', nl: 'Datum herstel' },
  reason: { en: 'Reason', nl: 'Reden' },
};

export function fieldName(field: string, lang: Lang): string {
  return fieldNames[field]?.[lang] ?? field;
}

export function fieldLabel(field: string, lang: Lang): string {
  return fieldLabels[field]?.[lang] ?? field;
}

/** A system step's text from its key and values; a key this build does not know is shown as it is. */
export function systemStepText(
  key: string,
  params: Record<string, string | number> | null,
  lang: Lang,
): string {
  if (!isEntryMessageKey(key)) return key;
  const p: Record<string, string | number> = { ...(params ?? {}) };
  if (typeof p.field === 'string') p.field = fieldLabel(p.field, lang);
  if (typeof p.record === 'string')
    p.record =
      p.record === 'inclusion'
        ? lang === 'en'
          ? 'the inclusion'
          : 'de inclusie'
        : recordLabel(p.record, lang);
  if (typeof p.rule === 'string') p.rule = ruleLabels[p.rule]?.[lang] ?? p.rule;
  return entryMessage(key, lang, p);
}
