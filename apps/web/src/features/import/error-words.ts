// The server's words for a refused import call: each field's own message when the input was refused per
// field (the file's size, its encoding in transit, the mapping), else the error's translated sentence.
import type { Lang } from '../../i18n/catalogue';
import { apiErrorData, describeError } from '../../lib/errors';

export function errorWords(error: unknown, lang: Lang): string {
  const fields = Object.values(apiErrorData(error)?.fields ?? {}).flat();
  return fields.length > 0 ? fields.join(' ') : describeError(error, lang);
}
