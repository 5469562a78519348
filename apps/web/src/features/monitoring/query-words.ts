// How a query is named on screen: what it is about (record and field in words), whose step is whose.
import { fieldName, recordLabel } from '@trialdesk/domain';
import type { Lang } from '../../i18n/catalogue';
import type { RouterOutputs } from '../../lib/trpc';

export type QueryView = RouterOutputs['queries']['list']['queries'][number];
export type QueryStepView = QueryView['steps'][number];

type T = (key: 'aboutParticipant' | 'aboutRecord' | 'aboutField', params?: Record<string, string>) => string;

export function aboutQuery(q: QueryView, t: T, lang: Lang): string {
  const field = q.field === null ? null : fieldName(q.field, lang);
  // The server words the label in the language of the request; worded again here, a cached English label
  // follows a switch to Dutch (a label already in Dutch passes through unchanged).
  const record = q.recordLabel
    ? recordLabel(q.recordLabel, lang)
    : q.recordType
      ? `${q.recordType} ${q.recordId ?? ''}`.trim()
      : null;
  if (record === null) return field === null ? t('aboutParticipant') : field;
  return field === null ? t('aboutRecord', { record }) : t('aboutField', { record, field });
}

export const statusColour = { open: 'orange', answered: 'blue', closed: 'gray' } as const;
