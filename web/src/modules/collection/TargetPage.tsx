// `/pengumpulan/:id` (issue 19 §1): a collection target with every village of its region — also those with nobody
// registered yet — and each village's quota, registered, proposed, covered and left; overdue villages highlighted
// and counted; the XLSX download of the same table.
import { Alert, Anchor, Badge, Group, SegmentedControl, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useLocale } from '../../app/i18n.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { ROUTES } from '../../app/routes.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Figure } from '../../ui/Figure.tsx';
import { formatDate, formatNumber } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { useTarget } from './collection-api.ts';
import { useCollectionText } from './collection-text.ts';

type Filter = 'all' | 'overdue' | 'none';
const FIGURES = ['quota', 'registered', 'proposed', 'active', 'left'] as const;

export function TargetPage() {
  const t = useCollectionText();
  const [locale] = useLocale();
  const { id = '' } = useParams();
  const target = useTarget(id);
  const created = useLocation().state as { fellBackToEven?: boolean } | null;
  const [filter, setFilter] = useState<Filter>('all');
  const data = target.data;
  const back = (
    <Anchor component={Link} to={ROUTES.collection} size="sm">
      {t('detail.back')}
    </Anchor>
  );
  if (!data)
    return (
      <>
        <PageHeader title={t('plan.title')} above={back} />
        {target.error ? <ErrorAlert error={target.error} onRetry={() => void target.refetch()} /> : <PageLoader />}
      </>
    );
  const overdue = data.villages.filter((v) => v.overdue).length;
  const shown = data.villages.filter((v) =>
    filter === 'overdue' ? v.overdue : filter === 'none' ? v.registered === 0 : true,
  );
  return (
    <>
      <PageHeader
        title={data.name}
        description={`${data.regionLabel} · ${t('detail.due', {
          date: formatDate(data.dueOn, locale),
          method: t(`method.${data.method}`).toLowerCase(),
        })}`}
        above={back}
        actions={
          <Anchor href={`/api/collection/targets/${data.id}/export.xlsx`} download>
            {t('detail.export')}
          </Anchor>
        }
      />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 2, md: 5 }}>
          {FIGURES.map((k) => (
            <Figure key={k} label={t(`target.${k}`)} value={formatNumber(data.totals[k])} testId={`total-${k}`} />
          ))}
        </SimpleGrid>
        {created?.fellBackToEven && <Alert color="yellow">{t('plan.fellBack')}</Alert>}
        {overdue > 0 && (
          <Alert color="red" data-testid="overdue-count">
            {t('detail.overdueCount', { count: formatNumber(overdue) })}
          </Alert>
        )}
        <Group>
          <SegmentedControl
            aria-label={t('detail.filter')}
            value={filter}
            onChange={(v) => setFilter(v as Filter)}
            data={[
              { value: 'all', label: t('detail.all') },
              { value: 'overdue', label: t('detail.overdueOnly') },
              { value: 'none', label: t('detail.noneRegistered') },
            ]}
          />
        </Group>
        <TableScroll label={t('detail.villages')} minWidth={760}>
          <Table aria-label={t('detail.villages')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('detail.col.village')}</Table.Th>
                {FIGURES.map((k) => (
                  <Table.Th key={k} ta="right">
                    {t(`target.${k}`)}
                  </Table.Th>
                ))}
                <Table.Th>{t('plan.col.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((v) => (
                <Table.Tr key={v.village} bg={v.overdue ? 'red.0' : undefined} data-overdue={v.overdue}>
                  <Table.Td>
                    <Text size="sm" fw={v.overdue ? 700 : undefined}>
                      {v.villageLabel}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {v.village}
                    </Text>
                  </Table.Td>
                  {FIGURES.map((k) => (
                    <Table.Td key={k} ta="right">
                      {formatNumber(v[k])}
                    </Table.Td>
                  ))}
                  <Table.Td>
                    {v.overdue ? (
                      <Badge variant="light" color="red">
                        {t('target.overdue')}
                      </Badge>
                    ) : v.left === 0 ? (
                      <Badge variant="light" color="green">
                        {t('target.met')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>{t('detail.total')}</Table.Th>
                {FIGURES.map((k) => (
                  <Table.Th key={k} ta="right">
                    {formatNumber(data.totals[k])}
                  </Table.Th>
                ))}
                <Table.Th />
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </TableScroll>
      </Stack>
    </>
  );
}
