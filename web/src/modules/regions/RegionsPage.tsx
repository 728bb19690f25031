import { Anchor, Breadcrumbs, Card, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconMap2, IconSearch } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { levelOfCode, type RegionLevel } from '../../../../lib/access/roles.ts';
import type { Region } from '../../../../lib/contracts/regions.ts';
import { useLocale } from '../../app/i18n.ts';
import { ROUTES } from '../../app/routes.ts';
import { DataTable, type Column, queryState } from '../../ui/DataTable.tsx';
import { DebouncedTextInput } from '../../ui/DebouncedTextInput.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDate, formatNumber } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useUrlFilters } from '../../ui/url-state.ts';
import { REGION_LEVELS } from './RegionPicker.tsx';
import { useRegion, useRegionChildren, useRegionSearch, useRegionStats } from './regions-api.ts';
import { useRegionsText } from './regions-text.ts';

const FILTER_KEYS = ['parent', 'q'] as const;

const browseTo = (code: string | null) =>
  code ? `${ROUTES.regions}?parent=${encodeURIComponent(code)}` : ROUTES.regions;

/** Region counts per level: the four large numbers first (ui.md). */
export function RegionStatsCards() {
  const t = useRegionsText();
  const [locale] = useLocale();
  const stats = useRegionStats();
  if (stats.isError) return <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />;
  const counts: Record<RegionLevel, number | undefined> = {
    province: stats.data?.provinces,
    regency: stats.data?.regencies,
    district: stats.data?.districts,
    village: stats.data?.villages,
  };
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" component="dl" m={0}>
      {REGION_LEVELS.map((level) => (
        <Card key={level} withBorder radius="md" padding="md">
          <Text component="dt" size="sm" c="dimmed">
            {t(`level.${level}`)}
          </Text>
          <Text component="dd" m={0} fz={{ base: 22, sm: 28 }} fw={700} lh={1.2}>
            {counts[level] === undefined ? <Skeleton h={28} w={80} mt={4} /> : formatNumber(counts[level], locale)}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

export function RegionsPage() {
  const t = useRegionsText();
  const [locale] = useLocale();
  const { values, setFilters } = useUrlFilters(FILTER_KEYS);
  const parent = values.parent && levelOfCode(values.parent) ? values.parent : null;
  const searching = values.q.trim().length >= 2;
  const current = useRegion(parent);
  const children = useRegionChildren(parent, !searching);
  const results = useRegionSearch(searching ? values.q.trim() : '', { limit: 50 });

  const parentLevel = parent ? levelOfCode(parent) : null;
  const childLevel: RegionLevel | null = parentLevel
    ? (REGION_LEVELS[REGION_LEVELS.indexOf(parentLevel) + 1] ?? null)
    : 'province';

  const nameCell = (r: Region) =>
    r.level === 'village' ? (
      r.label
    ) : (
      <Anchor component={Link} to={browseTo(r.code)} aria-label={t('regions.open', { name: r.label })}>
        {r.label}
      </Anchor>
    );

  const columns: Column<Region>[] = [
    {
      key: 'code',
      header: t('regions.col.code'),
      nowrap: true,
      cell: (r) => (
        <Text size="sm" ff="monospace">
          {r.code}
        </Text>
      ),
    },
    { key: 'name', header: t('regions.col.name'), cell: nameCell },
    { key: 'level', header: t('regions.col.level'), cell: (r) => t(`level.${r.level}`) },
    {
      key: 'validFrom',
      header: t('regions.col.validFrom'),
      nowrap: true,
      cell: (r) => formatDate(r.validFrom, locale),
    },
  ];

  const path = current.data?.path ?? [];

  return (
    <>
      <PageHeader title={t('regions.title')} description={t('regions.description')} />
      <Stack gap="lg">
        <section aria-label={t('regions.stats')}>
          <RegionStatsCards />
        </section>

        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <Stack gap="md">
            <DebouncedTextInput
              label={t('regions.search')}
              placeholder={t('regions.searchPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              type="search"
              maw={480}
              value={values.q}
              onCommit={(q) => setFilters({ q, parent: values.parent || null })}
            />

            {!searching && (
              <nav aria-label={t('regions.breadcrumbs')}>
                <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap' }}>
                  {parent ? (
                    <Anchor component={Link} to={browseTo(null)} size="sm">
                      {t('regions.root')}
                    </Anchor>
                  ) : (
                    <Text size="sm" fw={600} aria-current="page">
                      {t('regions.root')}
                    </Text>
                  )}
                  {path.map((r) =>
                    r.code === parent ? (
                      <Text key={r.code} size="sm" fw={600} aria-current="page">
                        {r.label}
                      </Text>
                    ) : (
                      <Anchor key={r.code} component={Link} to={browseTo(r.code)} size="sm">
                        {r.label}
                      </Anchor>
                    ),
                  )}
                </Breadcrumbs>
              </nav>
            )}

            {current.isError && <ErrorAlert error={current.error} />}

            <Title order={2} size="h5">
              {searching
                ? t('regions.searchResults', { q: values.q.trim() })
                : childLevel
                  ? t('regions.children', { level: t(`level.${childLevel}`) })
                  : t('regions.villageLeaf')}
            </Title>

            {searching ? (
              <DataTable
                label={t('regions.searchResults', { q: values.q.trim() })}
                columns={columns}
                rows={results.data}
                rowKey={(r) => r.code}
                {...queryState(results)}
                minWidth={560}
                empty={
                  <EmptyState
                    icon={<IconSearch size={26} stroke={1.5} />}
                    title={t('ui.noMatch')}
                    body={t('regions.emptySearch')}
                  />
                }
              />
            ) : childLevel ? (
              <DataTable
                label={t('regions.children', { level: t(`level.${childLevel}`) })}
                columns={columns}
                rows={children.data}
                rowKey={(r) => r.code}
                loading={children.isPending}
                error={children.error}
                onRetry={() => void children.refetch()}
                minWidth={560}
                empty={
                  <EmptyState
                    icon={<IconMap2 size={26} stroke={1.5} />}
                    title={t('region.none')}
                    body={t('regions.emptyChildren')}
                  />
                }
              />
            ) : null}
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
