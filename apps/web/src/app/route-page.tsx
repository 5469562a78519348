// Renders one entry of the route table: the role check the table asks for, then the lazy page.
import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { Suspense } from 'react';
import { Link } from 'react-router';
import { PageLoader } from '../components/page-state';
import { common } from '../i18n/common-messages';
import { useT } from '../i18n/i18n-context';
import { roleLabelKey } from './layout/role-label';
import type { PageRoute } from './routes';
import { useSession } from './session';

export function RoutePage({ route }: { route: PageRoute }) {
  const user = useSession();
  const t = useT(common);
  if (route.roles && !route.roles.includes(user.role)) {
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
