import { COVERAGE_STATES } from '../../../../lib/contracts/common.ts';
import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowForwardUp, IconChecklist, IconPencil, IconUserPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import {
  ENROLLMENT_PROPOSERS,
  ENROLLMENT_READERS,
  ENROLLMENT_STATUSES,
  type ProgramDetail,
} from '../../../../lib/contracts/programs.ts';
import { SEGMENTS } from '../../../../lib/rules/segments.ts';
import { useLocale } from '../../app/i18n.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { ROUTES } from '../../app/routes.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatNumber, formatRupiah, formatRupiahShort } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { formatMonth } from '../contributions/rule-format.ts';
import { BackToPrograms, BudgetGauge, funderLabel, periodLabel, QuotaGauge } from './program-ui.tsx';
import { EnrollmentList } from './EnrollmentList.tsx';
import { RolloverDialog } from '../cohorts/RolloverDialog.tsx';
import { RosterDialog } from '../cohorts/RosterDialog.tsx';
import { useCohortsText } from '../cohorts/cohorts-text.ts';
import { useProgram, useProgramGaps } from './programs-api.ts';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { useProgramsText } from './programs-text.ts';
import { useRegistryText } from '../registry/registry-text.ts';
import { Figure } from '../../ui/Figure.tsx';

export function ProgramPage() {
  const t = useProgramsText();
  const { id = '' } = useParams();
  const program = useProgram(id);

  if (program.isPending) return <PageLoader />;
  if (program.isError) {
    return (
      <>
        <PageHeader title={t('nav.programs')} above={<BackToPrograms />} />
        <ErrorAlert error={program.error} onRetry={() => void program.refetch()} />
      </>
    );
  }
  return <ProgramView program={program.data} />;
}

