import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconShieldCheck } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { CLAIM_REPORTERS, type GapEntry, type GapTotal } from '../../../../lib/contracts/claims.ts';
import { dateName, monthName } from '../../../../lib/rules/lapse.ts';
import { SEGMENTS, type SegmentCode } from '../../../../lib/rules/segments.ts';
import { useLocale } from '../../app/i18n.ts';
import { ROUTES } from '../../app/routes.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { DataTable, queryState, type Column } from '../../ui/DataTable.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { formatNumber, formatRupiah } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { useUrlFilters } from '../../ui/url-state.ts';
import { RegionPicker } from '../regions/RegionPicker.tsx';
import { CLAIMS_PAGE_SIZE, claimsXlsxUrl, useGapLedger } from './claims-api.ts';
import { useClaimsText } from './claims-text.ts';
import { ClaimsTabs } from './claims-ui.tsx';
import { GapListImport } from './GapListImport.tsx';

function Totals({ title, rows, label }: { title: string; rows: GapTotal[]; label: (t: GapTotal) => string }) {
  const ct = useClaimsText();
  const [locale] = useLocale();
  return (
    <Paper withBorder radius="md" p="md" component="section">
      <Title order={2} fz="h5" mb="xs">
        {title}
      </Title>
      <TableScroll label={title} minWidth={300}>
        <Table aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{ct('gaps.key')}</Table.Th>
              <Table.Th ta="right">{ct('gaps.count')}</Table.Th>
              <Table.Th ta="right">{ct('col.missed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{label(r)}</Table.Td>
                <Table.Td ta="right">{formatNumber(r.events, locale)}</Table.Td>
                <Table.Td ta="right">{formatRupiah(r.missed, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Paper>
  );
}

/** `/klaim/tak-terlindungi`: events of people not covered on the date, the reason, and what the family missed. */
export function GapLedgerPage() {
  const ct = useClaimsText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const { values, page, setFilters, setPage } = useUrlFilters(['region'] as const);
  const ledger = useGapLedger(page, values.region);
  const aboveVillage = me.region === '*' || me.region.split('.').length < 4;
  const d = ledger.data;

  const columns: Column<GapEntry>[] = [
    {
      key: 'worker',
      header: ct('col.worker'),
      cell: (c) =>
        c.claimId ? (
          <Anchor component={Link} to={ROUTES.claimDetail(c.claimId)} size="sm" fw={600}>
            {c.name}
          </Anchor>
        ) : (
          <Stack gap={0}>
            <Text size="sm" fw={600}>
              {c.name}
            </Text>
            <Text size="xs" c="dimmed">
              {ct('gapImport.fromList', { name: c.listName ?? '' })}
            </Text>
          </Stack>
        ),
    },
    { key: 'type', header: ct('col.type'), nowrap: true, cell: (c) => ct(`typeShort.${c.type}`) },
    { key: 'date', header: ct('col.eventDate'), nowrap: true, cell: (c) => dateName(c.eventDate, locale) },
    {
      key: 'reason',
      header: ct('col.reason'),
      cell: (c) =>
        c.gapReason
          ? `${ct(`gap.${c.gapReason}`)}${c.gapSince ? ` ${ct('gap.since', { date: dateName(c.gapSince, locale) })}` : ''}`
          : '—',
    },
    {
      key: 'missed',
      header: ct('col.missed'),
      align: 'right',
      nowrap: true,
      cell: (c) => formatRupiah(c.missed, locale),
    },
    { key: 'village', header: ct('col.village'), cell: (c) => c.regionLabel },
  ];

  return (
    <>
      <PageHeader
        title={ct('gaps.title')}
        description={ct('gaps.description', { region: me.regionLabel })}
        actions={
          <Button
            component="a"
            href={claimsXlsxUrl({ covered: 'no' }, values.region)}
            download
            variant="default"
            leftSection={<IconDownload size={18} aria-hidden />}
          >
            {ct('list.export')}
          </Button>
        }
      />
      <ClaimsTabs />
      <Stack gap="lg">
        {aboveVillage && (
          <RegionPicker
            scope={me.region}
            value={values.region || me.region}
            onChange={(code) => setFilters({ region: code === me.region ? '' : code })}
            legend={ct('gaps.filterRegion')}
          />
        )}
        {CLAIM_REPORTERS.includes(me.role) && <GapListImport />}
        {d && (
          <Group gap="xl" data-testid="gap-totals">
            <Stack gap={0}>
              <Text size="sm" c="dimmed">
                {ct('gaps.events')}
              </Text>
              <Text fz={28} fw={700}>
                {formatNumber(d.events, locale)}
              </Text>
            </Stack>
            <Stack gap={0}>
              <Text size="sm" c="dimmed">
                {ct('gaps.missed')}
              </Text>
              <Text fz={28} fw={700} data-testid="gap-missed">
                {formatRupiah(d.missed, locale)}
              </Text>
            </Stack>
          </Group>
        )}
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <DataTable
            label={ct('gaps.table')}
            columns={columns}
            rows={d?.items}
            rowKey={(c) => c.id}
            total={d?.total}
            page={page}
            pageSize={CLAIMS_PAGE_SIZE}
            onPageChange={setPage}
            {...queryState(ledger)}
            minWidth={900}
            empty={
              <EmptyState
                icon={<IconShieldCheck size={26} stroke={1.5} />}
                title={ct('gaps.empty.title')}
                body={ct('gaps.empty.body')}
              />
            }
          />
        </Paper>
        {d && d.events > 0 && (
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Totals title={ct('gaps.byVillage')} rows={d.byVillage} label={(r) => r.label} />
            <Totals
              title={ct('gaps.bySegment')}
              rows={d.bySegment}
              label={(r) =>
                r.key === '' ? ct('gaps.noSegment') : (SEGMENTS[r.key as SegmentCode]?.label[locale] ?? r.key)
              }
            />
            <Totals title={ct('gaps.byMonth')} rows={d.byMonth} label={(r) => monthName(r.key, locale)} />
          </SimpleGrid>
        )}
      </Stack>
    </>
  );
}
