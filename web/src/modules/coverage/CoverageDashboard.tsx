import { BarChart, LineChart } from '../../ui/Charts.tsx';
import {
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Group,
  Modal,
  Pagination,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDate, formatNumber, formatPercent, formatRupiah, formatRupiahShort } from '../../ui/format.ts';
import { useLocale } from '../../app/i18n.ts';
import { MONTH_NAMES } from '../../../../lib/i18n/months.ts';
import type { Locale } from '../../../../lib/i18n/locale.ts';
import { FORMULAS, PEOPLE_EXPORT_MAX_ROWS } from '../../../../lib/contracts/coverage.ts';
import { PARTICIPATION_CATEGORIES, PARTICIPATION_CATEGORY_LABELS } from '../../../../lib/rules/segments.ts';
import { queryString } from '../../app/api.ts';
import { peopleQuery, useCoverageDashboard, useCoveragePeople } from './coverage-api.ts';
import { useCoverageText } from './coverage-text.ts';
import { QualityCard } from './QualityCard.tsx';

/** "2026-08" → "Agu 2026" (English: "Aug 2026"). */
export const monthLabel = (m: string, locale: Locale = 'id') =>
  `${MONTH_NAMES[locale][Number(m.slice(5, 7)) - 1]?.slice(0, 3)} ${m.slice(0, 4)}`;
const pct = (v: number | null) => formatPercent(v);
const LEVEL_KEY = {
  regency: 'coverage.level.regency',
  district: 'coverage.level.district',
  village: 'coverage.level.village',
} as const;

type Variant = 'pimpinan' | 'disnaker' | 'operator' | 'province';