function ProgramView({ program: p }: { program: ProgramDetail }) {
  const t = useProgramsText();
  const ct = useCohortsText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const f = p.figures;
  const mayPropose = ENROLLMENT_PROPOSERS.includes(me.role);
  const mayList = ENROLLMENT_READERS.includes(me.role);
  const tab = params.get('tab') ?? 'budget';
  const [rollingOver, setRollingOver] = useState(false);
  const [importingRoster, setImportingRoster] = useState(false);

  const actions = (
    <>
      {mayPropose && (
        <Button
          component={Link}
          to={`${ROUTES.proposals}?program=${p.id}`}
          variant="default"
          leftSection={<IconUserPlus size={18} aria-hidden />}
        >
          {t('programs.proposeWorkers')}
        </Button>
      )}
      {p.canManage && (
        <>
          <Button
            component={Link}
            to={`${ROUTES.verification}?program=${p.id}`}
            variant="default"
            leftSection={<IconChecklist size={18} aria-hidden />}
          >
            {t('nav.verification')}
          </Button>
          {(p.pu?.employerKind === 'kpu' || p.pu?.employerKind === 'bawaslu') && (
            <Button component={Link} to={ROUTES.electionRoster(p.id)} variant="default">
              {ct('election.open')}
            </Button>
          )}
          <Button component={Link} to={`${ROUTES.continuation}?program=${p.id}`} variant="default">
            {ct('continuation.open')}
          </Button>
          {p.category === 'pu' && (
            <Button variant="default" onClick={() => setImportingRoster(true)}>
              {ct('roster.open')}
            </Button>
          )}
          <Button
            variant="default"
            onClick={() => setRollingOver(true)}
            leftSection={<IconArrowForwardUp size={18} aria-hidden />}
          >
            {ct('rollover.open')}
          </Button>
          <Button component={Link} to={ROUTES.programEdit(p.id)} leftSection={<IconPencil size={18} aria-hidden />}>
            {t('programs.edit')}
          </Button>
        </>
      )}
    </>
  );

  const funder = p.funderRegionLabel
    ? `${funderLabel(p.funder, t)} · ${p.funderRegionLabel}`
    : funderLabel(p.funder, t);
  return (
    <>
      <PageHeader
        title={p.name}
        description={t('programs.summary', { funder, region: p.regionLabel, period: periodLabel(p, locale) })}
        above={<BackToPrograms />}
        actions={actions}
      />
      {rollingOver && <RolloverDialog program={p} onClose={() => setRollingOver(false)} />}
      {importingRoster && <RosterDialog program={p} onClose={() => setImportingRoster(false)} />}
      <Stack gap="lg">
        {!f.pricesCurrent && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} role="status">
            {t(p.canManage ? 'programs.pricesChanged.manager' : 'programs.pricesChanged.reader')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          <Figure
            label={t('programs.fig.quota')}
            value={`${formatNumber(f.quotaFilled, locale)} / ${formatNumber(p.quota, locale)}`}
          >
            <QuotaGauge filled={f.quotaFilled} quota={p.quota} label={t('programs.fig.quota')} />
            <Text size="xs" c="dimmed" data-testid="quota-remaining">
              {t('programs.quotaRemaining', {
                n: formatNumber(f.quotaRemaining, locale),
                month: formatMonth(f.slotsFrom, locale),
              })}
            </Text>
          </Figure>
          <Figure label={t('programs.fig.price')} value={formatRupiah(f.pricePerPersonMonth)}>
            <Text size="xs" c="dimmed">
              {p.category === 'pu'
                ? ct('pu.atWage', { wage: formatRupiah(p.declaredIncome) })
                : `${t(`programs.package.${p.package}`)} · ${t('programs.incomeBasis', { income: formatRupiah(p.declaredIncome) })}`}
            </Text>
            {f.priceVaries && (
              <Text size="xs" c="orange">
                {t('programs.priceVaries')}
              </Text>
            )}
          </Figure>
          <Figure
            label={t('programs.fig.periodCost', { months: p.months })}
            value={formatRupiahShort(f.periodCostForQuota)}
            exact={formatRupiah(f.periodCostForQuota)}
          >
            <Text size="sm" data-testid="period-cost">
              {f.priceVaries
                ? formatRupiah(f.periodCostForQuota)
                : t('programs.formula', {
                    persons: formatNumber(p.quota, locale),
                    price: formatRupiah(f.pricePerPersonMonth),
                    months: p.months,
                    total: formatRupiah(f.periodCostForQuota),
                  })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('programs.monthlyForQuota', { amount: formatRupiah(f.monthlyCostForQuota) })}
              {f.annualCostForQuota !== null && p.months !== 12
                ? ` · ${t('programs.annual', { amount: formatRupiah(f.annualCostForQuota) })}`
                : ''}
            </Text>
          </Figure>
          <Figure
            label={t('programs.fig.committed')}
            value={formatRupiahShort(f.committed)}
            exact={formatRupiah(f.committed)}
          >
            <BudgetGauge committed={f.committed} ceiling={p.budgetCeiling} />
            <Text size="xs" c="dimmed">
              {t('programs.budgetRemaining', { amount: formatRupiah(f.budgetRemaining) })}
            </Text>
            {p.split && (
              <Text size="xs" data-testid="pu-split" aria-label={ct('pu.split')}>
                {ct('pu.splitEmployer', { amount: formatRupiah(p.split.employer) })} ·{' '}
                {ct('pu.splitWorker', { amount: formatRupiah(p.split.worker) })}
              </Text>
            )}
          </Figure>
        </SimpleGrid>

        <Group gap="xs" aria-label={t('programs.statusCounts')} role="group">
          {ENROLLMENT_STATUSES.map((s) => (
            <Badge key={s} variant="outline" color="gray" radius="sm" size="lg">
              {t(`enrollment.status.${s}`)}: {formatNumber(p.statusCounts[s], locale)}
            </Badge>
          ))}
        </Group>
        <Group gap="xs" aria-label={t('programs.coverageCounts')} role="group">
          <Text size="sm" c="dimmed">
            {t('programs.coverageCounts')}:
          </Text>
          {COVERAGE_STATES.map((s) => (
            <Badge key={s} variant="outline" color="gray" radius="sm" size="lg">
              {t(`enrollment.protection.${s}`)}: {formatNumber(p.coverageCounts[s], locale)}
            </Badge>
          ))}
        </Group>

        <Tabs
          value={tab}
          onChange={(v) =>
            setParams(
              (prev) => {
                const next = new URLSearchParams(prev);
                next.set('tab', v ?? 'budget');
                return next;
              },
              { replace: true },
            )
          }
          keepMounted={false}
        >
          <Tabs.List>
            <Tabs.Tab value="budget">{t('programs.tab.budget')}</Tabs.Tab>
            {mayList && <Tabs.Tab value="enrolled">{t('programs.tab.enrolled')}</Tabs.Tab>}
            <Tabs.Tab value="gaps">{t('programs.tab.gaps')}</Tabs.Tab>
            <Tabs.Tab value="terms">{t('programs.tab.terms')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="budget" pt="md">
            <BudgetByMonth program={p} />
          </Tabs.Panel>
          {mayList && (
            <Tabs.Panel value="enrolled" pt="md">
              <EnrollmentList programId={p.id} />
            </Tabs.Panel>
          )}
          <Tabs.Panel value="gaps" pt="md">
            <Gaps programId={p.id} />
          </Tabs.Panel>
          <Tabs.Panel value="terms" pt="md">
            <Terms program={p} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}

function BudgetByMonth({ program: p }: { program: ProgramDetail }) {
  const t = useProgramsText();
  const [locale] = useLocale();
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="sm" c="dimmed" mb="sm">
        {t('programs.budgetHint')}
      </Text>
      <TableScroll label={t('programs.tab.budget')} minWidth={720}>
        <Table striped aria-label={t('programs.tab.budget')} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('programs.col.month')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('programs.col.price')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('programs.col.persons')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('programs.col.committedMonth')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('programs.col.cumulative')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('programs.col.ceilingLeft')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.byMonth.map((m) => (
              <Table.Tr key={m.month}>
                <Table.Td>{formatMonth(m.month, locale)}</Table.Td>
                <Table.Td ta="right">{formatRupiah(m.pricePerPerson)}</Table.Td>
                <Table.Td ta="right">{formatNumber(m.persons, locale)}</Table.Td>
                <Table.Td ta="right">{formatRupiah(m.committed)}</Table.Td>
                <Table.Td ta="right">{formatRupiah(m.cumulativeCommitted)}</Table.Td>
                <Table.Td ta="right">{formatRupiah(p.budgetCeiling - m.cumulativeCommitted)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Paper>
  );
}

function Gaps({ programId }: { programId: string }) {
  const t = useProgramsText();
  const rt = useRegistryText();
  const [locale] = useLocale();
  const gaps = useProgramGaps(programId);
  const rows = gaps.data?.items;
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('programs.gapsHint')}
        </Text>
        {gaps.data && (
          <Text size="sm" fw={600}>
            {t('programs.gapsTotal', {
              registered: formatNumber(gaps.data.totals.registered, locale),
              enrolled: formatNumber(gaps.data.totals.enrolled, locale),
              gap: formatNumber(gaps.data.totals.gap, locale),
            })}
          </Text>
        )}
        <DataTable
          label={t('programs.tab.gaps')}
          columns={[
            { key: 'village', header: rt('workers.col.village'), cell: (g) => g.villageLabel },
            {
              key: 'registered',
              header: t('programs.col.registered'),
              align: 'right',
              cell: (g) => formatNumber(g.registered, locale),
            },
            {
              key: 'enrolled',
              header: t('programs.col.enrolled'),
              align: 'right',
              cell: (g) => formatNumber(g.enrolled, locale),
            },
            {
              key: 'gap',
              header: t('programs.col.gap'),
              align: 'right',
              cell: (g) => <b>{formatNumber(g.gap, locale)}</b>,
            },
          ]}
          rows={rows}
          rowKey={(g) => g.village}
          loading={gaps.isPending}
          error={gaps.error}
          onRetry={() => void gaps.refetch()}
          empty={<EmptyState title={t('programs.gapsEmpty.title')} body={t('programs.gapsEmpty.body')} />}
        />
      </Stack>
    </Paper>
  );
}

function Terms({ program: p }: { program: ProgramDetail }) {
  const t = useProgramsText();
  const ct = useCohortsText();
  const [locale] = useLocale();
  const rows: [string, ReactNode][] = [
    [t('programs.form.funder'), funderLabel(p.funder, t)],
    [t('programs.form.region'), p.regionLabel],
    [t('programs.form.segments'), p.targetSegments.map((s) => SEGMENTS[s].label[locale]).join(', ')],
    ...(p.pu
      ? ([
          [ct('pu.category'), ct('pu.category.pu')],
          [ct('pu.employerName'), `${p.pu.employerName} (${ct(`pu.kind.${p.pu.employerKind}`)})`],
          [ct('pu.programs'), p.pu.programs.map((x) => ct(`pu.program.${x}`)).join(' + ')],
          [ct('pu.riskClass'), ct('pu.risk', { n: p.pu.riskClass })],
          [ct('pu.size'), ct(`pu.size.${p.pu.employerSize}`)],
          [ct('pu.wage'), formatRupiah(p.declaredIncome)],
        ] satisfies [string, ReactNode][])
      : ([
          [t('programs.form.package'), t(`programs.package.${p.package}`)],
          [t('programs.form.income'), formatRupiah(p.declaredIncome)],
        ] satisfies [string, ReactNode][])),
    [t('programs.form.quota'), formatNumber(p.quota, locale)],
    [t('programs.col.period'), `${periodLabel(p, locale)} (${p.months})`],
    [t('programs.form.ceiling'), formatRupiah(p.budgetCeiling)],
    [t('programs.form.dpa'), p.dpaReference ?? t('ui.none')],
    [t('programs.form.ages'), t('programs.ageRange', { min: p.minAge, max: p.maxAge })],
    [t('programs.rules'), p.priceRuleKeys.join(', ')],
  ];
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h5" mb="sm">
        {t('programs.tab.terms')}
      </Title>
      <Table aria-label={t('programs.tab.terms')} variant="vertical" withTableBorder={false}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={260}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Anchor component={Link} to={ROUTES.calculator} size="sm">
        {t('nav.calculator')}
      </Anchor>
    </Paper>
  );
}
