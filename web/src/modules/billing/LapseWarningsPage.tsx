import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import {
  IconAlarm,
  IconBrandWhatsapp,
  IconCircleCheck,
  IconCircleX,
  IconDownload,
  IconSearch,
  IconShieldCheck,
} from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { WORKER_READERS } from '../../../../lib/access/roles.ts';
import {
  LAPSE_KINDS,
  LAPSE_SOURCES,
  type LapseKind,
  type LapseSource,
  type LapseWarning,
} from '../../../../lib/contracts/billing.ts';
import { todayWib } from '../../../../lib/rules/eligibility.ts';
import { dateName, monthName } from '../../../../lib/rules/lapse.ts';
import { useLocale, useT } from '../../app/i18n.ts';
import { ROUTES } from '../../app/routes.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { DataTable, type Column, queryState } from '../../ui/DataTable.tsx';
import { EmptyState, NoMatchState } from '../../ui/EmptyState.tsx';
import { errorMessage } from '../../ui/ErrorAlert.tsx';
import { formatNumber } from '../../ui/format.ts';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useUrlFilters } from '../../ui/url-state.ts';
import { RegionPicker } from '../regions/RegionPicker.tsx';
import { LAPSE_PAGE_SIZE, lapseXlsxUrl, useCoverageCheck, useLapseWarnings } from './billing-api.ts';
import { useBillingText } from './billing-text.ts';
import { DateField } from '../../ui/DateField.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';

