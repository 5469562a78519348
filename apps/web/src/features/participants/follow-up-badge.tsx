// A participant's follow-up phase (year N, completed, not started, off study) as a badge with words.
import { Badge } from '@mantine/core';
import { clinical } from '../../components/clinical/messages';
import { useFormat, useT } from '../../i18n/i18n-context';

type OffStudy = { date: string; reason: string } | null;

const offStudyKey = {
  died: 'bucket_died',
  withdrawn: 'bucket_withdrawn',
  lost_to_follow_up: 'bucket_lost_to_follow_up',
} as const;

function useOffStudyLabel() {
  const tk = useT(clinical);
  return (reason: string) =>
    reason in offStudyKey ? tk(offStudyKey[reason as keyof typeof offStudyKey]) : tk('bucket_off_study');
}

export function FollowUpBadge({ followUp, offStudy }: { followUp: string; offStudy: OffStudy }) {
  const tk = useT(clinical);
  const f = useFormat();
  const offStudyLabel = useOffStudyLabel();
  if (followUp === 'off_study' && offStudy) {
    return (
      <Badge color="gray" variant="light" radius="sm" style={{ textTransform: 'none' }}>
        {offStudyLabel(offStudy.reason)} · {f.date(offStudy.date)}
      </Badge>
    );
  }
  const year = /^year(\d+)$/.exec(followUp);
  if (year)
    return (
      <Badge color="trialBlue" variant="light" radius="sm" style={{ textTransform: 'none' }}>
        {tk('yearN', { year: Number(year[1]) })}
      </Badge>
    );
  if (followUp === 'completed')
    return (
      <Badge color="teal" variant="light" radius="sm" style={{ textTransform: 'none' }}>
        {tk('bucket_completed')}
      </Badge>
    );
  return (
    <Badge color="gray" variant="outline" radius="sm" style={{ textTransform: 'none' }}>
      {followUp === 'not_started' ? tk('bucket_not_started') : tk('bucket_off_study')}
    </Badge>
  );
}
