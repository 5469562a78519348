// What a CSV column holds, read to finish its starting mapping: the codes of a coded or yes/no column
// (its values mapped to the target's values: yes/ja/1/true/Y… to true, "Vrouw" to female), and the
// eligibility criterion a yes/no or numeric column answers when its header is a shorthand of the criterion's
// name ("liver_only_rec" for liverOnlyRecurrence, "ehd" for extrahepaticDisease). A spreadsheet's own
// words are never certain: every guess is marked in the mapping for the data manager to check, and a value
// that maps to nothing is listed by column and value rather than left to fail in the dry run unexplained.
import { allCriteria, type TargetType, type TrialDefinition } from '@trialdesk/domain';

const norm = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');

/** Yes/no as spreadsheets write it, in English and Dutch (an "x" is a ticked box). */
const BOOLEAN: Record<string, 'true' | 'false'> = {
  yes: 'true',
  y: 'true',
  ja: 'true',
  j: 'true',
  true: 'true',
  t: 'true',
  waar: 'true',
  '1': 'true',
  x: 'true',
  no: 'false',
  n: 'false',
  nee: 'false',
  false: 'false',
  f: 'false',
  onwaar: 'false',
  '0': 'false',
};

/** Other words (after norm) for the coded values of the import targets, English and Dutch. */
const CODE_WORDS: Record<string, readonly string[]> = {
  female: ['f', 'v', 'vrouw', 'woman', 'vrouwelijk'],
  male: ['m', 'man', 'mannelijk'],
  done: ['performed', 'uitgevoerd', 'gedaan', 'completed'],
  missed: ['notdone', 'gemist', 'nietgedaan', 'nietuitgevoerd'],
  no_recurrence: ['norecurrence', 'geenrecidief', 'ned', 'none'],
  hepatic: ['liver', 'lever', 'intrahepatic', 'intrahepatisch', 'hepatisch'],
  extrahepatic: ['extrahepatisch'],
  both: ['beide', 'hepaticandextrahepatic'],
  recurrence: ['recidief', 'relapse'],
  death: ['died', 'dead', 'overleden', 'overlijden'],
  complication: ['complicatie', 'adverseevent', 'ae'],
  withdrawal: ['withdrawn', 'teruggetrokken', 'withdrawconsent'],
  lost_to_follow_up: ['ltfu', 'lost', 'lostfollowup', 'uitfollowup'],
  none: ['geen', 'nomodification', 'fulldose'],
  reduced: ['reduction', 'verlaagd', 'dosereduced', 'dosisverlaagd'],
  delayed: ['delay', 'uitgesteld'],
  skipped: ['skip', 'overgeslagen'],
  stopped: ['stop', 'gestopt'],
  surgical: ['surgery', 'chirurgisch'],
  pump: ['pomp', 'catheter'],
  toxicity: ['toxic', 'toxiciteit'],
  other: ['overig', 'anders'],
  clavien_dindo: ['cd', 'claviendindo', 'clavien'],
  ctcae: ['ctc'],
};

export interface ColumnCodes {
  /** Every value of the column that maps, to its target value. */
  codes: Record<string, string>;
  /** Values that map to nothing the target takes. */
  unmapped: string[];
}

/** The codes of a column whose target is coded or yes/no, from its values; other targets have none. */
export function codesFromValues(type: TargetType, values: string[]): ColumnCodes | null {
  if (type.kind !== 'boolean' && type.kind !== 'code') return null;
  const codes: Record<string, string> = {};
  const unmapped: string[] = [];
  for (const value of values) {
    const n = norm(value);
    const to =
      type.kind === 'boolean'
        ? BOOLEAN[n]
        : (type.values.find((v) => norm(v) === n) ?? type.values.find((v) => CODE_WORDS[v]?.includes(n)));
    if (to === undefined) unmapped.push(value);
    else codes[value] = to;
  }
  return { codes, unmapped };
}

/** "rec_confirmed" → [rec, confirmed]; "recurrenceConfirmedResectable" → [recurrence, confirmed, resectable]. */
const words = (s: string) =>
  s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .normalize('NFD')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** A header word stands for a word of the name: its start ("rec", "hist"), or its end ("steroids"). */
const standsFor = (h: string, w: string) => w.startsWith(h) || (h.length >= 5 && w.endsWith(h));

/** Letters of a short header found in order in the name, from its first letter ("ehd", "crlm"). */
const abbreviates = (h: string, name: string) => {
  if (h.length < 2 || h.length > 4 || name[0] !== h[0]) return false;
  let at = 0;
  for (const ch of h) {
    at = name.indexOf(ch, at) + 1;
    if (at === 0) return false;
  }
  return true;
};

const isNumber = (v: string) => /^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(v.trim());

/**
 * The eligibility criterion a column answers when its header is a shorthand of the criterion's id: every
 * header word stands for a word of the id (one word may be extra: "consent_signed"), most of the column's
 * values fit the criterion (yes/no for a confirmation, numbers for a measure), and no other criterion fits
 * as well.
 */
export function criterionFromShorthand(
  def: Pick<TrialDefinition, 'eligibility'>,
  header: string,
  values: string[],
  taken: ReadonlySet<string>,
): string | null {
  if (values.length === 0) return null;
  // Most values fit (a stray "maybe" is then named as a value the mapping cannot read, not a reason to
  // leave the whole question out).
  const most = (fits: (v: string) => boolean) => values.filter(fits).length * 2 >= values.length;
  const yesNo = most((v) => BOOLEAN[norm(v)] !== undefined);
  const numbers = most(isNumber);
  const head = words(header);
  if (head.length === 0) return null;
  let best: { id: string; score: number } | null = null;
  let tie = false;
  for (const c of allCriteria(def)) {
    if (taken.has(c.id) || (c.kind === 'measure' ? !numbers : !yesNo)) continue;
    const name = words(c.id);
    const hits = head.filter((h) => name.some((w) => standsFor(h, w))).length;
    const short = head.length === 1 && abbreviates(head[0]!, name.join(''));
    const fits = short || (hits > 0 && hits >= head.length - (head.length > 1 ? 1 : 0));
    if (!fits) continue;
    // Whole fit first, then the share of the criterion's own words covered.
    const score = (short ? head.length : hits) / head.length + hits / (name.length * 10);
    if (best === null || score > best.score) [best, tie] = [{ id: c.id, score }, false];
    else if (score === best.score) tie = true;
  }
  return best && !tie ? best.id : null;
}
