import { Button, Code, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconFilterOff, IconSearch, IconShieldCheck } from '@tabler/icons-react';
import { SECURITY_EVENT_KINDS, type SecurityEvent, type SecurityEventKind } from '../../../../lib/contracts/access.ts';
import { useLocale, useT } from '../../app/i18n.ts';
import { DataTable, type Column, queryState } from '../../ui/DataTable.tsx';
import { DebouncedTextInput } from '../../ui/DebouncedTextInput.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useUrlFilters } from '../../ui/url-state.ts';
import { SECURITY_PAGE_SIZE, useSecurityAlerts, useSecurityEvents } from './access-api.ts';
import { SecurityAlertBanner } from './SecurityAlertBanner.tsx';
import { useAccessText } from './access-text.ts';

const FILTER_KEYS = ['kind', 'username', 'ip'] as const;

const isKind = (v: string): v is SecurityEventKind => (SECURITY_EVENT_KINDS as readonly string[]).includes(v);

/** The admin's view of refused sign-ins and probes, with the burst alert on top. */
export function SecurityPage() {
  const t = useAccessText();
  const tt = useT();
  const [locale] = useLocale();
  const { values, page, setFilters, setPage, clear, filtered } = useUrlFilters(FILTER_KEYS);
  const kind = isKind(values.kind) ? values.kind : '';
  const events = useSecurityEvents({ kind, username: values.username, ip: values.ip, page });
  const alerts = useSecurityAlerts();

  const columns: Column<SecurityEvent>[] = [
    { key: 'at', header: t('security.col.at'), nowrap: true, cell: (e) => formatDateTime(e.at, locale) },
    { key: 'kind', header: t('security.col.kind'), cell: (e) => t(`security.kind.${e.kind}`) },
    {
      key: 'username',
      header: t('security.col.username'),
      cell: (e) => (
        <Text size="sm" ff={e.username ? 'monospace' : undefined} fs={e.username ? undefined : 'italic'}>
          {e.username ?? t('security.unknownAccount')}
        </Text>
      ),
    },
    {
      key: 'ip',
      header: t('security.col.ip'),
      nowrap: true,
      cell: (e) => (
        <Text size="sm" ff="monospace">
          {e.ip ?? tt('ui.none')}
        </Text>
      ),
    },
    {
      key: 'request',
      header: t('security.col.request'),
      cell: (e) => (
        <Text size="sm" ff="monospace">
          {e.method && e.path ? `${e.method} ${e.path}` : tt('ui.none')}
        </Text>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('security.title')} description={t('security.description')} />
      <Stack gap="md">
        <SecurityAlertBanner withLink={false} />
        {alerts.data && alerts.data.alerts.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('security.alert.none', { minutes: alerts.data.windowMinutes, threshold: alerts.data.threshold })}
          </Text>
        )}
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="sm">
              <LabelledSelect
                label={t('security.filterKind')}
                data={[
                  { value: '', label: t('security.filterKind.all') },
                  ...SECURITY_EVENT_KINDS.map((k) => ({ value: k, label: t(`security.kind.${k}`) })),
                ]}
                value={kind}
                onChange={(v) => setFilters({ kind: v ?? '' })}
                allowDeselect={false}
              />
              <DebouncedTextInput
                label={t('security.filterUsername')}
                placeholder={t('security.filterUsernamePlaceholder')}
                leftSection={<IconSearch size={16} aria-hidden />}
                autoCapitalize="none"
                spellCheck={false}
                value={values.username}
                onCommit={(username) => setFilters({ username })}
              />
              <DebouncedTextInput
                label={t('security.filterIp')}
                placeholder={t('security.filterIpPlaceholder')}
                autoCapitalize="none"
                spellCheck={false}
                value={values.ip}
                onCommit={(ip) => setFilters({ ip })}
              />
            </SimpleGrid>
            {filtered && (
              <Group justify="flex-end">
                <Button
                  variant="subtle"
                  size="xs"
                  leftSection={<IconFilterOff size={14} aria-hidden />}
                  onClick={clear}
                >
                  {tt('ui.clearFilters')}
                </Button>
              </Group>
            )}
            <DataTable
              label={t('security.table')}
              columns={columns}
              rows={events.data?.items}
              rowKey={(e) => e.id}
              total={events.data?.total}
              page={page}
              pageSize={SECURITY_PAGE_SIZE}
              onPageChange={setPage}
              {...queryState(events)}
              minWidth={820}
              renderExpanded={(e) => (
                <Stack gap={4} py="xs">
                  <Text size="xs" c="dimmed">
                    {t('security.col.detail')}
                  </Text>
                  <Code block>
                    {JSON.stringify({ region: e.region, requestId: e.requestId, ...asObject(e.detail) }, null, 2)}
                  </Code>
                </Stack>
              )}
              empty={
                <EmptyState
                  icon={<IconShieldCheck size={26} stroke={1.5} />}
                  title={filtered ? tt('ui.noMatch') : t('security.empty.title')}
                  body={filtered ? t('security.emptyFiltered.body') : t('security.empty.body')}
                />
              }
            />
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
