// Protocol settings that are not on the trial's public page are assumptions; wherever such a setting
// shows, this badge says so in words ("assumption (setting)"), with a hint on hover and focus.
import { Badge, Tooltip } from '@mantine/core';
import { common } from '../i18n/common-messages';
import { useT } from '../i18n/i18n-context';
import { isAssumption } from '../lib/assumptions';

function AssumptionBadge({ setting }: { setting: string }) {
  const t = useT(common);
  return (
    <Tooltip label={`${t('assumptionHint')} (${setting})`} multiline w={280} withArrow>
      <Badge
        component="span"
        tabIndex={0}
        size="xs"
        variant="outline"
        color="grape"
        radius="sm"
        style={{
          textTransform: 'none',
          cursor: 'help',
          verticalAlign: 'middle',
          overflow: 'visible',
          flexShrink: 0,
          // Table columns must make room for the whole badge instead of cutting it off.
          minWidth: 'max-content',
        }}
        styles={{ label: { overflow: 'visible' } }}
      >
        {t('assumption')}
      </Badge>
    </Tooltip>
  );
}

/** The badge when the setting is an assumption, nothing otherwise. */
export function AssumptionMark({
  assumptions,
  setting,
}: {
  assumptions: readonly string[];
  setting: string;
}) {
  return isAssumption(assumptions, setting) ? <AssumptionBadge setting={setting} /> : null;
}
