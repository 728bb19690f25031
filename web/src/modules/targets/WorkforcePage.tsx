import { Alert, Button, Group, Modal, NumberInput, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconCheck,
  IconDownload,
  IconPencil,
  IconPlus,
  IconTrash,
  IconUpload,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useState } from 'react';
import {
  TARGET_EDITORS,
  WORKFORCE_KINDS,
  type WorkforceImportResult,
  type WorkforceKind,
  type WorkforceRow,
} from '../../../../lib/contracts/targets.ts';
import { SEGMENTS, type SegmentCode } from '../../../../lib/rules/segments.ts';
import { ApiError, fieldErrors, queryString } from '../../app/api.ts';
import { useLocale, useT } from '../../app/i18n.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { DataTable, type Column, queryState } from '../../ui/DataTable.tsx';
import { EmptyState, NoMatchState } from '../../ui/EmptyState.tsx';
import { ErrorAlert, errorMessage } from '../../ui/ErrorAlert.tsx';
import { formatDateTime, formatNumber, wholeNumberInput } from '../../ui/format.ts';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useUrlFilters } from '../../ui/url-state.ts';
import {
  useDeleteWorkforce,
  useImportWorkforce,
  useSaveWorkforce,
  useUpdateWorkforce,
  useWorkforce,
  WORKFORCE_PAGE_SIZE,
} from './targets-api.ts';
import { useTargetsText } from './targets-text.ts';
import { PlanningLinks, ScopeRegionSelect } from './targets-ui.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { UploadForm } from '../../ui/UploadForm.tsx';

function years(): string[] {
  const now = new Date().getFullYear();
  return Array.from({ length: 8 }, (_, i) => String(now + 1 - i));
}

