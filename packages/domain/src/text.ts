// The one text policy for every string a person can send: reasons, labels, clinical terms, names, filters.
// The shared zod schemas below apply it, so the web forms and every API procedure refuse the same things:
//
// - not well-formed Unicode (a lone UTF-16 surrogate): no storage engine can keep it — SQLite and
//   PostgreSQL both turn it into U+FFFD — so the stored text would silently differ from what was sent
//   (and, before this rule, from what the audit hash covered);
// - C0 control characters (NUL, BEL, ESC …), DEL and the C1 range; multi-line text keeps tab, LF and CR;
// - the line and paragraph separators U+2028/U+2029 (a line break that most tools do not show as one);
// - explicit bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make
//   text display in another order than it is stored ("Trojan Source"), so an audit reason or an export
//   cell could read differently from its content. The implicit marks LRM, RLM and ALM stay allowed:
//   right-to-left names need them and they cannot reorder a whole span.
// Accepted text is trimmed and normalised to NFC, so that the same words typed on two keyboards are the
// same stored string (and hash and compare equal).
import { z } from 'zod';

/** With the u flag a paired surrogate is one code point, so \p{Cs} matches only an unpaired (lone) one. */
const LONE_SURROGATE = /\p{Cs}/u;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_SEPARATORS = /[\u2028\u2029]/;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

/** Control characters other than tab and line breaks (the multi-line rule). */
export const CONTROL_CHARACTERS = CONTROL_MULTI_LINE;

export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/** Where a text breaks the policy, as a message key of entry/messages.ts, or null when it complies. */
export function textPolicyProblem(
  value: string,
  options: { multiline?: boolean } = {},
): 'entry.text.unicode' | 'entry.text.control' | 'entry.text.bidi' | 'entry.text.lineBreak' | null {
  if (!isWellFormedText(value)) return 'entry.text.unicode';
  if (!options.multiline && /[\n\r\u2028\u2029]/.test(value)) return 'entry.text.lineBreak';
  if (LINE_SEPARATORS.test(value)) return 'entry.text.lineBreak';
  if ((options.multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(value)) return 'entry.text.control';
  if (BIDI_CONTROLS.test(value)) return 'entry.text.bidi';
  return null;
}

/** A NUL or any surrogate (paired or not): the only code units storableText may have to replace. */
const NOT_STORABLE = /[\0\uD800-\uDFFF]/;

/**
 * What any storage engine keeps of a string: lone surrogates become U+FFFD (as UTF-8 encoding does) and
 * NUL becomes U+FFFD (PostgreSQL text cannot hold NUL). Text that passed the policy is unchanged by this;
 * the audit writer hashes this form, so that its hash covers exactly what is stored whatever reaches it.
 */
export function storableText(value: string): string {
  // Almost all text has neither: one scan instead of building a copy character by character (the audit
  // writer passes every column of every entry through here).
  if (!NOT_STORABLE.test(value)) return value;
  let out = '';
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += value[i]! + value[i + 1]!;
        i += 1;
      } else out += '\uFFFD';
    } else if ((c >= 0xdc00 && c <= 0xdfff) || c === 0) out += '\uFFFD';
    else out += value[i]!;
  }
  return out;
}

export interface TextOptions {
  /** Length bounds, counted after trimming and NFC normalisation. */
  min?: number;
  max: number;
  /** Free text from a text area: tab and line breaks allowed. */
  multiline?: boolean;
  /** Keep surrounding spaces (passwords only); everything else is trimmed. */
  keepSpaces?: boolean;
}

/**
 * A text field under the policy. Messages are keys of entry/messages.ts (English and Dutch). A lone
 * surrogate stops the checks at once: nothing else can be said about text that cannot be stored.
 */
export function policyText(options: TextOptions) {
  const { min = 1, max, multiline = false } = options;
  let s = z
    .string({ error: (issue) => (issue.input === undefined ? 'entry.required' : undefined) })
    .refine(isWellFormedText, { message: 'entry.text.unicode', abort: true })
    .normalize('NFC');
  if (!options.keepSpaces) s = s.trim();
  s = s.min(min, min <= 1 ? 'entry.required' : undefined).max(max);
  return s.superRefine((value, ctx) => {
    const problem = textPolicyProblem(value, { multiline });
    if (problem && problem !== 'entry.text.unicode') ctx.addIssue({ code: 'custom', message: problem });
  });
}

/** One line of text: a label, a name, a search or filter term. */
export const lineText = (max: number, min = 1) => policyText({ min, max });

/** Free text from a text area: a reason, a cause, a clinical term. */
export const freeText = (max: number, min = 1) => policyText({ min, max, multiline: true });

/**
 * The path of the first string (or object key) in a parsed request that is not well-formed Unicode, or
 * null. Walked without recursion, so a deep body cannot overflow the stack. The API edge refuses such a
 * request whatever the procedure, before any schema runs.
 */
export function findIllFormedText(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (!isWellFormedText(v)) return path || '_';
    } else if (v !== null && typeof v === 'object') {
      for (const [key, child] of Object.entries(v)) {
        const at = path ? `${path}.${key}` : key;
        if (!isWellFormedText(key)) return at;
        stack.push([child, at]);
      }
    }
  }
  return null;
}
