// The audit entries: when (Amsterdam time), who, what, on which record (named: the user's name, the kind
// of record and the participant's study ID), why, and the values before and after under their names,
// wrapped inside their column, with the changed ones marked.
import { Badge, Code, Stack, Table, Text } from '@mantine/core';
import { roles, type Role } from '@trialdesk/domain';
import { roleLabelKey } from '../../app/layout/role-label';
import { ScrollTable } from '../../components/scroll-table';
import { common } from '../../i18n/common-messages';
import { useFormat, useLang, useT } from '../../i18n/i18n-context';
import type { RouterOutputs } from '../../lib/trpc';
import { actionMessages, isAuditAction } from './action-messages';
import { diffRows } from './audit-diff';
import { auditEntityName, auditFieldName, readableValue } from './audit-fields';
import { messages } from './messages';

type Entry = RouterOutputs['audit']['list']['rows'][number];

const isRole = (r: string | null): r is Role => r !== null && (roles as readonly string[]).includes(r);

/** Long values (reasons, criteria, file names) wrap inside their column instead of spilling out. */
const wrap = { overflowWrap: 'anywhere', wordBreak: 'break-word' } as const;

function Changes({ before, after }: { before: unknown; after: unknown }) {
  const t = useT(messages);
  const { lang } = useLang();
  const f = useFormat();
  const rows = diffRows(before, after, (v, field) => readableValue(v, lang, (iso) => f.date(iso), field));
  if (rows.length === 0) return null;
  return (
    <Stack gap={2} miw={200} maw={360} style={wrap}>
      {rows.map((r) => (
        <Text key={r.field ?? '_'} size="xs" fw={r.changed ? 600 : 400} c={r.changed ? undefined : 'dimmed'}>
          {r.field ? (
            <Text span size="xs" fw={700}>
              {auditFieldName(r.field, lang)}:
            </Text>
          ) : null}{' '}
          {before == null ? (
            <>{r.after ?? '–'}</>
          ) : after == null ? (
            <>{r.before ?? '–'}</>
          ) : r.changed ? (
            <>
              <Text span size="xs" td="line-through" c="red.8">
                {r.before ?? '–'}
              </Text>{' '}
              →{' '}
              <Text span size="xs" c="teal.9">
                {r.after ?? '–'}
              </Text>
            </>
          ) : (
            <>{r.after ?? '–'}</>
          )}
        </Text>
      ))}
      {before == null && after != null ? (
        <Badge size="xs" variant="outline" color="gray">
          {t('created_value')}
        </Badge>
      ) : null}
    </Stack>
  );
}

/** The record an entry is about, by name: "User · Demo coordinator AVL (coord-avl)", "Assessment · PUMP3-EMC-004". */
function EntityCell({ e }: { e: Entry }) {
  const { lang } = useLang();
  const name = e.entityLabel ?? e.participant ?? (e.entityType === 'user' ? null : e.entityId);
  return (
    <>
      <Text size="sm">
        <Text span size="sm" fw={600}>
          {auditEntityName(e.entityType, lang)}
        </Text>
        {name ? ` · ${name}` : ''}
      </Text>
      {e.trialId || e.centre ? (
        <Text size="xs" c="dimmed">
          {[e.trialId, e.centre].filter(Boolean).join(' · ')}
        </Text>
      ) : null}
    </>
  );
}

export function AuditTable({ entries }: { entries: readonly Entry[] }) {
  const t = useT(messages);
  const tc = useT(common);
  const ta = useT(actionMessages);
  const f = useFormat();
  return (
    <ScrollTable>
      <Table striped verticalSpacing="xs" fz="sm" data-testid="audit-list">
        <Table.Caption>{t('auditCaption', { count: entries.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">#</Table.Th>
            <Table.Th scope="col">{t('colTime')}</Table.Th>
            <Table.Th scope="col">{t('colUser')}</Table.Th>
            <Table.Th scope="col">{t('colAction')}</Table.Th>
            <Table.Th scope="col">{t('colEntity')}</Table.Th>
            <Table.Th scope="col">{t('colParticipant')}</Table.Th>
            <Table.Th scope="col">{t('colReason')}</Table.Th>
            <Table.Th scope="col">{t('colChanges')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.seq}>
              <Table.Td className="tabular">{e.seq}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.timestamp(e.at)}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {e.username ?? t('anonymous')}
                </Text>
                {isRole(e.role) ? (
                  <Text size="xs" c="dimmed">
                    {tc(roleLabelKey[e.role])}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{isAuditAction(e.action) ? ta(e.action) : e.action}</Text>
                <Code fz="xs">{e.action}</Code>
              </Table.Td>
              <Table.Td title={e.entityId ? `${e.entityType} ${e.entityId}` : undefined}>
                <EntityCell e={e} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.participant ?? ''}</Table.Td>
              <Table.Td miw={160} maw={280} style={wrap}>
                {e.reason ?? ''}
              </Table.Td>
              <Table.Td>
                <Changes before={e.before} after={e.after} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
