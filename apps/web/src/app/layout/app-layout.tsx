// The shell around every logged-in page: header (trial, language, user), side navigation, the synthetic
// data banner and the page itself in <main>.
import { Anchor, AppShell, Burger, Group, ScrollArea, Stack, Text, useMantineTheme } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Suspense, useEffect } from 'react';
import { Link, Outlet } from 'react-router';
import { PageLoader } from '../../components/page-state';
import { common } from '../../i18n/common-messages';
import { useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { NotificationBell } from '../../features/notifications/notification-bell';
import { useSession } from '../session';
import { rememberedTrial, rememberTrial, trialPath, useTrialInUrl } from '../trial';
import { AppNavbar } from './app-navbar';
import { LanguageSwitch } from './language-switch';
import { TrialLockBanner } from '../../features/locks/trial-lock-banner';
import { SyntheticBanner } from './synthetic-banner';
import { TrialSwitcher } from './trial-switcher';
import { UserMenu } from './user-menu';
import classes from './app-layout.module.css';

/** Below this breakpoint the navigation is a drawer behind the burger button. */
const NAV_BREAKPOINT = 'sm';

export function AppLayout() {
  const t = useT(common);
  const trpc = useTRPC();
  const [opened, { toggle, close }] = useDisclosure(false);
  // The user and the language are rendered once, in the header or in the drawer, at the same breakpoint
  // where the navigation collapses into a drawer. Read at the first render: this app only runs in the browser.
  const { breakpoints } = useMantineTheme();
  const wide = useMediaQuery(`(min-width: ${breakpoints[NAV_BREAKPOINT]})`, true, {
    getInitialValueInEffect: false,
  });
  const inUrl = useTrialInUrl();
  const { mustChangePassword } = useSession();
  // While the password must change the server answers nothing but the session's own procedures.
  const trials = useQuery({ ...trpc.trials.list.queryOptions(), enabled: !mustChangePassword });
  const trialId = inUrl ?? rememberedTrial() ?? trials.data?.[0]?.id ?? null;
  const trial = trials.data?.find((x) => x.id === trialId);

  useEffect(() => {
    if (inUrl) rememberTrial(inUrl);
  }, [inUrl]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 232, breakpoint: NAV_BREAKPOINT, collapsed: { mobile: !opened } }}
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
              hiddenFrom={NAV_BREAKPOINT}
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
              <Text span fw={700} size="lg" c="trialBlue.9" visibleFrom="xs">
                {t('appName')}
              </Text>
            </Anchor>
            {mustChangePassword ? null : <TrialSwitcher current={trialId} />}
          </Group>
          {/* On phones the language and the user move into the navigation drawer. */}
          {wide ? (
            <Group gap="md" wrap="nowrap">
              {mustChangePassword ? null : <NotificationBell />}
              <LanguageSwitch />
              <UserMenu />
            </Group>
          ) : mustChangePassword ? null : (
            <NotificationBell />
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar aria-label={t('mainNavigation')}>
        {wide ? null : (
          <AppShell.Section p="sm" className={classes.drawerUser}>
            <Stack gap="sm">
              <UserMenu layout="stacked" />
              <LanguageSwitch />
            </Stack>
          </AppShell.Section>
        )}
        <AppShell.Section grow component={ScrollArea}>
          <AppNavbar trialId={trialId} onNavigate={close} />
        </AppShell.Section>
      </AppShell.Navbar>
      {/* data-trial names the trial of the page on screen, which can lag the URL while the next one loads. */}
      <AppShell.Main id="main-content" tabIndex={-1} className={classes.main} data-trial={inUrl ?? undefined}>
        {trial?.synthetic ? <SyntheticBanner /> : null}
        {inUrl && !mustChangePassword ? <TrialLockBanner trialId={inUrl} /> : null}
        <div className={classes.page}>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
