import { Alert, Anchor, Badge, Button, Group, Paper, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconFileDescription, IconFileTypePdf, IconFileTypeXls } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ReportRow } from '../../../../lib/contracts/reports.ts';
import { fieldErrors } from '../../app/api.ts';
import { useLocale } from '../../app/i18n.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { DataTable, type Column, queryState } from '../../ui/DataTable.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useUrlFilters } from '../../ui/url-state.ts';
import { formatMonth } from '../contributions/rule-format.ts';
import { PlanningLinks, ScopeRegionSelect } from '../targets/targets-ui.tsx';
import { REPORTS_PAGE_SIZE, useCreateReport, useReport, useReports } from './reports-api.ts';
import { useReportsText, type ReportsT } from './reports-text.ts';

function previousMonth(): string {
  const wib = new Date(Date.now() + 7 * 3_600_000);
  const d = new Date(Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth() - 1, 15));
  return d.toISOString().slice(0, 7);
}

const STATUS_COLOR: Record<ReportRow['status'], string> = {
  queued: 'gray',
  running: 'blue',
  done: 'green',
  failed: 'red',
};

function statusText(r: ReportRow, rt: ReportsT) {
  return r.status === 'running'
    ? rt('reports.status.running', { percent: r.progress })
    : rt(`reports.status.${r.status}`);
}

/** Seconds left from the time spent so far and the percent done; null until there is something to go on. */
function secondsLeft(r: ReportRow, now: number): number | null {
  if (!r.startedAt || r.progress <= 0 || r.progress >= 100) return null;
  const spent = (now - new Date(r.startedAt).getTime()) / 1000;
  return Math.max(1, Math.round((spent * (100 - r.progress)) / r.progress));
}

function RunningReport({ id }: { id: string }) {
  const rt = useReportsText();
  const [locale] = useLocale();
  const report = useReport(id);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const r = report.data;
  if (!r) return null;
  const month = formatMonth(r.month, locale);
  if (r.status === 'done') {
    return (
      <Alert color="green" variant="light" role="status">
        <Stack gap="xs">
          <Text size="sm">{rt('reports.done', { month })}</Text>
          <Group gap="sm">
            {r.files.map((f) => (
              <Button
                key={f.format}
                component="a"
                href={f.url}
                download={f.fileName}
                size="xs"
                variant="light"
                leftSection={<IconDownload size={14} aria-hidden />}
                aria-label={rt('reports.download', { format: f.format.toUpperCase(), month })}
              >
                {f.format.toUpperCase()}
              </Button>
            ))}
          </Group>
        </Stack>
      </Alert>
    );
  }
  if (r.status === 'failed') {
    return (
      <Alert color="red" variant="light" role="alert">
        {rt('reports.failed', { error: r.error ?? '' })}
      </Alert>
    );
  }
  const left = secondsLeft(r, now);
  return (
    <Stack gap={4} role="status">
      <Text size="sm">
        {rt('reports.running', { month, percent: r.progress })}
        {left !== null ? ` · ${rt('reports.timeLeft', { seconds: left })}` : ''}
      </Text>
      <Progress.Root>
        <Progress.Section
          value={r.progress}
          animated
          aria-label={rt('reports.progressLabel')}
          aria-valuetext={`${r.progress}%`}
        />
      </Progress.Root>
      {r.stage && (
        <Text size="xs" c="dimmed">
          {r.stage}
        </Text>
      )}
    </Stack>
  );
}

