import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconDeviceFloppy, IconDownload, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { ImportIssue, ImportJob } from '../../../../lib/contracts/imports.ts';
import {
  IMPORT_FIELDS,
  IMPORT_FIELD_LABELS,
  REQUIRED_FIELDS,
  type ImportField,
} from '../../../../lib/imports/headers.ts';
import { useLocale } from '../../app/i18n.ts';
import { ROUTES } from '../../app/routes.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { DataTable, type Column, queryState } from '../../ui/DataTable.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { formatNumber } from '../../ui/format.ts';
import { RegionPicker } from '../regions/RegionPicker.tsx';
import {
  ISSUES_PAGE_SIZE,
  reportUrl,
  useCancelImport,
  useCommit,
  useImport,
  useImportIssues,
  useSetMapping,
} from './imports-api.ts';
import { ImportProgress, StatusBadge } from './ImportStatus.tsx';
import { useImportsText } from './imports-text.ts';
import { Figure } from '../../ui/Figure.tsx';

export function ImportJobPage() {
  const { id = '' } = useParams();
  const t = useImportsText();
  const job = useImport(id);
  const data = job.data;

  return (
    <>
      <PageHeader
        title={data ? t('imports.jobTitle', { file: data.fileName }) : t('imports.title')}
        description={data ? <StatusBadge job={data} /> : undefined}
        above={
          <Anchor component={Link} to={ROUTES.imports} size="sm">
            ← {t('imports.title')}
          </Anchor>
        }
      />
      {job.error ? <ErrorAlert error={job.error} onRetry={() => void job.refetch()} /> : null}
      {data ? <JobBody job={data} /> : null}
      {data ? <CancelImport job={data} /> : null}
    </>
  );
}

const CANCELLABLE: readonly ImportJob['status'][] = ['needs_mapping', 'queued', 'running', 'validated'];

/** Cancels a waiting or running import after a confirmation naming its file; nothing is changed by it. */
function CancelImport({ job }: { job: ImportJob }) {
  const t = useImportsText();
  const cancel = useCancelImport(job.id);
  const [asked, setAsked] = useState(false);
  if (!CANCELLABLE.includes(job.status)) return null;
  return (
    <Stack gap="xs" mt="md" align="flex-start">
      {cancel.error ? <ErrorAlert error={cancel.error} /> : null}
      {asked && job.status === 'running' ? (
        <Text size="sm" role="status">
          {t('imports.cancelAsked')}
        </Text>
      ) : null}
      <Button
        variant="default"
        color="red"
        loading={cancel.isPending}
        onClick={() => {
          if (!window.confirm(t('imports.cancelConfirm', { file: job.fileName }))) return;
          setAsked(true);
          cancel.mutate();
        }}
      >
        {t('imports.cancel')}
      </Button>
    </Stack>
  );
}

function JobBody({ job }: { job: ImportJob }) {
  const t = useImportsText();
  switch (job.status) {
    case 'needs_mapping':
      return <MappingForm job={job} />;
    case 'queued':
    case 'running':
      return (
        <Paper withBorder radius="md" p="md">
          <ImportProgress job={job} />
        </Paper>
      );
    case 'cancelled':
      return (
        <Alert color="gray" variant="light" title={t('imports.status.cancelled')} role="status">
          {job.error}
        </Alert>
      );
    case 'failed':
      return (
        <Stack gap="md">
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('imports.failedTitle')}
            role="alert"
          >
            {job.error}
          </Alert>
          {job.inspection ? <MappingForm job={job} /> : null}
        </Stack>
      );
    case 'validated':
    case 'committed':
      return <Results job={job} />;
  }
}

