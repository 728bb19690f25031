import { Anchor, Button, Paper, Stack, Text } from '@mantine/core';
import { IconPlus, IconSearch, IconShieldCheck } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router-dom';
import { PROGRAM_MANAGERS, type ProgramSummary } from '../../../../lib/contracts/programs.ts';
import { useLocale } from '../../app/i18n.ts';
import { ROUTES } from '../../app/routes.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { DataTable, type Column, queryState } from '../../ui/DataTable.tsx';
import { DebouncedTextInput } from '../../ui/DebouncedTextInput.tsx';
import { EmptyState, NoMatchState } from '../../ui/EmptyState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useUrlFilters } from '../../ui/url-state.ts';
import { funderLabel, periodLabel, QuotaGauge } from './program-ui.tsx';
import { PROGRAMS_PAGE_SIZE, usePrograms } from './programs-api.ts';
import { formatRupiah } from '../../ui/format.ts';
import { useProgramsText } from './programs-text.ts';
import { useCohortsText } from '../cohorts/cohorts-text.ts';

export function ProgramsPage() {
  const t = useProgramsText();
  const ct = useCohortsText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { values, page, setFilters, setPage, clear, filtered } = useUrlFilters(['q'] as const);
  const programs = usePrograms({ q: values.q, page });
  const mayCreate = PROGRAM_MANAGERS.includes(me.role);

  const columns: Column<ProgramSummary>[] = [
    {
      key: 'name',
      header: t('programs.col.name'),
      cell: (p) => (
        <Stack gap={0}>
          <Anchor component={Link} to={ROUTES.programDetail(p.id)} size="sm" fw={600}>
            {p.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {p.regionLabel}
          </Text>
        </Stack>
      ),
    },
    { key: 'funder', header: t('programs.col.funder'), cell: (p) => funderLabel(p.funder, t) },
    { key: 'period', header: t('programs.col.period'), nowrap: true, cell: (p) => periodLabel(p, locale) },
    {
      key: 'quota',
      header: t('programs.col.quota'),
      width: 220,
      cell: (p) => (
        <QuotaGauge filled={p.quotaFilled} quota={p.quota} label={t('programs.quotaFilledOf', { name: p.name })} />
      ),
    },
    {
      key: 'budget',
      header: t('programs.col.budget'),
      align: 'right',
      nowrap: true,
      cell: (p) => (
        <Stack gap={0} align="flex-end">
          <Text size="sm">{formatRupiah(p.committed)}</Text>
          <Text size="xs" c="dimmed">
            {t('programs.ofCeiling', { ceiling: formatRupiah(p.budgetCeiling) })}
          </Text>
        </Stack>
      ),
    },
  ];

  const createButton = mayCreate ? (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => navigate(ROUTES.programCreate)}>
      {t('programs.create')}
    </Button>
  ) : undefined;
  const actions = mayCreate ? (
    <>
      <Button variant="default" onClick={() => navigate(ROUTES.continuation)}>
        {ct('continuation.open')}
      </Button>
      {createButton}
    </>
  ) : undefined;

  return (
    <>
      <PageHeader
        title={t('programs.title')}
        description={t('programs.description', { region: me.regionLabel })}
        actions={actions}
      />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="md">
          <DebouncedTextInput
            label={t('programs.search')}
            placeholder={t('programs.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={values.q}
            onCommit={(q) => setFilters({ q })}
            maw={420}
          />
          <DataTable
            label={t('programs.table')}
            columns={columns}
            rows={programs.data?.items}
            rowKey={(p) => p.id}
            total={programs.data?.total}
            page={page}
            pageSize={PROGRAMS_PAGE_SIZE}
            onPageChange={setPage}
            {...queryState(programs)}
            minWidth={860}
            empty={
              filtered ? (
                <NoMatchState body={t('programs.emptyFiltered')} onClear={clear} />
              ) : (
                <EmptyState
                  icon={<IconShieldCheck size={26} stroke={1.5} />}
                  title={t('programs.empty.title')}
                  body={t(mayCreate ? 'programs.empty.manager' : 'programs.empty.reader')}
                  action={createButton}
                />
              )
            }
          />
        </Stack>
      </Paper>
    </>
  );
}