export function ReportsPage() {
  const rt = useReportsText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const { page, setPage } = useUrlFilters([] as const);
  const [region, setRegion] = useState(me.region === '*' ? '' : me.region);
  const [month, setMonth] = useState(previousMonth);
  const [current, setCurrent] = useState<string | null>(null);
  const create = useCreateReport();
  const running = useReport(current);
  const busy = Boolean(current) && running.data?.status !== 'done' && running.data?.status !== 'failed';
  const history = useReports({ page }, busy);
  const queryClient = useQueryClient();
  const finished = running.data?.status === 'done' || running.data?.status === 'failed';
  // The history stops polling when the report ends: fetch it once more so its files appear.
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: ['reports', 'list'] });
  }, [finished, current, queryClient]);
  const errors = fieldErrors<'region' | 'month'>(create.error);

  const columns: Column<ReportRow>[] = [
    { key: 'month', header: rt('reports.col.month'), nowrap: true, cell: (r) => formatMonth(r.month, locale) },
    { key: 'region', header: rt('reports.col.region'), cell: (r) => r.regionLabel },
    {
      key: 'trigger',
      header: rt('reports.col.trigger'),
      cell: (r) => (
        <Stack gap={0}>
          <Text size="sm">
            {r.trigger === 'schedule'
              ? rt('reports.trigger.schedule')
              : rt('reports.trigger.manual', { by: r.requestedBy })}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(r.finishedAt ?? r.requestedAt, locale)}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'status',
      header: rt('reports.col.status'),
      cell: (r) => (
        <Badge color={STATUS_COLOR[r.status]} variant="light" title={r.error ?? undefined}>
          {statusText(r, rt)}
        </Badge>
      ),
    },
    {
      key: 'files',
      header: rt('reports.col.files'),
      cell: (r) => (
        <Stack gap={2}>
          {r.files.map((f) => (
            <Group key={f.format} gap={6} wrap="nowrap">
              <Anchor
                href={f.url}
                download={f.fileName}
                size="sm"
                aria-label={rt('reports.download', {
                  format: f.format.toUpperCase(),
                  month: formatMonth(r.month, locale),
                })}
              >
                <Group gap={4} component="span" wrap="nowrap">
                  {f.format === 'pdf' ? (
                    <IconFileTypePdf size={16} aria-hidden />
                  ) : (
                    <IconFileTypeXls size={16} aria-hidden />
                  )}
                  {f.format.toUpperCase()}
                </Group>
              </Anchor>
              <Text size="xs" c="dimmed" ff="monospace">
                {rt('reports.size', { kb: Math.max(1, Math.round(f.size / 1024)), sha: f.sha256.slice(0, 12) })}
              </Text>
            </Group>
          ))}
        </Stack>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={rt('reports.title')} description={rt('reports.description')} above={<PlanningLinks />} />
      <Stack gap="lg">
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              create.mutate({ region, month }, { onSuccess: (r) => setCurrent(r.id) });
            }}
          >
            <Stack gap="sm">
              <Title order={2} fz="h4">
                {rt('reports.create.title')}
              </Title>
              {create.error && !Object.keys(errors).length ? <ErrorAlert error={create.error} /> : null}
              <Group align="flex-start" grow wrap="wrap" maw="48rem">
                <ScopeRegionSelect value={region} onChange={setRegion} required error={errors.region} />
                <TextInput
                  type="month"
                  label={rt('reports.month')}
                  description={rt('reports.monthHelp')}
                  value={month}
                  onChange={(e) => setMonth(e.currentTarget.value)}
                  required
                  error={errors.month}
                />
              </Group>
              <Group>
                <Button
                  type="submit"
                  leftSection={<IconFileDescription size={18} aria-hidden />}
                  loading={create.isPending}
                  disabled={busy}
                >
                  {rt('reports.submit')}
                </Button>
              </Group>
              {current && <RunningReport id={current} />}
            </Stack>
          </form>
        </Paper>
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <Stack gap="sm">
            <Title order={2} fz="h4">
              {rt('reports.history')}
            </Title>
            <DataTable
              label={rt('reports.history')}
              columns={columns}
              rows={history.data?.items}
              rowKey={(r) => r.id}
              total={history.data?.total}
              page={page}
              pageSize={REPORTS_PAGE_SIZE}
              onPageChange={setPage}
              {...queryState(history)}
              minWidth={820}
              empty={
                <EmptyState
                  icon={<IconFileDescription size={26} stroke={1.5} />}
                  title={rt('reports.empty.title')}
                  body={rt('reports.empty.body')}
                />
              }
            />
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