/** The mapping screen: which field each column fills; the village for files without one. */
function MappingForm({ job }: { job: ImportJob }) {
  const t = useImportsText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const inspection = job.inspection!;
  const [mapping, setMapping] = useState<Record<string, ImportField | null>>(() =>
    Object.fromEntries(inspection.columns.map((c) => [c.header, (c.field as ImportField | null) ?? null])),
  );
  const [village, setVillage] = useState(job.defaultVillage ?? '');
  const save = useSetMapping(job.id);
  const chosen = new Set(Object.values(mapping).filter((f): f is ImportField => f !== null));
  const missing = REQUIRED_FIELDS.filter(
    (f) =>
      !chosen.has(f) && !(f === 'village' && (/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(village) || chosen.has('district'))),
  );
  const options = [
    { value: '', label: t('imports.ignoreColumn') },
    ...IMPORT_FIELDS.map((f) => ({
      value: f,
      label: `${IMPORT_FIELD_LABELS[f][locale]}${REQUIRED_FIELDS.includes(f) ? ' *' : ''}`,
    })),
  ];

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
      <Stack gap="md">
        <Title order={2} fz="h4">
          {t('imports.mappingTitle')}
        </Title>
        <Text size="sm">{t('imports.mappingHelp')}</Text>
        {inspection.unknown.length > 0 ? (
          <Alert color="orange" variant="light">
            {t('imports.unknownHeaders', { headers: inspection.unknown.join(', ') })}
          </Alert>
        ) : null}
        <Table striped withTableBorder maw="48rem">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.fileColumn')}</Table.Th>
              <Table.Th>{t('imports.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {inspection.columns.map((c) => (
              <Table.Tr key={c.header}>
                <Table.Td>
                  <Text fw={500}>{c.header || '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('imports.fieldFor', { header: c.header })}
                    data={options}
                    value={mapping[c.header] ?? ''}
                    onChange={(v) => setMapping((m) => ({ ...m, [c.header]: (v || null) as ImportField | null }))}
                    allowDeselect={false}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {!chosen.has('village') ? (
          <RegionPicker
            scope={me.region}
            value={village}
            onChange={setVillage}
            legend={t('imports.defaultVillage')}
            description={t('imports.defaultVillageHelp')}
          />
        ) : null}
        {missing.length > 0 ? (
          <Alert color="red" variant="light" role="alert">
            {t('imports.missingFields', { fields: missing.map((f) => IMPORT_FIELD_LABELS[f][locale]).join(', ') })}
          </Alert>
        ) : null}
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <Group>
          <Button
            disabled={missing.length > 0}
            loading={save.isPending}
            onClick={() =>
              save.mutate({
                mapping,
                ...(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(village) && { defaultVillage: village }),
              })
            }
          >
            {t('imports.mappingSave')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Results({ job }: { job: ImportJob }) {
  const t = useImportsText();
  const [locale] = useLocale();
  const [page, setPage] = useState(1);
  const [severity, setSeverity] = useState('');
  const issues = useImportIssues(job.id, page, severity, true);
  const commit = useCommit(job.id);
  const s = job.summary!;
  const committed = job.status === 'committed';
  const toWrite = s.inserted + s.updated;

  const columns: Column<ImportIssue>[] = [
    { key: 'row', header: t('imports.col.row'), align: 'right', nowrap: true, cell: (i) => i.row ?? '—' },
    { key: 'column', header: t('imports.col.column'), cell: (i) => i.column ?? '—' },
    {
      key: 'severity',
      header: t('imports.col.severity'),
      nowrap: true,
      cell: (i) => (
        <Badge color={i.severity === 'error' ? 'red' : 'yellow'} variant="light">
          {t(i.severity === 'error' ? 'imports.error' : 'imports.warning')}
        </Badge>
      ),
    },
    {
      key: 'code',
      header: t('imports.col.code'),
      nowrap: true,
      cell: (i) => (
        <Text size="xs" ff="monospace">
          {i.code}
        </Text>
      ),
    },
    { key: 'message', header: t('imports.col.message'), cell: (i) => i.message },
  ];

  return (
    <Stack gap="lg">
      {committed ? (
        <Alert
          color="green"
          variant="light"
          icon={<IconCheck aria-hidden />}
          title={t('imports.committedTitle')}
          role="status"
        >
          {t('imports.committedBody', { inserted: s.inserted, updated: s.updated })}{' '}
          <Anchor component={Link} to={ROUTES.workers}>
            {t('imports.toWorkers')}
          </Anchor>
        </Alert>
      ) : (
        <Alert color="blue" variant="light" title={t('imports.validatedTitle')} role="status">
          {t('imports.validatedBody')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
        <Figure
          label={t('imports.total')}
          testId={`figure-${t('imports.total')}`}
          value={formatNumber(s.total, locale)}
        />
        <Figure
          label={t('imports.inserted')}
          testId={`figure-${t('imports.inserted')}`}
          value={formatNumber(s.inserted, locale)}
          color="green"
        />
        <Figure
          label={t('imports.updated')}
          testId={`figure-${t('imports.updated')}`}
          value={formatNumber(s.updated, locale)}
          color="blue"
        />
        <Figure
          label={t('imports.unchanged')}
          testId={`figure-${t('imports.unchanged')}`}
          value={formatNumber(s.unchanged, locale)}
        />
        <Figure
          label={t('imports.rejected')}
          testId={`figure-${t('imports.rejected')}`}
          value={formatNumber(s.rejected, locale)}
          color={s.rejected ? 'red' : undefined}
        />
        <Figure
          label={t('imports.warnings')}
          testId={`figure-${t('imports.warnings')}`}
          value={formatNumber(s.warnings, locale)}
          color={s.warnings ? 'yellow' : undefined}
        />
      </SimpleGrid>
      <Group>
        {!committed ? (
          <Button
            leftSection={<IconDeviceFloppy size={18} aria-hidden />}
            disabled={toWrite === 0}
            loading={commit.isPending}
            onClick={() => commit.mutate()}
          >
            {t('imports.commit', { rows: toWrite })}
          </Button>
        ) : null}
        <Button
          component="a"
          href={reportUrl(job.id)}
          download
          variant="default"
          leftSection={<IconDownload size={18} aria-hidden />}
        >
          {t('imports.downloadReport')}
        </Button>
        <Button
          component={Link}
          to={ROUTES.imports}
          variant="subtle"
          leftSection={<IconUpload size={18} aria-hidden />}
        >
          {t('imports.uploadFixed')}
        </Button>
      </Group>
      {commit.error ? <ErrorAlert error={commit.error} /> : null}
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end">
            <Title order={2} fz="h4">
              {t('imports.issues')}
            </Title>
            <LabelledSelect
              label={t('imports.filterSeverity')}
              data={[
                { value: '', label: t('imports.allIssues') },
                { value: 'error', label: t('imports.errorsOnly') },
                { value: 'warning', label: t('imports.warningsOnly') },
              ]}
              value={severity}
              onChange={(v) => {
                setSeverity(v ?? '');
                setPage(1);
              }}
              allowDeselect={false}
            />
          </Group>
          <DataTable
            label={t('imports.issues')}
            columns={columns}
            rows={issues.data?.items}
            rowKey={(i) => `${i.row}-${i.column}-${i.code}-${i.message}`}
            total={issues.data?.total}
            page={page}
            pageSize={ISSUES_PAGE_SIZE}
            onPageChange={setPage}
            {...queryState(issues)}
            minWidth={760}
            empty={<EmptyState title={t('imports.noIssues')} body={t('imports.noIssuesBody')} />}
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
