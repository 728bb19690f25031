import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconInbox, IconRobot, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { BatchSummary, ResponseResult } from '../../../../lib/contracts/exchange.ts';
import { useLocale } from '../../app/i18n.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { DataTable, type Column, queryState } from '../../ui/DataTable.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime, formatNumber } from '../../ui/format.ts';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useUrlFilters } from '../../ui/url-state.ts';
import {
  BATCHES_PAGE_SIZE,
  batchFileUrl,
  simulatorFileUrl,
  useBatches,
  useResponseUpload,
  useSimulatorApply,
} from './exchange-api.ts';
import { useExchangeText } from './exchange-text.ts';
import { EXCHANGE_PATHS, ExchangeNav, IssueTable } from './exchange-ui.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { UploadForm } from '../../ui/UploadForm.tsx';

const STATE_COLOR = { waiting: 'yellow', partly_answered: 'blue', answered: 'green' } as const;

export function ExchangePage() {
  const xt = useExchangeText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const { values, page, setFilters, setPage } = useUrlFilters(['state', 'batch'] as const);
  const batches = useBatches({ state: values.state, page });
  const selected = batches.data?.items.find((b) => b.id === values.batch) ?? null;

  const columns: Column<BatchSummary>[] = [
    {
      key: 'program',
      header: xt('batches.col.program'),
      cell: (b) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {xt('batches.col.batch')} {b.id} · {b.programName}
          </Text>
          <Text size="xs" c="dimmed">
            {b.regionLabel} ·{' '}
            {xt('batches.submitted', { date: formatDateTime(b.submittedAt, locale), by: b.submittedBy })}
          </Text>
        </Stack>
      ),
    },
    { key: 'persons', header: xt('batches.col.persons'), align: 'right', cell: (b) => formatNumber(b.persons, locale) },
    {
      key: 'status',
      header: xt('batches.col.status'),
      cell: (b) => (
        <Stack gap={2}>
          <Badge color={STATE_COLOR[b.state]} variant="light">
            {xt(`batches.state.${b.state}`)}
          </Badge>
          <Text size="xs" c="dimmed">
            {xt('batches.counts', {
              active: formatNumber(b.active, locale),
              rejected: formatNumber(b.rejected, locale),
              waiting: formatNumber(b.waiting, locale),
            })}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'actions',
      header: xt('batches.col.actions'),
      cell: (b) => (
        <Group gap="xs" wrap="nowrap">
          <Button
            component="a"
            href={batchFileUrl(b.id, 'xlsx')}
            download
            size="xs"
            variant="light"
            leftSection={<IconDownload size={14} aria-hidden />}
            aria-label={`${xt('batches.downloadXlsx')} ${xt('batches.col.batch')} ${b.id}`}
          >
            {xt('batches.downloadXlsx')}
          </Button>
          <Button
            component="a"
            href={batchFileUrl(b.id, 'csv')}
            download
            size="xs"
            variant="subtle"
            aria-label={`${xt('batches.downloadCsv')} ${xt('batches.col.batch')} ${b.id}`}
          >
            {xt('batches.downloadCsv')}
          </Button>
          <Button
            size="xs"
            variant={values.batch === b.id ? 'filled' : 'default'}
            leftSection={<IconUpload size={14} aria-hidden />}
            onClick={() => setFilters({ state: values.state, batch: b.id })}
            aria-label={`${xt('batches.answer')} ${xt('batches.col.batch')} ${b.id}`}
          >
            {xt('batches.answer')}
          </Button>
        </Group>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={xt('batches.title')} description={xt('batches.description', { region: me.regionLabel })} />
      <ExchangeNav />
      <Stack gap="lg">
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <Stack gap="md">
            <LabelledSelect
              label={xt('batches.state')}
              data={[
                { value: '', label: xt('batches.state.all') },
                { value: 'waiting', label: xt('batches.state.waiting') },
                { value: 'partly_answered', label: xt('batches.state.partly_answered') },
                { value: 'answered', label: xt('batches.state.answered') },
              ]}
              value={values.state}
              onChange={(v) => setFilters({ state: v ?? '' })}
              maw={260}
            />
            <DataTable
              label={xt('batches.table')}
              columns={columns}
              rows={batches.data?.items}
              rowKey={(b) => b.id}
              total={batches.data?.total}
              page={page}
              pageSize={BATCHES_PAGE_SIZE}
              onPageChange={setPage}
              {...queryState(batches)}
              minWidth={860}
              empty={
                <EmptyState
                  icon={<IconInbox size={26} stroke={1.5} />}
                  title={xt('batches.empty.title')}
                  body={values.state ? xt('batches.emptyFiltered') : xt('batches.empty.body')}
                />
              }
            />
            <Text size="xs" c="dimmed">
              {xt('batches.templateNote')}{' '}
              {me.role !== 'bpjs' && (
                <Anchor component={Link} to={EXCHANGE_PATHS.template} size="xs">
                  {xt('tabs.template')}
                </Anchor>
              )}
            </Text>
          </Stack>
        </Paper>
        {selected && <ResponsePanel key={selected.id} batch={selected} simulator={batches.data?.simulator ?? false} />}
      </Stack>
    </>
  );
}

function ResponsePanel({ batch, simulator }: { batch: BatchSummary; simulator: boolean }) {
  const xt = useExchangeText();
  const [locale] = useLocale();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ResponseResult | null>(null);
  const [pending, setPending] = useState<number | null>(null);
  const upload = useResponseUpload(batch.id);
  const simulate = useSimulatorApply(batch.id);
  const n = (v: number) => formatNumber(v, locale);

  const send = (dryRun: boolean) => {
    if (!file) return;
    upload.mutate({ file, dryRun }, { onSuccess: setResult });
  };

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
      <Stack gap="md">
        <Title order={2} fz="h4">
          {xt('response.title', { batch: `${batch.id} · ${batch.programName}` })}
        </Title>
        <Text size="sm" c="dimmed" maw="48rem">
          {xt('response.help')}
        </Text>
        {simulator && (
          <Alert color="grape" variant="light" icon={<IconRobot aria-hidden />} title={xt('simulator.title')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{xt('simulator.help')}</Text>
              <Group gap="xs">
                <Button
                  component="a"
                  href={simulatorFileUrl(batch.id)}
                  download
                  size="xs"
                  variant="light"
                  color="grape"
                  leftSection={<IconDownload size={14} aria-hidden />}
                >
                  {xt('simulator.download')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  loading={simulate.isPending}
                  onClick={() =>
                    simulate.mutate(undefined, {
                      onSuccess: (r) => {
                        if (r.status === 'pending') setPending(r.retryAfterSeconds);
                        else {
                          setPending(null);
                          setResult(r.result);
                        }
                      },
                    })
                  }
                >
                  {xt('simulator.apply')}
                </Button>
              </Group>
              {pending !== null && <Text size="sm">{xt('simulator.pending', { seconds: pending })}</Text>}
              {simulate.error ? <ErrorAlert error={simulate.error} /> : null}
            </Stack>
          </Alert>
        )}
        <UploadForm
          onSubmit={() => send(true)}
          file={file}
          onFileChange={(f) => {
            setFile(f);
            setResult(null);
          }}
          fileLabel={xt('response.file')}
          templateHref="/api/exchange/response-template.xlsx"
          error={upload.error}
          actions={
            <>
              <Button type="submit" variant="default" disabled={!file} loading={upload.isPending}>
                {xt('response.preview')}
              </Button>
              <Button
                disabled={!file || !result || result.applied || result.issues.length > 0}
                loading={upload.isPending}
                onClick={() => send(false)}
              >
                {xt('response.apply')}
              </Button>
            </>
          }
        />
        {result && (
          <Stack gap="sm">
            <Text size="sm" role="status">
              {result.applied
                ? xt('response.applied', { accepted: n(result.accepted), rejected: n(result.rejected) })
                : xt('response.summary', {
                    rows: n(result.rows),
                    accepted: n(result.accepted),
                    rejected: n(result.rejected),
                    unchanged: n(result.unchanged),
                    notInFile: n(result.notInFile),
                  })}
            </Text>
            {result.issues.length > 0 ? (
              <>
                <Text size="sm" c="red">
                  {xt('response.issuesLead', { n: n(result.issues.length) })}
                </Text>
                <IssueTable issues={result.issues} label={xt('response.issues')} />
              </>
            ) : (
              <TableScroll label={xt('response.rows')} minWidth={700}>
                <Table aria-label={xt('response.rows')} striped withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{xt('response.col.row')}</Table.Th>
                      <Table.Th>{xt('response.col.name')}</Table.Th>
                      <Table.Th>{xt('response.col.nik')}</Table.Th>
                      <Table.Th>{xt('response.col.outcome')}</Table.Th>
                      <Table.Th>{xt('response.col.kpj')}</Table.Th>
                      <Table.Th>{xt('response.col.reason')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.items.map((i) => (
                      <Table.Tr key={i.row}>
                        <Table.Td>{i.row}</Table.Td>
                        <Table.Td>{i.fullName}</Table.Td>
                        <Table.Td>{i.nikMasked}</Table.Td>
                        <Table.Td>
                          <Text size="sm" fw={600} c={i.outcome === 'accepted' ? 'green' : 'red'}>
                            {xt(`response.outcome.${i.outcome}`)}
                          </Text>
                          {i.change === 'unchanged' && (
                            <Text size="xs" c="dimmed">
                              {xt('response.unchanged')}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{i.kpjNumber ?? '–'}</Table.Td>
                        <Table.Td>{i.reason ?? ''}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
