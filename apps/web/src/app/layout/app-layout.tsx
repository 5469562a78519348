// The shell around every logged-in page: header (trial, language, user), side navigation, the synthetic
// data banner and the page itself in <main>.
import { Anchor, AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Suspense, useEffect } from 'react';
import { Link, Outlet } from 'react-router';
import { PageLoader } from '../../components/page-state';
import { common } from '../../i18n/common-messages';
import { useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { rememberedTrial, rememberTrial, trialPath, useTrialInUrl } from '../trial';
import { AppNavbar } from './app-navbar';
import { LanguageSwitch } from './language-switch';
import { SyntheticBanner } from './synthetic-banner';
import { TrialSwitcher } from './trial-switcher';
import { UserMenu } from './user-menu';
import classes from './app-layout.module.css';

export function AppLayout() {
  const t = useT(common);
  const trpc = useTRPC();
  const [opened, { toggle, close }] = useDisclosure(false);
  const inUrl = useTrialInUrl();
  const trials = useQuery(trpc.trials.list.queryOptions());
  const trialId = inUrl ?? rememberedTrial() ?? trials.data?.[0]?.id ?? null;
  const trial = trials.data?.find((x) => x.id === trialId);

  useEffect(() => {
    if (inUrl) rememberTrial(inUrl);
  }, [inUrl]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={0}
    >
      <a href="#main-content" className={classes.skipLink}>
        {t('skipToContent')}
      </a>
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
          <Group gap="md" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('openNavigation')}
            />
            <Anchor
              component={Link}
              to={trialId ? trialPath(trialId) : '/'}
              underline="never"
              className={classes.brand}
            >
              <span aria-hidden className={classes.logo} />
              <Text span fw={700} size="lg" c="trialBlue.9">
                {t('appName')}
              </Text>
            </Anchor>
            <TrialSwitcher current={trialId} />
          </Group>
          <Group gap="md" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar aria-label={t('mainNavigation')}>
        <AppNavbar trialId={trialId} onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1} className={classes.main}>
        {trial?.synthetic ? <SyntheticBanner /> : null}
        <div className={classes.page}>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
