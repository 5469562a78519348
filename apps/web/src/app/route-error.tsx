// A page that crashed while rendering: say so in words instead of a blank screen.
import { Alert, Anchor, Container, Text } from '@mantine/core';
import { useRouteError } from 'react-router';
import { common } from '../i18n/common-messages';
import { useT } from '../i18n/i18n-context';

export function RouteError() {
  const error = useRouteError();
  const t = useT(common);
  return (
    <Container size="sm" py="xl">
      <Alert color="red" role="alert" title={t('errorTitle')}>
        <Text size="sm">{error instanceof Error ? error.message : String(error)}</Text>
        <Anchor href="/" mt="sm" display="inline-block">
          {t('backToOverview')}
        </Anchor>
      </Alert>
    </Container>
  );
}
