// Says whether the page updates by itself (the live subscription is connected) or not.
import { Badge, Tooltip } from '@mantine/core';
import { useLiveStatus } from '../app/live-updates';
import { common } from '../i18n/common-messages';
import { useT } from '../i18n/i18n-context';

export function LiveBadge() {
  const t = useT(common);
  const status = useLiveStatus();
  const label =
    status === 'live'
      ? t('liveConnected')
      : status === 'connecting'
        ? t('liveConnecting')
        : t('liveDisconnected');
  return (
    <Tooltip label={t('liveHint')} withArrow multiline w={260}>
      <Badge
        tabIndex={0}
        variant="dot"
        color={status === 'live' ? 'teal' : status === 'connecting' ? 'yellow' : 'gray'}
        size="lg"
        role="status"
        aria-live="polite"
        data-live={status}
        style={{ textTransform: 'none' }}
      >
        {label}
      </Badge>
    </Tooltip>
  );
}
