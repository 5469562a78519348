// Centre filter for participant-level views. A centre-bound user (coordinator) sees it fixed to their own
// centre: the server limits the data anyway, the locked filter just says so. Kept legible when locked.
import { NativeSelect } from '@mantine/core';
import { common } from '../i18n/common-messages';
import { useT } from '../i18n/i18n-context';

export function CentreFilter({
  centres,
  value,
  locked,
  lockedHint,
  onChange,
}: {
  centres: readonly { code: string; name: string }[];
  value: string | null;
  /** The user's own centre when they are bound to it, else null. */
  locked: string | null;
  lockedHint: string;
  onChange: (centre: string | null) => void;
}) {
  const t = useT(common);
  return (
    <NativeSelect
      label={t('centre')}
      description={locked ? lockedHint : undefined}
      disabled={locked !== null}
      value={locked ?? value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value || null)}
      data={[
        ...(locked ? [] : [{ value: '', label: t('allCentres') }]),
        ...centres
          .filter((c) => locked === null || c.code === locked)
          .map((c) => ({ value: c.code, label: c.name })),
      ]}
      styles={
        locked
          ? {
              input: {
                opacity: 1,
                color: 'var(--mantine-color-text)',
                background: 'var(--mantine-color-gray-1)',
              },
            }
          : undefined
      }
      w={260}
    />
  );
}
