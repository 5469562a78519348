import { NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { common } from '../../i18n/common-messages';
import { useLang, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { rememberTrial, trialPath, useTrialSection } from '../trial';

/** Switches trial and stays on the same kind of page (overview, participants…); detail pages go to the list. */
export function TrialSwitcher({ current }: { current: string | null }) {
  const trpc = useTRPC();
  const t = useT(common);
  const { lang } = useLang();
  const navigate = useNavigate();
  const section = useTrialSection();
  const trials = useQuery(trpc.trials.list.queryOptions());
  if (!trials.data || trials.data.length === 0) return null;
  return (
    <NativeSelect
      size="sm"
      aria-label={t('selectTrial')}
      value={current ?? ''}
      onChange={(event) => {
        const id = event.currentTarget.value;
        rememberTrial(id);
        void navigate(trialPath(id, section));
      }}
      data={[
        ...(current ? [] : [{ value: '', label: t('selectTrial'), disabled: true }]),
        ...trials.data.map((trial) => ({ value: trial.id, label: trial.code })),
      ]}
      w={160}
      title={trials.data.find((x) => x.id === current)?.title[lang]}
    />
  );
}
