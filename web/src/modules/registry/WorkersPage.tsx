import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCopy, IconFileImport, IconSearch, IconUserPlus, IconUsersGroup } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router-dom';
import { levelOfCode, WORKER_EDITORS } from '../../../../lib/access/roles.ts';
import { WORKER_PROBLEMS, type Worker } from '../../../../lib/contracts/workers.ts';
import {
  PARTICIPATION_CATEGORIES,
  PARTICIPATION_CATEGORY_LABELS,
  SEGMENT_CODES,
  SEGMENTS,
} from '../../../../lib/rules/segments.ts';
import { useLocale } from '../../app/i18n.ts';
import { ROUTES } from '../../app/routes.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { DataTable, type Column, queryState } from '../../ui/DataTable.tsx';
import { DebouncedTextInput } from '../../ui/DebouncedTextInput.tsx';
import { EmptyState, NoMatchState } from '../../ui/EmptyState.tsx';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useUrlFilters } from '../../ui/url-state.ts';
import { useRegistryText } from './registry-text.ts';
import { WORKERS_PAGE_SIZE, useProtectionBadges, useWorkers } from './registry-api.ts';
import { ProtectionBadge } from './WorkerProtection.tsx';

const FILTER_KEYS = ['q', 'segment', 'category', 'problem'] as const;

export function WorkersPage() {
  const t = useRegistryText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { values, page, setFilters, setPage, clear, filtered } = useUrlFilters(FILTER_KEYS);
  const segment = (SEGMENT_CODES as readonly string[]).includes(values.segment) ? values.segment : '';
  const category = (PARTICIPATION_CATEGORIES as readonly string[]).includes(values.category) ? values.category : '';
  const problem = (WORKER_PROBLEMS as readonly string[]).includes(values.problem) ? values.problem : '';
  const workers = useWorkers({ q: values.q, segment, category, problem, page });
  const mayAdd = WORKER_EDITORS.includes(me.role);
  const pt = useRegistryText();
  // One request for the whole page of results, once the page is known.
  const badges = useProtectionBadges(workers.data?.items.map((w) => w.id) ?? []);
  const badgeOf = new Map(badges.data?.items.map((b) => [b.workerId, b]));

  const columns: Column<Worker>[] = [
    {
      key: 'name',
      header: t('workers.col.name'),
      cell: (w) => (
        <Anchor component={Link} to={ROUTES.workerDetail(w.id)} size="sm">
          {w.fullName}
        </Anchor>
      ),
    },
    {
      key: 'nik',
      header: t('workers.col.nik'),
      nowrap: true,
      cell: (w) => (
        <Text size="sm" ff="monospace">
          {w.nikMasked}
        </Text>
      ),
    },
    { key: 'segment', header: t('workers.col.segment'), cell: (w) => SEGMENTS[w.segment].label[locale] },
    { key: 'category', header: t('workers.col.category'), nowrap: true, cell: (w) => w.category },
    // A village's operator sees one village only: the column would repeat it on every row.
    {
      key: 'village',
      header: t('workers.col.village'),
      cell: (w) => w.villageLabel,
      hidden: levelOfCode(me.region) === 'village',
    },
    {
      key: 'protection',
      header: pt('protection.badge.label'),
      cell: (w) => {
        const b = badgeOf.get(w.id);
        return b ? <ProtectionBadge summary={b.summary} from={b.summaryFrom} /> : null;
      },
    },
  ];

  const addButton = mayAdd ? (
    <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => navigate(ROUTES.workerCreate)}>
      {t('workers.add')}
    </Button>
  ) : undefined;

  return (
    <>
      <PageHeader
        title={t('workers.title')}
        description={t('workers.description', { region: me.regionLabel })}
        actions={
          mayAdd ? (
            <Group gap="xs">
              <Button
                component={Link}
                to={ROUTES.imports}
                variant="default"
                leftSection={<IconFileImport size={18} aria-hidden />}
              >
                {t('workers.import')}
              </Button>
              <Button
                component={Link}
                to={ROUTES.workerDuplicates}
                variant="default"
                leftSection={<IconCopy size={18} aria-hidden />}
              >
                {t('duplicates.title')}
              </Button>
              {addButton}
            </Group>
          ) : undefined
        }
      />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }} spacing="sm">
            <DebouncedTextInput
              label={t('workers.search')}
              placeholder={t('workers.searchPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              type="search"
              value={values.q}
              onCommit={(q) => setFilters({ q })}
            />
            <LabelledSelect
              label={t('workers.filterSegment')}
              data={[
                { value: '', label: t('workers.allSegments') },
                ...SEGMENT_CODES.map((c) => ({ value: c, label: SEGMENTS[c].label[locale] })),
              ]}
              value={segment}
              onChange={(v) => setFilters({ segment: v ?? '' })}
              allowDeselect={false}
              searchable
            />
            <LabelledSelect
              label={t('workers.filterCategory')}
              data={[
                { value: '', label: t('workers.allCategories') },
                ...PARTICIPATION_CATEGORIES.map((c) => ({ value: c, label: PARTICIPATION_CATEGORY_LABELS[c][locale] })),
              ]}
              value={category}
              onChange={(v) => setFilters({ category: v ?? '' })}
              allowDeselect={false}
            />
            <LabelledSelect
              label={t('workers.filterProblem')}
              data={[
                { value: '', label: t('workers.allProblems') },
                ...WORKER_PROBLEMS.map((p) => ({ value: p, label: t(`workers.problem.${p}`) })),
              ]}
              value={problem}
              onChange={(v) => setFilters({ problem: v ?? '' })}
              allowDeselect={false}
            />
          </SimpleGrid>
          <DataTable
            label={t('workers.table')}
            columns={columns}
            rows={workers.data?.items}
            rowKey={(w) => w.id}
            total={workers.data?.total}
            totalCapped={workers.data?.totalCapped}
            page={page}
            pageSize={WORKERS_PAGE_SIZE}
            onPageChange={setPage}
            {...queryState(workers)}
            minWidth={900}
            empty={
              filtered ? (
                <NoMatchState
                  title={t('workers.emptyFiltered.title')}
                  body={t('workers.emptyFiltered.body')}
                  onClear={clear}
                />
              ) : (
                <EmptyState
                  icon={<IconUsersGroup size={26} stroke={1.5} />}
                  title={t('workers.empty.title')}
                  body={t('workers.empty.body')}
                  action={addButton}
                />
              )
            }
          />
        </Stack>
      </Paper>
    </>
  );
}
