// Renders one entry of the route table: the role check the table asks for, then the lazy page.
import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { Suspense } from 'react';
import { Link } from 'react-router';
import { PageLoader } from '../components/page-state';
import { common } from '../i18n/common-messages';
import { useT } from '../i18n/i18n-context';
import { roleLabelKey } from './layout/role-label';
import type { PageRoute } from './routes';
import { rolesHeld, useSession } from './session';

export function RoutePage({ route }: { route: PageRoute }) {
  const user = useSession();
  const t = useT(common);
  // A trial's page by the role in that trial; a page outside a trial by any role the user holds.
  const held = route.scope === 'trial' ? [user.role] : rolesHeld(user);
  if (route.roles && !held.some((role) => route.roles?.includes(role))) {
    return (
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('notForRoleTitle')}
        </Title>
        <Alert color="orange" variant="light" role="alert">
          <Text size="sm">{t('notForRoleText', { role: t(roleLabelKey[user.role]) })}</Text>
        </Alert>
        <Anchor component={Link} to="/">
          {t('backToOverview')}
        </Anchor>
      </Stack>
    );
  }
  const Page = route.page;
  return (
    <Suspense fallback={<PageLoader />}>
      <Page />
    </Suspense>
  );
}

export function NotFoundPage() {
  const t = useT(common);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('notFoundTitle')}
      </Title>
      <Text>{t('notFoundText')}</Text>
      <Anchor component={Link} to="/">
        {t('backToOverview')}
      </Anchor>
    </Stack>
  );
}

/** For an account that is a member of no trial yet: nothing to show until an administrator adds it. */
export function NoTrialPage() {
  const t = useT(common);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('noTrialTitle')}
      </Title>
      <Alert color="blue" variant="light" role="status">
        <Text size="sm">{t('noTrialText')}</Text>
      </Alert>
    </Stack>
  );
}
