// Input errors found by rules after zod parsing, in the user's language: gathered per field while one write
// is checked and thrown together, so the form can mark every field at once.
import {
  EARLIEST_PLAUSIBLE_DATE,
  entryMessage,
  isEntryMessageKey,
  type EntryMessageKey,
  type IsoDate,
  type Lang,
} from '@trialdesk/domain';
import { AppError, invalidInput } from './errors.js';

type Params = Record<string, string | number>;

export class FieldErrors {
  readonly fields: Record<string, string[]> = {};
  constructor(
    private readonly lang: Lang,
    /** Prepended to every field, e.g. 'target.changes.' for a correction. */
    private readonly prefix = '',
    /**
     * The earliest plausible date (earliestClinicalDate of the trial). Without a trial, the global floor,
     * so that no date check can let year 0000 through.
     */
    private readonly earliest: IsoDate | null = null,
  ) {}

  add(field: string, key: EntryMessageKey, params?: Params): this {
    return this.addText(field, entryMessage(key, this.lang, params));
  }

  /** A message key from a domain check (a key from messages.ts, else shown as given). */
  addKey(field: string, key: string, params?: Params): this {
    return isEntryMessageKey(key) ? this.add(field, key, params) : this.addText(field, key);
  }

  addText(field: string, text: string): this {
    (this.fields[this.prefix + field] ??= []).push(text);
    return this;
  }

  /**
   * A date must be plausible: not after today, and not before the trial's earliest clinical date (a year
   * before its first centre opened) or, without a trial, the global floor.
   */
  plausibleDate(field: string, date: IsoDate | null | undefined, today: IsoDate): this {
    if (!date) return this;
    if (date > today) this.add(field, 'entry.date.future', { today });
    else if (this.earliest && date < this.earliest)
      this.add(field, 'entry.date.tooEarly', { date: this.earliest });
    else if (date < EARLIEST_PLAUSIBLE_DATE)
      this.add(field, 'entry.date.tooEarlyAny', { date: EARLIEST_PLAUSIBLE_DATE });
    return this;
  }

  /** `date` must not precede `earliest`. */
  notBefore(
    field: string,
    date: IsoDate | null | undefined,
    earliest: IsoDate | null,
    key: EntryMessageKey,
  ): this {
    if (date && earliest && date < earliest) this.add(field, key, { date: earliest });
    return this;
  }

  get empty(): boolean {
    return Object.keys(this.fields).length === 0;
  }

  throwIfAny(key = 'input.invalid'): void {
    if (!this.empty) throw invalidInput(this.fields, key);
  }
}

/** One field's error, thrown at once. */
export function fieldError(deps: { lang: Lang }, field: string, key: EntryMessageKey, params?: Params) {
  return invalidInput({ [field]: [entryMessage(key, deps.lang, params)] });
}

/** An error that is not one field's (a reached target, a conflict), with its message in the user's language. */
export function appError(
  deps: { lang: Lang },
  code: 'BAD_REQUEST' | 'CONFLICT',
  key: EntryMessageKey,
  params?: Params,
): AppError {
  return new AppError(code, key, entryMessage(key, deps.lang, params), { params });
}