/** A region's coverage: big numbers, 24-month trend, children ranked (drill-down), then tables. */
export function CoverageDashboard({
  region,
  variant,
  linkTo,
}: {
  region: string | null;
  variant: Variant;
  linkTo: (code: string) => string;
}) {
  const t = useCoverageText();
  const ct = useCoverageText();
  const [locale] = useLocale();
  const dash = useCoverageDashboard(region);
  const [people, setPeople] = useState<{ region: string; label: string; leavers?: boolean } | null>(null);
  if (dash.error) return <ErrorAlert error={dash.error} onRetry={() => void dash.refetch()} />;
  if (!dash.data) return <Skeleton h={400} />;
  const d = dash.data;
  const s = d.summary;
  const canPeople = d.canSeePeople;
  const figure = (value: string, label: string, hint: string, onClick?: () => void) => (
    <Card withBorder radius="md" padding="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {onClick ? (
        <Anchor component="button" type="button" onClick={onClick} fz={28} fw={700} aria-label={`${label}: ${value}`}>
          {value}
        </Anchor>
      ) : (
        <Text fz={28} fw={700}>
          {value}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Card>
  );
  return (
    <Stack gap="lg">
      <Breadcrumbs aria-label={t('coverage.regionNav')}>
        {d.path.map((p, i) =>
          i === d.path.length - 1 ? (
            <Text key={p.code} fw={600}>
              {p.label}
            </Text>
          ) : (
            <Anchor key={p.code} component={Link} to={linkTo(p.code)}>
              {p.label}
            </Anchor>
          ),
        )}
      </Breadcrumbs>
      <Text size="sm" c="dimmed">
        {s.regionLabel} · {monthLabel(s.month, locale)}
        {s.asOf ? ` · ${t('coverage.recomputed', { date: formatDate(s.asOf, locale) })}` : ''}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        {figure(
          pct(s.coveragePercent),
          t('coverage.totalCoverage'),
          s.denominators.employed === null
            ? t('coverage.employedMissing')
            : t('coverage.ofEmployed', { n: formatNumber(s.denominators.employed) }),
        )}
        {figure(
          formatNumber(s.active),
          t('coverage.active'),
          t('coverage.oncePerNik'),
          canPeople ? () => setPeople({ region: s.region, label: s.regionLabel }) : undefined,
        )}
        {figure(
          pct(s.bpuCoveragePercent),
          t('coverage.bpuCoverage'),
          t('coverage.bpuActive', { n: formatNumber(s.activeBpu) }),
        )}
        {variant === 'operator'
          ? figure(
              formatNumber(d.lapseRisk ?? 0),
              t('coverage.leavers'),
              t('coverage.leaversHint'),
              canPeople ? () => setPeople({ region: s.region, label: s.regionLabel, leavers: true }) : undefined,
            )
          : d.budget
            ? figure(
                pct(d.budget.absorptionPercent),
                d.budget.source === 'billing' ? t('coverage.absorbed') : t('coverage.committed'),
                t('coverage.ofCeiling', { amount: formatRupiahShort(d.budget.ceiling) }),
              )
            : d.budgetShare
              ? figure(
                  formatRupiahShort(d.budgetShare.committed),
                  ct('share.figure'),
                  ct('share.hint', {
                    pct: pct(d.budgetShare.sharePercent),
                    total: formatRupiahShort(d.budgetShare.programmesCommitted),
                  }),
                )
              : figure(formatNumber(d.lapseRisk ?? 0), t('coverage.leavers'), t('coverage.leaversHint'))}
      </SimpleGrid>
      {d.registered !== null && (
        <Text size="sm">
          {t('coverage.registeredLine', {
            registered: formatNumber(d.registered),
            potential: s.denominators.employed === null ? '—' : formatNumber(s.denominators.employed),
          })}
        </Text>
      )}
      <Card withBorder radius="md" padding="md">
        <Title order={2} size="h4" mb="sm">
          {t('coverage.trend')}
        </Title>
        <LineChart
          h={240}
          data={d.trend.map((p) => ({ bulan: monthLabel(p.month, locale), active: p.active }))}
          dataKey="bulan"
          series={[{ name: 'active', label: t('coverage.active'), color: 'teal.6' }]}
          curveType="monotone"
          valueFormatter={(v) => formatNumber(v)}
        />
      </Card>
      {d.children.length > 0 && d.childLevel && (
        <Card withBorder radius="md" padding="md">
          <Title order={2} size="h4" mb="sm">
            {t('coverage.ranking', { level: t(LEVEL_KEY[d.childLevel as keyof typeof LEVEL_KEY]) })}
          </Title>
          <BarChart
            h={Math.max(160, d.children.length * 26)}
            data={d.children.map((c) => ({ wilayah: c.label, active: c.active }))}
            dataKey="wilayah"
            orientation="vertical"
            yAxisProps={{ width: 160 }}
            series={[{ name: 'active', label: t('coverage.active'), color: 'blue.6' }]}
            valueFormatter={(v) => formatNumber(v)}
          />
          <Table
            mt="md"
            striped
            highlightOnHover
            aria-label={t('coverage.rankingTable', { level: t(LEVEL_KEY[d.childLevel as keyof typeof LEVEL_KEY]) })}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('coverage.col.region')}</Table.Th>
                <Table.Th ta="right">{t('coverage.active')}</Table.Th>
                <Table.Th ta="right">{t('coverage.col.employed')}</Table.Th>
                <Table.Th ta="right">{t('coverage.col.coverage')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.children.map((c) => (
                <Table.Tr key={c.code + c.label}>
                  <Table.Td>
                    {c.code !== s.region ? (
                      <Anchor component={Link} to={linkTo(c.code)}>
                        {c.label}
                      </Anchor>
                    ) : (
                      c.label
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {canPeople ? (
                      <Anchor
                        component="button"
                        type="button"
                        onClick={() => setPeople({ region: c.code, label: c.label })}
                      >
                        {formatNumber(c.active)}
                      </Anchor>
                    ) : (
                      formatNumber(c.active)
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{c.employed === null ? '—' : formatNumber(c.employed)}</Table.Td>
                  <Table.Td ta="right">{pct(c.coveragePercent)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder radius="md" padding="md">
          <Title order={2} size="h4" mb="sm">
            {t('coverage.bySegment')}
          </Title>
          {d.bySegment.length === 0 ? (
            <Text c="dimmed">{t('coverage.noneThisMonth')}</Text>
          ) : (
            <>
              <BarChart
                h={Math.max(160, d.bySegment.length * 24)}
                data={d.bySegment.map((x) => ({ segmen: x.label, active: x.active }))}
                dataKey="segmen"
                orientation="vertical"
                yAxisProps={{ width: 140 }}
                series={[{ name: 'active', label: t('coverage.active'), color: 'grape.6' }]}
              />
              <Table mt="md" striped aria-label={t('coverage.segmentTable')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('coverage.col.segment')}</Table.Th>
                    <Table.Th ta="right">{t('coverage.active')}</Table.Th>
                    <Table.Th ta="right">{t('coverage.col.employed')}</Table.Th>
                    <Table.Th ta="right">{t('coverage.col.coverage')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.bySegment.map((x) => (
                    <Table.Tr key={x.segment}>
                      <Table.Td>{x.label}</Table.Td>
                      <Table.Td ta="right">{formatNumber(x.active)}</Table.Td>
                      <Table.Td ta="right">{x.employed === null ? '—' : formatNumber(x.employed)}</Table.Td>
                      <Table.Td ta="right">{pct(x.coveragePercent)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Text size="xs" c="dimmed" mt="xs">
                {t('coverage.segmentNote')}
              </Text>
            </>
          )}
          <Title order={3} size="h5" mt="md" mb="xs">
            {t('coverage.byCategory')}
          </Title>
          <Table striped aria-label={t('coverage.byCategory')} data-testid="coverage-by-category">
            <Table.Tbody>
              {PARTICIPATION_CATEGORIES.map((c) => (
                <Table.Tr key={c} data-category={c}>
                  <Table.Td>{PARTICIPATION_CATEGORY_LABELS[c][locale]}</Table.Td>
                  <Table.Td ta="right">
                    {formatNumber(d.byCategory.find((x) => x.category === c)?.active ?? 0)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" mt="xs">
            {t('coverage.categoryNote')}
          </Text>
        </Card>
        {variant !== 'pimpinan' && variant !== 'province' ? (
          <Card withBorder radius="md" padding="md">
            <Title order={2} size="h4" mb="sm">
              {t('coverage.quota')}
            </Title>
            {d.quota.length === 0 ? (
              <Text c="dimmed">{t('coverage.noPrograms')}</Text>
            ) : (
              <Table>
                <Table.Tbody>
                  {d.quota.map((q) => (
                    <Table.Tr key={q.id}>
                      <Table.Td>{q.name}</Table.Td>
                      <Table.Td ta="right">
                        {formatNumber(q.filled)} / {formatNumber(q.quota)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Text size="sm" mt="sm">
              {t('coverage.leaversLine', { n: formatNumber(d.lapseRisk ?? 0) })}
            </Text>
          </Card>
        ) : d.budget ? (
          <Card withBorder radius="md" padding="md" data-testid="budget-card">
            <Title order={2} size="h4" mb="sm">
              {t('coverage.budget')}
            </Title>
            <Tooltip label={formatRupiah(d.budget.ceiling)}>
              <Text>{t('coverage.ceiling', { amount: formatRupiahShort(d.budget.ceiling) })}</Text>
            </Tooltip>
            <Text>{t('coverage.committedLine', { amount: formatRupiahShort(d.budget.committed) })}</Text>
            {d.budget.paid !== null && (
              <Text>{t('coverage.paidLine', { amount: formatRupiahShort(d.budget.paid) })}</Text>
            )}
          </Card>
        ) : d.budgetShare ? (
          <Card withBorder radius="md" padding="md" data-testid="budget-share-card">
            <Title order={2} size="h4" mb="sm">
              {ct('share.title')}
            </Title>
            <Text>
              {ct('share.committed', {
                persons: formatNumber(d.budgetShare.persons),
                amount: formatRupiahShort(d.budgetShare.committed),
              })}
            </Text>
            <Text size="sm">
              {ct('share.of', {
                pct: pct(d.budgetShare.sharePercent),
                total: formatRupiahShort(d.budgetShare.programmesCommitted),
                programmes: d.budgetShare.programmes.join(', '),
              })}
            </Text>
            <Text size="xs" c="dimmed">
              {ct('share.ceiling')}
            </Text>
          </Card>
        ) : null}
      </SimpleGrid>
      {d.quality && variant !== 'pimpinan' && variant !== 'operator' && <QualityCard quality={d.quality} />}
      <Card withBorder radius="md" padding="md">
        <Title order={2} size="h5">
          {t('coverage.formula')}
        </Title>
        <Text size="sm">{FORMULAS.total[locale]}</Text>
        <Text size="sm">{FORMULAS.bpu[locale]}</Text>
        <Text size="xs" c="dimmed">
          {t('coverage.activeDefinition')}
        </Text>
      </Card>
      <PeopleModal target={people} month={s.month} onClose={() => setPeople(null)} />
    </Stack>
  );
}

function PeopleModal({
  target,
  month,
  onClose,
}: {
  target: { region: string; label: string; leavers?: boolean } | null;
  month: string;
  onClose: () => void;
}) {
  const t = useCoverageText();
  const [page, setPage] = useState(1);
  const q = useCoveragePeople(target ? { region: target.region, month, page, leavers: target.leavers } : null);
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      size="xl"
      title={t(target?.leavers ? 'coverage.peopleLeavers' : 'coverage.peopleActive', { region: target?.label ?? '' })}
    >
      {q.error && <ErrorAlert error={q.error} />}
      {q.data && q.data.total === 0 && <Text c="dimmed">{t('coverage.peopleEmpty')}</Text>}
      {q.data && q.data.total > 0 && (
        <Stack>
          <Table striped aria-label={t('coverage.peopleTable')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('coverage.col.name')}</Table.Th>
                <Table.Th>NIK</Table.Th>
                <Table.Th>{t('coverage.col.region')}</Table.Th>
                <Table.Th>{t('coverage.col.segment')}</Table.Th>
                <Table.Th>{t('coverage.col.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.items.map((p) => (
                <Table.Tr key={p.nik + p.regionCode + (p.workerId ?? '')}>
                  <Table.Td>
                    {p.workerId ? (
                      <Anchor component={Link} to={`/pekerja/${p.workerId}`}>
                        {p.name}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>{p.nik}</Table.Td>
                  <Table.Td>{p.regionLabel}</Table.Td>
                  <Table.Td>{p.segment}</Table.Td>
                  <Table.Td>
                    {t(p.source === 'registry' ? 'coverage.source.registry' : 'coverage.source.bpjs')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="space-between">
            <Text size="sm">{t('coverage.persons', { n: formatNumber(q.data.total) })}</Text>
            <Pagination value={page} onChange={setPage} total={Math.ceil(q.data.total / q.data.pageSize)} />
          </Group>
          <Group justify="space-between" align="center">
            <Text size="xs" c="dimmed">
              {t('coverage.peopleXlsxHint', { n: formatNumber(PEOPLE_EXPORT_MAX_ROWS) })}
            </Text>
            {target && (
              <Button
                component="a"
                variant="light"
                leftSection={<IconDownload size={16} aria-hidden />}
                href={`/api/coverage/people.xlsx${queryString(peopleQuery({ region: target.region, month, leavers: target.leavers }))}`}
                download
              >
                {t('coverage.peopleXlsx')}
              </Button>
            )}
          </Group>
          <Button variant="default" onClick={onClose}>
            {t('app.close')}
          </Button>
        </Stack>
      )}
    </Modal>
  );
}
