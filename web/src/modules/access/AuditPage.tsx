import { Button, Code, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFilterOff, IconHistory, IconSearch } from '@tabler/icons-react';
import { ROLES, type Role } from '../../../../lib/access/roles.ts';
import type { AuditEntry } from '../../../../lib/contracts/access.ts';
import { auditActionWords } from '../../../../lib/i18n/audit-actions.ts';
import { useLocale } from '../../app/i18n.ts';
import { DataTable, type Column, queryState } from '../../ui/DataTable.tsx';
import { DebouncedTextInput } from '../../ui/DebouncedTextInput.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useUrlFilters } from '../../ui/url-state.ts';
import { RegionName } from '../regions/RegionName.tsx';
import { AUDIT_PAGE_SIZE, useAudit } from './access-api.ts';
import { DateField } from '../../ui/DateField.tsx';
import { useAccessText } from './access-text.ts';

const FILTER_KEYS = ['actor', 'action', 'from', 'to'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function JsonView({ value }: { value: unknown }) {
  const t = useAccessText();
  if (value === null || value === undefined) return <Text size="sm">{t('ui.none')}</Text>;
  return (
    <Code block className="json-view">
      {JSON.stringify(value, null, 2)}
    </Code>
  );
}

export function AuditPage() {
  const t = useAccessText();
  const [locale] = useLocale();
  const { values, page, setFilters, setPage, clear, filtered } = useUrlFilters(FILTER_KEYS);
  const from = DATE.test(values.from) ? values.from : '';
  const to = DATE.test(values.to) ? values.to : '';
  const audit = useAudit({ actor: values.actor, action: values.action, from, to, page });

  const roleLabel = (role: string | null) =>
    role && (ROLES as readonly string[]).includes(role) ? t(`role.${role as Role}`) : (role ?? t('ui.none'));

  const columns: Column<AuditEntry>[] = [
    { key: 'at', header: t('audit.col.at'), nowrap: true, cell: (e) => formatDateTime(e.at, locale) },
    {
      key: 'actor',
      header: t('audit.col.actor'),
      cell: (e) => (
        <Text size="sm" ff={e.actorUsername ? 'monospace' : undefined} fs={e.actorUsername ? undefined : 'italic'}>
          {e.actorUsername ?? t('audit.system')}
        </Text>
      ),
    },
    { key: 'role', header: t('audit.col.role'), cell: (e) => roleLabel(e.actorRole) },
    {
      key: 'action',
      header: t('audit.col.action'),
      cell: (e) => (
        <Stack gap={0}>
          <Text size="sm">{auditActionWords(e.action, locale)}</Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {e.action}
          </Text>
        </Stack>
      ),
    },
    { key: 'entity', header: t('audit.col.entity'), cell: (e) => e.entity },
    { key: 'entityId', header: t('audit.col.entityId'), nowrap: true, cell: (e) => e.entityId ?? t('ui.none') },
    { key: 'region', header: t('audit.col.region'), cell: (e) => <RegionName code={e.region} /> },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm">
            <DebouncedTextInput
              label={t('audit.filterActor')}
              placeholder={t('audit.filterActorPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              autoCapitalize="none"
              spellCheck={false}
              value={values.actor}
              onCommit={(actor) => setFilters({ actor })}
            />
            <DebouncedTextInput
              label={t('audit.filterAction')}
              placeholder={t('audit.filterActionPlaceholder')}
              autoCapitalize="none"
              spellCheck={false}
              value={values.action}
              onCommit={(action) => setFilters({ action })}
            />
            <DateField
              label={t('audit.filterFrom')}
              value={from}
              maxDate={to || undefined}
              onChange={(v) => setFilters({ from: v })}
            />
            <DateField
              label={t('audit.filterTo')}
              value={to}
              minDate={from || undefined}
              onChange={(v) => setFilters({ to: v })}
            />
          </SimpleGrid>
          {filtered && (
            <Group justify="flex-end">
              <Button variant="subtle" size="xs" leftSection={<IconFilterOff size={14} aria-hidden />} onClick={clear}>
                {t('ui.clearFilters')}
              </Button>
            </Group>
          )}

          <DataTable
            label={t('audit.table')}
            columns={columns}
            rows={audit.data?.items}
            rowKey={(e) => e.id}
            total={audit.data?.total}
            page={page}
            pageSize={AUDIT_PAGE_SIZE}
            onPageChange={setPage}
            {...queryState(audit)}
            minWidth={900}
            renderExpanded={(e) => (
              <Stack gap="sm" py="xs">
                <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                  <div>
                    <Title order={3} size="h6" mb={4}>
                      {t('audit.before')}
                    </Title>
                    <JsonView value={e.before} />
                  </div>
                  <div>
                    <Title order={3} size="h6" mb={4}>
                      {t('audit.after')}
                    </Title>
                    <JsonView value={e.after} />
                  </div>
                </SimpleGrid>
                <Group gap="lg">
                  <Text size="xs" c="dimmed">
                    {t('audit.requestId')}: <Code>{e.requestId ?? t('ui.none')}</Code>
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('audit.ip')}: <Code>{e.ip ?? t('ui.none')}</Code>
                  </Text>
                </Group>
              </Stack>
            )}
            empty={
              <EmptyState
                icon={<IconHistory size={26} stroke={1.5} />}
                title={filtered ? t('ui.noMatch') : t('audit.empty.title')}
                body={filtered ? t('audit.emptyFiltered.body') : t('audit.empty.body')}
                action={
                  filtered ? (
                    <Button variant="default" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={clear}>
                      {t('ui.clearFilters')}
                    </Button>
                  ) : undefined
                }
              />
            }
          />
        </Stack>
      </Paper>
    </>
  );
}
