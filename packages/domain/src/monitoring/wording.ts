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

function recordLabel(record: string, lang: Lang): string {
  const m = /^(month|cycle) (\d+)$/.exec(record);
  if (m)
    return `${m[1] === 'month' ? (lang === 'en' ? 'month' : 'maand') : lang === 'en' ? 'cycle' : 'cyclus'} ${m[2]}`;
  if (record === 'inclusion') return lang === 'en' ? 'the inclusion' : 'de inclusie';
  return record;
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
  if (typeof p.record === 'string') p.record = recordLabel(p.record, lang);
  if (typeof p.rule === 'string') p.rule = ruleLabels[p.rule]?.[lang] ?? p.rule;
  return entryMessage(key, lang, p);
}
