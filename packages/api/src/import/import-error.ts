// A file an import cannot read: refused before anything is looked at, with words in the user's language.
import { entryMessage, type EntryMessageKey, type Lang } from '@trialdesk/domain';
import { AppError } from '../errors.js';

export function importFileError(
  lang: Lang,
  key: EntryMessageKey,
  params?: Record<string, string | number>,
): AppError {
  return new AppError('BAD_REQUEST', key, entryMessage(key, lang, params), { params });
}
