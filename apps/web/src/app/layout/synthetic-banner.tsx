import { Alert, Text } from '@mantine/core';
import { common } from '../../i18n/common-messages';
import { useT } from '../../i18n/i18n-context';

/** Shown above every page while the selected trial holds synthetic (demo) data. */
export function SyntheticBanner() {
  const t = useT(common);
  return (
    <Alert
      role="note"
      aria-label={t('syntheticBanner')}
      color="yellow"
      variant="filled"
      radius={0}
      py={6}
      styles={{
        root: { color: 'var(--mantine-color-black)' },
        message: { color: 'var(--mantine-color-black)' },
      }}
    >
      <Text size="sm" fw={700} span>
        {t('syntheticBanner')}
      </Text>
      <Text size="sm" span ml="xs" visibleFrom="sm">
        {t('syntheticBannerDetail')}
      </Text>
    </Alert>
  );
}
