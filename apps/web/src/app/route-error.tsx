// A page that crashed while rendering: say so in words, keep the way around (inside the app's layout the
// navigation stays; outside it, links to start again), and leave the technical details to the console,
// where whoever investigates finds them, instead of showing a JavaScript message to a clinician.
import { Alert, Anchor, Button, Container, Group, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { Link, useRouteError } from 'react-router';
import { common } from '../i18n/common-messages';
import { useT } from '../i18n/i18n-context';

export function RouteError({ inLayout = false }: { inLayout?: boolean }) {
  const error = useRouteError();
  const t = useT(common);
  useEffect(() => {
    console.error('Trialdesk: a page failed to render', error);
  }, [error]);
  const body = (
    <Alert color="red" role="alert" title={t('errorTitle')}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('errorText')}</Text>
        <Group gap="md">
          <Button size="xs" variant="light" onClick={() => window.location.reload()}>
            {t('retry')}
          </Button>
          <Anchor component={Link} to="/" size="sm">
            {t('backToOverview')}
          </Anchor>
        </Group>
      </Stack>
    </Alert>
  );
  return inLayout ? (
    body
  ) : (
    <Container size="sm" py="xl">
      {body}
    </Container>
  );
}
