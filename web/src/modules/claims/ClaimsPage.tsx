import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileCheck } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { CLAIM_TYPES, type ClaimSummary } from '../../../../lib/contracts/claims.ts';
import { CLAIM_STAGES, type ClaimStage } from '../../../../lib/rules/claim-workflow.ts';
import { dateName } from '../../../../lib/rules/lapse.ts';
import { useLocale } from '../../app/i18n.ts';
import { ROUTES } from '../../app/routes.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { DataTable, queryState, type Column } from '../../ui/DataTable.tsx';
import { DebouncedTextInput } from '../../ui/DebouncedTextInput.tsx';
import { EmptyState, NoMatchState } from '../../ui/EmptyState.tsx';
import { formatRupiah } from '../../ui/format.ts';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useUrlFilters } from '../../ui/url-state.ts';
import { CLAIMS_PAGE_SIZE, HANDOVER_FILE_URL, claimsXlsxUrl, useClaims } from './claims-api.ts';
import { useClaimsText } from './claims-text.ts';
import { ClaimsTabs, CoveredBadge } from './claims-ui.tsx';

/** `/klaim`: the claims in the reader's region, filters in the URL, server-side paging, Excel export. */
export function ClaimsPage() {
  const ct = useClaimsText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const { values, page, setFilters, setPage, clear, filtered } = useUrlFilters([
    'q',
    'type',
    'covered',
    'stage',
  ] as const);
  const list = useClaims({ ...values, page });
  const aboveVillage = me.region === '*' || me.region.split('.').length < 4;

  const columns: Column<ClaimSummary>[] = [
    {
      key: 'worker',
      header: ct('col.worker'),
      cell: (c) => (
        <Anchor component={Link} to={ROUTES.claimDetail(c.id)} size="sm" fw={600}>
          {c.workerName}
        </Anchor>
      ),
    },
    {
      key: 'nik',
      header: ct('col.nik'),
      nowrap: true,
      cell: (c) => (
        <Text size="sm" ff="monospace">
          {c.nikMasked}
        </Text>
      ),
    },
    { key: 'type', header: ct('col.type'), nowrap: true, cell: (c) => ct(`typeShort.${c.type}`) },
    { key: 'date', header: ct('col.eventDate'), nowrap: true, cell: (c) => dateName(c.eventDate, locale) },
    { key: 'covered', header: ct('col.covered'), cell: (c) => <CoveredBadge claim={c} /> },
    { key: 'stage', header: ct('col.stage'), cell: (c) => ct(`stage.${c.status as ClaimStage}`) },
    {
      key: 'program',
      header: ct('col.program'),
      visibleFrom: 'md',
      cell: (c) => (
        <Stack gap={0}>
          <Text size="sm">{c.programName ?? '—'}</Text>
          {c.kpj && (
            <Text size="xs" c="dimmed">
              KPJ {c.kpj}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'estimate',
      header: ct('col.estimate'),
      align: 'right',
      nowrap: true,
      cell: (c) => formatRupiah(c.estimateTotal, locale),
    },
    { key: 'village', header: ct('col.village'), cell: (c) => c.regionLabel, hidden: !aboveVillage },
  ];

  return (
    <>
      <PageHeader
        title={ct('list.title')}
        description={ct('list.description', { region: me.regionLabel })}
        actions={
          <Group gap="xs">
            <Button
              component="a"
              href={HANDOVER_FILE_URL}
              download
              variant="default"
              leftSection={<IconDownload size={18} aria-hidden />}
            >
              {ct('wf.handoverFile')}
            </Button>
            <Button
              component="a"
              href={claimsXlsxUrl(values)}
              download
              variant="default"
              leftSection={<IconDownload size={18} aria-hidden />}
            >
              {ct('list.export')}
            </Button>
          </Group>
        }
      />
      <ClaimsTabs />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="md">
          <Group gap="md" align="flex-end" wrap="wrap">
            <DebouncedTextInput
              label={ct('list.search')}
              placeholder={ct('list.searchPlaceholder')}
              value={values.q}
              onCommit={(q) => setFilters({ q })}
              w={280}
            />
            <LabelledSelect
              label={ct('list.filterType')}
              data={[
                { value: '', label: ct('list.all') },
                ...CLAIM_TYPES.map((t) => ({ value: t, label: ct(`typeShort.${t}`) })),
              ]}
              value={values.type}
              onChange={(v) => setFilters({ type: v ?? '' })}
              allowDeselect={false}
              w={160}
            />
            <LabelledSelect
              label={ct('list.filterCovered')}
              data={[
                { value: '', label: ct('list.all') },
                { value: 'yes', label: ct('list.yes') },
                { value: 'no', label: ct('list.no') },
              ]}
              value={values.covered}
              onChange={(v) => setFilters({ covered: v ?? '' })}
              allowDeselect={false}
              w={260}
            />
            <LabelledSelect
              label={ct('col.stage')}
              data={[
                { value: '', label: ct('list.all') },
                ...CLAIM_STAGES.map((s) => ({ value: s, label: ct(`stage.${s}`) })),
                { value: 'overdue', label: ct('wf.slaBreached') },
              ]}
              value={values.stage}
              onChange={(v) => setFilters({ stage: v ?? '' })}
              allowDeselect={false}
              w={240}
            />
          </Group>
          <DataTable
            label={ct('list.table')}
            columns={columns}
            rows={list.data?.items}
            rowKey={(c) => c.id}
            total={list.data?.total}
            page={page}
            pageSize={CLAIMS_PAGE_SIZE}
            onPageChange={setPage}
            {...queryState(list)}
            minWidth={900}
            empty={
              filtered ? (
                <NoMatchState body={ct('list.emptyFiltered')} onClear={clear} />
              ) : (
                <EmptyState
                  icon={<IconFileCheck size={26} stroke={1.5} />}
                  title={ct('list.empty.title')}
                  body={ct('list.empty.body')}
                />
              )
            }
          />
        </Stack>
      </Paper>
    </>
  );
}
