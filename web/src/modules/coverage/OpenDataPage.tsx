import { BarChart } from '../../ui/Charts.tsx';
import { Anchor, Card, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatNumber, formatPercent } from '../../ui/format.ts';
import { useLocale } from '../../app/i18n.ts';
import { FORMULAS } from '../../../../lib/contracts/coverage.ts';
import { useCoverageText } from './coverage-text.ts';
import { useOpenData } from './coverage-api.ts';
import { monthLabel } from './CoverageDashboard.tsx';

/** Data Terbuka: active participants per district, no sign-in, no personal data, counts 1–4 withheld. */
export function OpenDataPage() {
  const t = useCoverageText();
  const ct = useCoverageText();
  const [locale] = useLocale();
  const q = useOpenData();
  return (
    <Stack gap="lg">
      <PageHeader title={t('coverage.openTitle')} description={t('coverage.openDescription')} />
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {!q.data && !q.error && <Skeleton h={300} />}
      {q.data && (
        <>
          <Text size="sm" c="dimmed">
            {monthLabel(q.data.month, locale)} · {ct('open.note')} {FORMULAS.total[locale]}
          </Text>
          <Anchor href="/open/coverage?format=csv" download>
            {t('coverage.openCsv')}
          </Anchor>
          {q.data.districts.length === 0 ? (
            <Text>{t('coverage.openEmpty')}</Text>
          ) : (
            <Card withBorder radius="md" padding="md">
              <Title order={2} size="h4" mb="sm">
                {t('coverage.openChart')}
              </Title>
              <BarChart
                h={Math.max(200, q.data.districts.length * 22)}
                data={q.data.districts.map((d) => ({ kecamatan: d.label.split(', ')[0], active: d.active ?? 0 }))}
                dataKey="kecamatan"
                orientation="vertical"
                yAxisProps={{ width: 170 }}
                series={[{ name: 'active', label: t('coverage.active'), color: 'teal.6' }]}
                valueFormatter={(v) => formatNumber(v)}
              />
              <Table mt="md" striped aria-label={t('coverage.openChart')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('coverage.level.district')}</Table.Th>
                    <Table.Th ta="right">{t('coverage.active')}</Table.Th>
                    <Table.Th ta="right">{t('coverage.col.coverage')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {q.data.districts.map((d) => (
                    <Table.Tr key={d.code}>
                      <Table.Td>{d.label}</Table.Td>
                      <Table.Td ta="right">
                        {d.active === null ? t('coverage.openWithheld') : formatNumber(d.active)}
                      </Table.Td>
                      <Table.Td ta="right">
                        {d.coveragePercent === null ? '—' : formatPercent(d.coveragePercent)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          )}
        </>
      )}
    </Stack>
  );
}
