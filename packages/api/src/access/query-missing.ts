// The answer for a query that does not exist, or that the user may not see (another centre, a trial they are
// not a member of): the same code, key, message and fields, so a query's existence is never revealed.
import { entryMessage, type Lang } from '@trialdesk/domain';
import { AppError } from '../errors.js';

export function queryMissing(lang: Lang, id: number): AppError {
  return new AppError('NOT_FOUND', 'query.not_found', entryMessage('query.unknown', lang, { id }), {
    fields: { queryId: [entryMessage('query.unknown', lang, { id })] },
  });
}