function ImportPanel() {
  const tt = useTargetsText();
  const t = useT();
  const upload = useImportWorkforce();
  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState<string>(String(new Date().getFullYear()));
  const [source, setSource] = useState('');
  const [result, setResult] = useState<WorkforceImportResult | null>(null);
  const issues = upload.error instanceof ApiError ? upload.error.issues : [];
  const run = (dryRun: boolean) => {
    if (!file) return;
    setResult(null);
    upload.mutate(
      { file, year, ...(source.trim() && { source: source.trim() }), dryRun },
      { onSuccess: (r) => setResult(r) },
    );
  };
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
      <UploadForm
        onSubmit={() => run(false)}
        title={tt('workforce.import.title')}
        description={tt('workforce.import.help')}
        file={file}
        onFileChange={(f) => {
          setFile(f);
          setResult(null);
          upload.reset();
        }}
        fileLabel={tt('workforce.import.file')}
        templateHref="/api/workforce/template.xlsx"
        maw="52rem"
        fields={
          <Group grow align="flex-start" wrap="wrap">
            <LabelledSelect
              searchable
              label={tt('workforce.import.year')}
              description={tt('workforce.import.yearHelp')}
              data={years()}
              value={year}
              onChange={(v) => setYear(v ?? year)}
            />
            <TextInput
              label={tt('workforce.import.source')}
              description={tt('workforce.import.sourceHelp')}
              placeholder="BPS Kab. …, Sakernas Agustus …"
              value={source}
              onChange={(e) => setSource(e.currentTarget.value)}
              maxLength={300}
            />
          </Group>
        }
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconCheck size={16} aria-hidden />}
              disabled={!file}
              loading={upload.isPending && upload.variables?.dryRun}
              onClick={() => run(true)}
            >
              {tt('workforce.import.check')}
            </Button>
            <Button
              type="submit"
              leftSection={<IconUpload size={16} aria-hidden />}
              disabled={!file}
              loading={upload.isPending && !upload.variables?.dryRun}
            >
              {tt('workforce.import.submit')}
            </Button>
          </>
        }
      >
        {result && (
          <Alert color="green" variant="light" role="status">
            {tt(result.dryRun ? 'workforce.import.checked' : 'workforce.import.done', {
              file: result.fileName,
              rows: result.rows,
              values: result.values,
              inserted: result.inserted,
              updated: result.updated,
              unchanged: result.unchanged,
            })}
          </Alert>
        )}
        {upload.error ? (
          <Stack gap="xs">
            <Alert color="red" variant="light" role="alert" title={t('ui.errorTitle')}>
              {errorMessage(upload.error, t)}
            </Alert>
            {issues.length > 0 && (
              <TableScroll label={tt('workforce.import.problems')} minWidth={560}>
                <Table striped withTableBorder aria-label={tt('workforce.import.problems')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={220}>{tt('workforce.import.where')}</Table.Th>
                      <Table.Th>{tt('workforce.import.what')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {issues.map((issue, i) => (
                      <Table.Tr key={i}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{issue.path}</Table.Td>
                        <Table.Td>{issue.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )}
          </Stack>
        ) : null}
      </UploadForm>
    </Paper>
  );
}

type EditState = { row: WorkforceRow | null; open: boolean };

function WorkforceForm({ row, onClose }: { row: WorkforceRow | null; onClose: () => void }) {
  const tt = useTargetsText();
  const t = useT();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const save = useSaveWorkforce();
  const update = useUpdateWorkforce();
  const [region, setRegion] = useState(row?.region ?? (me.region === '*' ? '' : me.region));
  const [year, setYear] = useState(String(row?.year ?? new Date().getFullYear()));
  const [kind, setKind] = useState<WorkforceKind>(row?.kind ?? 'employed');
  const [persons, setPersons] = useState<number | string>(row?.persons ?? '');
  const [source, setSource] = useState(row?.source ?? '');
  const mutation = row ? update : save;
  const errors = fieldErrors<'region' | 'persons' | 'source'>(mutation.error);
  const done = {
    onSuccess: () => {
      notifications.show({ color: 'green', message: tt('workforce.saved') });
      onClose();
    },
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const n = typeof persons === 'number' ? persons : Number(persons);
        if (row) update.mutate({ id: row.id, patch: { persons: n, source } }, done);
        else save.mutate({ region, year: Number(year), kind, segment: '', persons: n, source }, done);
      }}
    >
      <Stack gap="sm">
        {mutation.error && !Object.keys(errors).length ? <ErrorAlert error={mutation.error} /> : null}
        {!row && (
          <>
            <ScopeRegionSelect value={region} onChange={setRegion} required error={errors.region} />
            <Group grow>
              <LabelledSelect
                searchable
                label={tt('year.label')}
                data={years()}
                value={year}
                onChange={(v) => setYear(v ?? year)}
                required
              />
              <LabelledSelect
                searchable
                label={tt('workforce.col.kind')}
                data={WORKFORCE_KINDS.map((k) => ({ value: k, label: tt(`workforceKind.${k}`) }))}
                value={kind}
                onChange={(v) => setKind((v as WorkforceKind | null) ?? kind)}
                required
              />
            </Group>
          </>
        )}
        <NumberInput
          label={tt('workforce.persons')}
          value={persons}
          onChange={setPersons}
          min={0}
          {...wholeNumberInput(locale)}
          required
          error={errors.persons}
        />
        <TextInput
          label={tt('workforce.source')}
          description={tt('workforce.sourceHelp')}
          value={source}
          onChange={(e) => setSource(e.currentTarget.value)}
          maxLength={300}
          required
          error={errors.source}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {tt('workforce.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function WorkforcePage() {
  const tt = useTargetsText();
  const t = useT();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const mayEdit = TARGET_EDITORS.includes(me.role);
  const { values, page, setFilters, setPage, clear, filtered } = useUrlFilters(['year', 'kind', 'region'] as const);
  const list = useWorkforce({
    year: values.year,
    kind: values.kind as WorkforceKind | '',
    region: values.region,
    page,
  });
  const remove = useDeleteWorkforce();
  const [edit, setEdit] = useState<EditState>({ row: null, open: false });

  const columns: Column<WorkforceRow>[] = [
    { key: 'region', header: tt('workforce.col.region'), cell: (w) => w.regionLabel },
    { key: 'year', header: tt('workforce.col.year'), nowrap: true, cell: (w) => w.year },
    { key: 'kind', header: tt('workforce.col.kind'), cell: (w) => tt(`workforceKind.${w.kind}`) },
    {
      key: 'segment',
      header: tt('workforce.col.segment'),
      cell: (w) => (w.segment ? (SEGMENTS[w.segment as SegmentCode]?.label[locale] ?? w.segment) : tt('segment.all')),
    },
    {
      key: 'persons',
      header: tt('workforce.col.persons'),
      align: 'right',
      nowrap: true,
      cell: (w) => formatNumber(w.persons, locale),
    },
    {
      key: 'source',
      header: tt('workforce.col.source'),
      cell: (w) => (
        <Stack gap={0}>
          <Text size="sm">{w.source}</Text>
          <Text size="xs" c="dimmed">
            {w.updatedBy}, {formatDateTime(w.updatedAt, locale)}
          </Text>
        </Stack>
      ),
    },
    ...(mayEdit
      ? [
          {
            key: 'actions',
            header: '',
            nowrap: true,
            cell: (w: WorkforceRow) =>
              w.canEdit ? (
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="compact-xs"
                    variant="default"
                    leftSection={<IconPencil size={12} aria-hidden />}
                    aria-label={`${tt('workforce.edit')} ${w.regionLabel} ${w.year} ${tt(`workforceKind.${w.kind}`)}`}
                    onClick={() => setEdit({ row: w, open: true })}
                  >
                    {tt('workforce.edit')}
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={12} aria-hidden />}
                    aria-label={`${tt('workforce.delete')} ${w.regionLabel} ${w.year} ${tt(`workforceKind.${w.kind}`)}`}
                    onClick={() => {
                      if (
                        !window.confirm(
                          tt('workforce.deleteConfirm', {
                            kind: tt(`workforceKind.${w.kind}`),
                            region: w.regionLabel,
                            year: w.year,
                          }),
                        )
                      )
                        return;
                      remove.mutate(w.id, {
                        onError: (err) => notifications.show({ color: 'red', message: errorMessage(err, t) }),
                      });
                    }}
                  >
                    {tt('workforce.delete')}
                  </Button>
                </Group>
              ) : null,
          },
        ]
      : []),
  ];

  const addButton = mayEdit ? (
    <Button
      variant="default"
      leftSection={<IconPlus size={18} aria-hidden />}
      onClick={() => setEdit({ row: null, open: true })}
    >
      {tt('workforce.add')}
    </Button>
  ) : undefined;

  return (
    <>
      <PageHeader
        title={tt('workforce.title')}
        description={tt('workforce.description')}
        actions={addButton}
        above={<PlanningLinks />}
      />
      <Stack gap="lg">
        {mayEdit && <ImportPanel />}
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <Stack gap="md">
            <Group align="flex-end" wrap="wrap">
              <Select
                label={tt('workforce.col.year')}
                data={years()}
                value={values.year || null}
                onChange={(v) => setFilters({ year: v })}
                clearable
                w={140}
              />
              <Select
                label={tt('workforce.filterKind')}
                data={WORKFORCE_KINDS.map((k) => ({ value: k, label: tt(`workforceKind.${k}`) }))}
                value={values.kind || null}
                onChange={(v) => setFilters({ kind: v })}
                clearable
                placeholder={tt('workforce.filterAll')}
                w={200}
              />
              <ScopeRegionSelect value={values.region} onChange={(region) => setFilters({ region })} allowEmpty />
              <Button
                component="a"
                variant="default"
                href={`/api/workforce.xlsx${queryString({ year: values.year, kind: values.kind, region: values.region })}`}
                download="angkatan-kerja.xlsx"
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                {tt('workforce.export')}
              </Button>
            </Group>
            <DataTable
              label={tt('workforce.table')}
              columns={columns}
              rows={list.data?.items}
              rowKey={(w) => w.id}
              total={list.data?.total}
              page={page}
              pageSize={WORKFORCE_PAGE_SIZE}
              onPageChange={setPage}
              {...queryState(list)}
              minWidth={820}
              empty={
                filtered ? (
                  <NoMatchState body={tt('workforce.emptyFiltered')} onClear={clear} />
                ) : (
                  <EmptyState
                    icon={<IconUsersGroup size={26} stroke={1.5} />}
                    title={tt('workforce.empty.title')}
                    body={tt('workforce.empty.body')}
                  />
                )
              }
            />
          </Stack>
        </Paper>
      </Stack>
      <Modal
        opened={edit.open}
        onClose={() => setEdit({ row: null, open: false })}
        title={
          edit.row
            ? tt('workforce.editTitle', {
                kind: tt(`workforceKind.${edit.row.kind}`),
                region: edit.row.regionLabel,
                year: edit.row.year,
              })
            : tt('workforce.add')
        }
      >
        {edit.open && <WorkforceForm row={edit.row} onClose={() => setEdit({ row: null, open: false })} />}
      </Modal>
    </>
  );
}
