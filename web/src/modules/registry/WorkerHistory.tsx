import { Anchor, Group, Loader, Paper, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { IconEye, IconFileImport, IconGitMerge, IconPencil, IconPlus, IconUserCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { WorkerHistoryEntry } from '../../../../lib/contracts/workers.ts';
import { auditActionWords } from '../../../../lib/i18n/audit-actions.ts';
import { useLocale } from '../../app/i18n.ts';
import { ROUTES } from '../../app/routes.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useWorkerHistory } from './registry-api.ts';
import { fieldLabel, formatFieldValue } from './worker-fields.ts';
import { useRegistryText, type RegistryT } from './registry-text.ts';

const ICONS: Readonly<Record<string, ReactNode>> = {
  'worker.create': <IconPlus size={14} aria-hidden />,
  'worker.update': <IconPencil size={14} aria-hidden />,
  'worker.import_update': <IconFileImport size={14} aria-hidden />,
  'worker.merge': <IconGitMerge size={14} aria-hidden />,
  'worker.merged': <IconGitMerge size={14} aria-hidden />,
  'worker.duplicate_dismiss': <IconUserCheck size={14} aria-hidden />,
  'worker.reveal_nik': <IconEye size={14} aria-hidden />,
};

/**
 * `form:operator.trirenggo` → "Formulir (operator.trirenggo)" ("Formulir" when that is who acted), `import:42` →
 * "Impor berkas #42", `demo:1` → "Data contoh (demo 1)".
 */
function sourceLabel(source: string, actor: string | null, t: RegistryT): string {
  const [kind = '', detail = ''] = source.split(/:(.*)/s);
  if (kind === 'form')
    return detail === actor ? t('history.source.formShort') : t('history.source.form', { user: detail });
  if (kind === 'import') return t('history.source.import', { job: detail });
  if (kind === 'demo') return t('history.source.demo', { seed: detail });
  return source;
}

/** The worker's audit trail as a timeline, newest first: who, when, where from, and each field before → after. */
export function WorkerHistoryTimeline({ workerId }: { workerId: string }) {
  const t = useRegistryText();
  const history = useWorkerHistory(workerId);
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby="worker-history">
      <Title order={2} fz="h4" mb="md" id="worker-history">
        {t('history.title')}
      </Title>
      {history.isPending ? (
        <Group gap="sm" role="status">
          <Loader size="sm" aria-hidden />
          <Text size="sm">{t('ui.loading')}</Text>
        </Group>
      ) : history.isError ? (
        <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <Timeline bulletSize={26} lineWidth={2} active={-1} data-testid="worker-history">
          {history.data.items.map((entry) => (
            <HistoryItem key={entry.id} entry={entry} regionLabels={history.data.regionLabels} />
          ))}
        </Timeline>
      )}
    </Paper>
  );
}

function HistoryItem({ entry, regionLabels }: { entry: WorkerHistoryEntry; regionLabels: Record<string, string> }) {
  const t = useRegistryText();
  const [locale] = useLocale();
  const meta = [
    formatDateTime(entry.at, locale),
    entry.actor ? t('history.by', { user: entry.actor }) : null,
    entry.source ? sourceLabel(entry.source, entry.actor, t) : null,
  ].filter(Boolean);
  return (
    <Timeline.Item bullet={ICONS[entry.action]} title={auditActionWords(entry.action, locale)}>
      <Stack gap={6} mt={4}>
        <Text size="xs" c="dimmed">
          {meta.join(' · ')}
        </Text>
        {entry.relatedWorkerId && (
          <Text size="sm">
            {t(entry.action === 'worker.merged' ? 'history.mergedInto' : 'history.related')}{' '}
            <Anchor component={Link} to={ROUTES.workerDetail(entry.relatedWorkerId)}>
              {t('workerDetail.mergedLink', { id: entry.relatedWorkerId })}
            </Anchor>
          </Text>
        )}
        {entry.changes.length > 0 && (
          <Table fz="sm" withRowBorders={false} verticalSpacing={2} horizontalSpacing="xs" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w="30%">
                  {t('history.field')}
                </Table.Th>
                <Table.Th scope="col">{t('history.before')}</Table.Th>
                <Table.Th scope="col" w={28} aria-hidden />
                <Table.Th scope="col">{t('history.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entry.changes.map((c) => (
                <Table.Tr key={c.field}>
                  <Table.Td fw={600}>{fieldLabel(c.field, t)}</Table.Td>
                  <Table.Td c="dimmed" td="line-through">
                    {formatFieldValue(c.field, c.before, { t, locale, regionLabels })}
                  </Table.Td>
                  <Table.Td aria-hidden>→</Table.Td>
                  <Table.Td>{formatFieldValue(c.field, c.after, { t, locale, regionLabels })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Timeline.Item>
  );
}
