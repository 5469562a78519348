// One source value read into its target's type: codes translated by the mapping, dates in ISO or in the
// day-first form European EDCs show, numbers with a decimal point or comma. A value that cannot be read is
// an error in words, never a silent null.
import { entryMessage, isIsoDate, type Lang, type TargetType } from '@trialdesk/domain';

export type Converted = { ok: true; value: string | number | boolean } | { ok: false; message: string };

const BOOLEAN: Record<string, boolean> = {
  true: true,
  yes: true,
  y: true,
  ja: true,
  j: true,
  '1': true,
  false: false,
  no: false,
  n: false,
  nee: false,
  '0': false,
};

function readDate(raw: string): string | null {
  const v = raw.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(v)?.[1];
  if (iso && isIsoDate(iso)) return iso;
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v);
  if (dmy) {
    const d = `${dmy[3]}-${dmy[2]?.padStart(2, '0')}-${dmy[1]?.padStart(2, '0')}`;
    if (isIsoDate(d)) return d;
  }
  return null;
}

export function convertValue(
  lang: Lang,
  type: TargetType,
  raw: string,
  codes: Record<string, string> | undefined,
): Converted {
  const coded = codes?.[raw] ?? codes?.[raw.trim()] ?? raw.trim();
  const fail = (key: Parameters<typeof entryMessage>[0], params: Record<string, string> = {}) =>
    ({ ok: false, message: entryMessage(key, lang, { value: raw, ...params }) }) as const;
  switch (type.kind) {
    case 'date': {
      const d = readDate(coded);
      return d ? { ok: true, value: d } : fail('import.value.date');
    }
    case 'number': {
      const t = coded.replace(',', '.');
      const n = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : NaN;
      if (!Number.isFinite(n)) return fail('import.value.number');
      if (type.integer && !Number.isInteger(n)) return fail('import.value.integer');
      return { ok: true, value: n };
    }
    case 'boolean': {
      const b = BOOLEAN[coded.toLowerCase()];
      return b === undefined ? fail('import.value.boolean') : { ok: true, value: b };
    }
    case 'code':
      return type.values.includes(coded)
        ? { ok: true, value: coded }
        : fail('import.value.code', { allowed: type.values.join(', ') });
    case 'text':
      return { ok: true, value: coded };
  }
}
