// Words for an event's details (site, cause, grade, relation to treatment), in the current language.
import { clinical } from '../../components/clinical/messages';
import { useFormat, useT } from '../../i18n/i18n-context';
import { messages } from './messages';
import type { ParticipantDetail } from './types';

type Event = ParticipantDetail['events'][number];

export function useEventWords() {
  const t = useT(messages);
  const tk = useT(clinical);
  const f = useFormat();
  return {
    title: (e: Event) => tk(`event_${e.type}`),
    details: (e: Event): string => {
      const parts: string[] = [];
      if (e.recurrenceSite) parts.push(t('site', { site: tk(`site_${e.recurrenceSite}`) }));
      if (e.deathCause) parts.push(t('cause', { cause: e.deathCause }));
      if (e.complicationTerm)
        parts.push(
          e.complicationCategory
            ? `${e.complicationTerm} (${tk(`category_${e.complicationCategory}`)})`
            : e.complicationTerm,
        );
      if (e.grade && e.gradeScale)
        parts.push(t('grade', { grade: e.grade, scale: tk(`scale_${e.gradeScale}`) }));
      if (e.haipRelated) parts.push(t('haipRelated'));
      if (e.resolutionDate) parts.push(t('resolved', { date: f.date(e.resolutionDate) }));
      if (e.reason) parts.push(e.reason);
      return parts.join('; ');
    },
  };
}
