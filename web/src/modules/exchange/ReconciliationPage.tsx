import { Alert, Button, Paper, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconDownload, IconListCheck } from '@tabler/icons-react';
import {
  RECONCILIATION_KINDS,
  type ReconciliationItem,
  type ReconciliationKind,
} from '../../../../lib/contracts/exchange.ts';
import { useLocale } from '../../app/i18n.ts';
import { DataTable, type Column, queryState } from '../../ui/DataTable.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { formatDate, formatNumber } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useUrlFilters } from '../../ui/url-state.ts';
import { RECON_PAGE_SIZE, reconciliationXlsxUrl, useReconciliation } from './exchange-api.ts';
import { useXT } from './exchange-text.ts';
import { ExchangeNav } from './exchange-ui.tsx';

const KIND_COLOR: Record<ReconciliationKind, string> = {
  matched: 'green',
  mismatched: 'orange',
  missing: 'red',
  outside: 'blue',
};

export function ReconciliationPage() {
  const xt = useXT();
  const [locale] = useLocale();
  const { values, page, setFilters, setPage } = useUrlFilters(['kind'] as const);
  const kind = (RECONCILIATION_KINDS as readonly string[]).includes(values.kind)
    ? (values.kind as ReconciliationKind)
    : 'mismatched';
  const rec = useReconciliation({ kind, page });
  const data = rec.data;
  const n = (v: number) => formatNumber(v, locale);

  const columns: Column<ReconciliationItem>[] = [
    {
      key: 'person',
      header: xt('recon.col.person'),
      cell: (r) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {r.fullName ?? xt('recon.notRegistered')}
          </Text>
          <Text size="xs" c="dimmed">
            {r.nikMasked}
            {r.villageLabel ? ` · ${r.villageLabel}` : ''}
          </Text>
        </Stack>
      ),
    },
    { key: 'program', header: xt('recon.col.program'), cell: (r) => r.programName ?? '–' },
    {
      key: 'kpj',
      header: xt('recon.col.kpj'),
      nowrap: true,
      cell: (r) => `${r.lindungKpj ?? '–'} / ${r.bpjsKpj ?? '–'}`,
    },
    {
      key: 'bpjs',
      header: xt('recon.col.bpjs'),
      cell: (r) =>
        r.bpjsCategory ? (
          <Stack gap={0}>
            <Text size="sm">
              {r.bpjsCategory} · {formatDate(r.bpjsCoverageStart, locale)}
            </Text>
            <Text size="xs" c="dimmed">
              {[
                r.bpjsState ? xt(`recon.state.${r.bpjsState}`) : null,
                r.bpjsPaidThrough ? xt('recon.paidThrough', { month: r.bpjsPaidThrough }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Stack>
        ) : (
          '–'
        ),
    },
    { key: 'diff', header: xt('recon.col.diff'), cell: (r) => r.differences.join('; ') },
  ];

  return (
    <>
      <PageHeader
        title={xt('recon.title')}
        description={xt('recon.description', { region: data?.regionLabel ?? '…' })}
        actions={
          <Button
            component="a"
            href={reconciliationXlsxUrl()}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {xt('recon.export')}
          </Button>
        }
      />
      <ExchangeNav />
      <Stack gap="lg">
        {data &&
          (data.snapshot ? (
            <Text size="sm" c="dimmed" data-testid="recon-snapshot">
              {xt('recon.snapshot', {
                asOf: formatDate(data.snapshot.asOf, locale),
                persons: n(data.snapshot.persons),
                region: data.snapshot.region,
              })}
            </Text>
          ) : (
            <Alert color="yellow" variant="light">
              {xt('recon.noSnapshot')}
            </Alert>
          ))}
        <SimpleGrid cols={{ base: 2, md: 4 }} role="group" aria-label={xt('recon.kinds')}>
          {RECONCILIATION_KINDS.map((k) => (
            <UnstyledButton
              key={k}
              onClick={() => setFilters({ kind: k })}
              aria-pressed={k === kind}
              data-testid={`recon-count-${k}`}
            >
              <Paper
                withBorder
                radius="md"
                p="md"
                style={{ borderColor: k === kind ? `var(--mantine-color-${KIND_COLOR[k]}-6)` : undefined }}
              >
                <Text size="sm" c="dimmed">
                  {xt(`recon.kind.${k}`)}
                </Text>
                <Text fz={28} fw={700} c={KIND_COLOR[k]}>
                  {data ? n(data.counts[k]) : '…'}
                </Text>
                <Text size="xs" c="dimmed">
                  {xt(`recon.kindHelp.${k}`)}
                </Text>
              </Paper>
            </UnstyledButton>
          ))}
        </SimpleGrid>
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <DataTable
            label={xt('recon.table', { kind: xt(`recon.kind.${kind}`) })}
            columns={columns}
            rows={data?.items}
            rowKey={(r) => r.nikMasked + (r.programName ?? '') + (r.bpjsKpj ?? '')}
            total={data?.total}
            page={page}
            pageSize={RECON_PAGE_SIZE}
            onPageChange={setPage}
            {...queryState(rec)}
            minWidth={900}
            empty={
              <EmptyState
                icon={<IconListCheck size={26} stroke={1.5} />}
                title={xt('recon.empty')}
                body={xt(`recon.kindHelp.${kind}`)}
              />
            }
          />
        </Paper>
      </Stack>
    </>
  );
}
