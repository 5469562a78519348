// The live verdict of the checklist: eligible, not eligible (every failing criterion listed), or not
// complete yet. The same domain function decides on the server.
import { Alert, List } from '@mantine/core';
import type { EligibilityResult } from '@trialdesk/domain';
import { useLang, useT } from '../../i18n/i18n-context';
import { messages } from './messages';

export function EligibilitySummary({ result }: { result: EligibilityResult }) {
  const t = useT(messages);
  const { lang } = useLang();
  if (result.status === 'eligible')
    return (
      <Alert color="teal" role="status" data-eligibility="eligible">
        {t('eligible')}
      </Alert>
    );
  if (result.status === 'not_eligible')
    return (
      <Alert color="red" role="status" data-eligibility="not_eligible">
        {t('notEligible', { count: result.failures.length })}
        <List size="sm" mt="xs">
          {result.failures.map((f) => (
            <List.Item key={f.criterionId}>{f.message[lang]}</List.Item>
          ))}
        </List>
      </Alert>
    );
  return (
    <Alert color="gray" role="status" data-eligibility="incomplete">
      {t('incomplete', { count: result.inputErrors.length })}
      {result.failures.length > 0 ? (
        <List size="sm" mt="xs">
          {result.failures.map((f) => (
            <List.Item key={f.criterionId}>{f.message[lang]}</List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