export function LapseWarningsPage() {
  const bt = useBillingText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const { values, page, setFilters, setPage, clear, filtered } = useUrlFilters(['kind', 'source', 'region'] as const);
  const filters = {
    kind: values.kind as LapseKind | '',
    source: values.source as LapseSource | '',
    region: values.region,
  };
  const list = useLapseWarnings({ ...filters, page });
  const mayOpenWorker = WORKER_READERS.includes(me.role);
  const aboveVillage = me.region === '*' || me.region.split('.').length < 4;

  const columns: Column<LapseWarning>[] = [
    {
      key: 'name',
      header: bt('lapse.col.name'),
      cell: (w) =>
        w.fullName === null ? (
          <Text size="sm" c="dimmed">
            {bt('lapse.noName')}
          </Text>
        ) : mayOpenWorker && w.workerId ? (
          <Anchor component={Link} to={ROUTES.workerDetail(w.workerId)} size="sm" fw={600}>
            {w.fullName}
          </Anchor>
        ) : (
          w.fullName
        ),
    },
    {
      key: 'nik',
      header: bt('lapse.col.nik'),
      nowrap: true,
      cell: (w) => (
        <Text size="sm" ff="monospace">
          {w.nikMasked}
        </Text>
      ),
    },
    {
      key: 'phone',
      header: bt('lapse.col.phone'),
      nowrap: true,
      cell: (w) =>
        w.phone === null ? (
          <Text size="sm" c="dimmed">
            {bt('lapse.noPhone')}
          </Text>
        ) : (
          <Stack gap={0}>
            <Anchor href={`tel:${w.phone}`} size="sm" ff="monospace">
              {w.phone}
            </Anchor>
            {w.whatsapp && (
              <Anchor
                href={w.whatsapp}
                target="_blank"
                rel="noopener noreferrer"
                size="xs"
                aria-label={bt('lapse.whatsappFor', { name: w.fullName ?? w.nikMasked })}
              >
                <Group gap={4} wrap="nowrap" component="span">
                  <IconBrandWhatsapp size={14} aria-hidden />
                  {bt('lapse.whatsapp')}
                </Group>
              </Anchor>
            )}
          </Stack>
        ),
    },
    {
      key: 'source',
      header: bt('lapse.col.source'),
      cell: (w) => (
        <Stack gap={0}>
          <Text size="sm">{w.programName}</Text>
          {w.kpjNumber && (
            <Text size="xs" c="dimmed">
              KPJ {w.kpjNumber}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'paidThrough',
      header: bt('lapse.col.paidThrough'),
      nowrap: true,
      cell: (w) => (w.paidThrough ? monthName(w.paidThrough, locale) : bt('lapse.neverPaid')),
    },
    { key: 'lapseDate', header: bt('lapse.col.lapseDate'), nowrap: true, cell: (w) => dateName(w.lapseDate, locale) },
    {
      key: 'status',
      header: bt('lapse.col.status'),
      nowrap: true,
      cell: (w) =>
        w.kind === 'lapsed' ? (
          <Text size="sm" fw={600} c="red">
            {bt('lapse.lapsedSince', { days: formatNumber(-w.daysLeft, locale) })}
          </Text>
        ) : (
          <Text size="sm" fw={600} c="orange">
            {bt('lapse.lapsesIn', { days: formatNumber(w.daysLeft, locale) })}
          </Text>
        ),
    },
    { key: 'village', header: bt('lapse.col.village'), cell: (w) => w.villageLabel ?? '—', hidden: !aboveVillage },
  ];

  return (
    <>
      <PageHeader
        title={bt('lapse.title')}
        description={bt('lapse.description', { region: me.regionLabel })}
        actions={
          <Button
            component="a"
            href={lapseXlsxUrl(filters)}
            download
            variant="default"
            leftSection={<IconDownload size={18} aria-hidden />}
          >
            {bt('lapse.export')}
          </Button>
        }
      />
      <Stack gap="lg">
        <CoverageCheckCard />
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <Stack gap="md">
            {list.data && (
              <Text size="sm" fw={600} role="status" data-testid="lapse-counts">
                {bt('lapse.counts', {
                  lapsed: formatNumber(list.data.counts.lapsed, locale),
                  soon: formatNumber(list.data.counts.soon, locale),
                  today: dateName(list.data.today, locale),
                })}
              </Text>
            )}
            <Group gap="md" align="flex-end" wrap="wrap">
              <LabelledSelect
                label={bt('lapse.filterKind')}
                data={[
                  { value: '', label: bt('lapse.kind.all') },
                  ...LAPSE_KINDS.map((k) => ({ value: k, label: bt(`lapse.kind.${k}`) })),
                ]}
                value={values.kind}
                onChange={(v) => setFilters({ kind: v ?? '' })}
                allowDeselect={false}
                w={220}
              />
              <LabelledSelect
                label={bt('lapse.filterSource')}
                data={[
                  { value: '', label: bt('lapse.source.all') },
                  ...LAPSE_SOURCES.map((s) => ({ value: s, label: bt(`lapse.source.${s}`) })),
                ]}
                value={values.source}
                onChange={(v) => setFilters({ source: v ?? '' })}
                allowDeselect={false}
                w={220}
              />
            </Group>
            {aboveVillage && (
              <RegionPicker
                scope={me.region}
                value={values.region || me.region}
                onChange={(code) => setFilters({ region: code === me.region ? '' : code })}
                legend={bt('lapse.filterRegion')}
              />
            )}
            <DataTable
              label={bt('lapse.table')}
              columns={columns}
              rows={list.data?.items}
              rowKey={(w) => `${w.source}-${w.nikMasked}-${w.kpjNumber ?? ''}-${w.workerId ?? ''}`}
              total={list.data?.total}
              page={page}
              pageSize={LAPSE_PAGE_SIZE}
              onPageChange={setPage}
              {...queryState(list)}
              minWidth={1000}
              empty={
                filtered ? (
                  <NoMatchState body={bt('lapse.emptyFiltered')} onClear={clear} />
                ) : (
                  <EmptyState
                    icon={<IconShieldCheck size={26} stroke={1.5} />}
                    title={bt('lapse.empty.title')}
                    body={bt('lapse.empty.body')}
                  />
                )
              }
            />
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}

/** "Cek kepesertaan": NIK + date → covered or not, with the reason and each source. */
function CoverageCheckCard() {
  const t = useT();
  const bt = useBillingText();
  const [locale] = useLocale();
  const check = useCoverageCheck();
  const [nik, setNik] = useState('');
  const [date, setDate] = useState(todayWib(new Date()));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    check.mutate({ nik: nik.replace(/\s/g, ''), date });
  };
  const result = check.data;
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="coverage-check">
      <Stack gap="sm">
        <Group gap="xs">
          <IconAlarm size={20} aria-hidden />
          <Title order={2} fz="h4" id="coverage-check">
            {bt('check.title')}
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          {bt('check.description')}
        </Text>
        <form onSubmit={submit} noValidate>
          <Group gap="md" align="flex-end" wrap="wrap">
            <TextInput
              label={bt('check.nik')}
              description={bt('check.nikHint')}
              inputMode="numeric"
              maxLength={20}
              value={nik}
              onChange={(e) => setNik(e.currentTarget.value)}
              w={240}
              required
            />
            <DateField
              label={bt('check.date')}
              description={bt('check.dateHint')}
              value={date}
              onChange={(v) => setDate(v)}
              w={200}
              required
            />
            <Button type="submit" loading={check.isPending} leftSection={<IconSearch size={16} aria-hidden />}>
              {bt('check.submit')}
            </Button>
          </Group>
        </form>
        {check.error && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(check.error, t)}
          </Alert>
        )}
        {result && (
          <Alert
            color={result.covered ? 'teal' : 'red'}
            variant="light"
            role="status"
            data-testid="coverage-answer"
            icon={result.covered ? <IconCircleCheck aria-hidden /> : <IconCircleX aria-hidden />}
            title={result.covered ? bt('check.covered') : bt('check.notCovered')}
          >
            <Stack gap="sm">
              <Text size="sm">{result.reason}</Text>
              {result.programs.length > 0 && (
                <TableScroll label={bt('check.sources')} minWidth={720}>
                  <Table aria-label={bt('check.sources')} striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{bt('check.col.program')}</Table.Th>
                        <Table.Th>{bt('check.col.kpj')}</Table.Th>
                        <Table.Th>{bt('check.col.state')}</Table.Th>
                        <Table.Th>{bt('check.col.paidThrough')}</Table.Th>
                        <Table.Th>{bt('check.col.period')}</Table.Th>
                        <Table.Th>{bt('check.col.lapseDate')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {result.programs.map((p, i) => (
                        <Table.Tr key={`${p.program}-${p.kpj ?? i}`}>
                          <Table.Td>{p.program}</Table.Td>
                          <Table.Td>{p.kpj ?? '—'}</Table.Td>
                          <Table.Td>{bt(`check.state.${p.state}`)}</Table.Td>
                          <Table.Td>
                            {p.paidThrough ? monthName(p.paidThrough, locale) : bt('lapse.neverPaid')}
                          </Table.Td>
                          <Table.Td>
                            {dateName(p.coverageStart, locale)}
                            {p.coverageEnd ? ` – ${monthName(p.coverageEnd, locale)}` : ''}
                          </Table.Td>
                          <Table.Td>{p.lapseDate ? dateName(p.lapseDate, locale) : '—'}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </TableScroll>
              )}
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
