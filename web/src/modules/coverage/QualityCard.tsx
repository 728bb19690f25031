import { Anchor, Card, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { WORKER_EDITORS, WORKER_READERS, type Role } from '../../../../lib/access/roles.ts';
import type { Dashboard, QualityMetric } from '../../../../lib/contracts/coverage.ts';
import { EXCHANGE_USERS } from '../../../../lib/contracts/exchange.ts';
import { PROGRAM_MANAGERS } from '../../../../lib/contracts/programs.ts';
import { formatDateTime, formatNumber } from '../../ui/format.ts';
import { useLocale } from '../../app/i18n.ts';
import { ROUTES } from '../../app/routes.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { useCoverageText, type CoverageKey } from './coverage-text.ts';

/** Where a person can act on each count, and who may open that page. */
const ACTIONS: Readonly<Record<QualityMetric, { to: string; label: CoverageKey; roles: readonly Role[] }>> = {
  workers_registered: { to: ROUTES.workers, label: 'coverage.quality.go.workers', roles: WORKER_READERS },
  workers_without_phone: {
    to: `${ROUTES.workers}?problem=no_phone`,
    label: 'coverage.quality.go.noPhone',
    roles: WORKER_READERS,
  },
  nik_district_not_current: {
    to: `${ROUTES.workers}?problem=nik_old_district`,
    label: 'coverage.quality.go.oldDistrict',
    roles: WORKER_READERS,
  },
  probable_duplicates: { to: ROUTES.workerDuplicates, label: 'coverage.quality.go.duplicates', roles: WORKER_EDITORS },
  segment_other: { to: `${ROUTES.workers}?segment=other`, label: 'coverage.quality.go.other', roles: WORKER_READERS },
  enrollment_not_sent_30d: {
    to: ROUTES.verification,
    label: 'coverage.quality.go.verification',
    roles: PROGRAM_MANAGERS,
  },
  enrollment_no_kpj_30d: { to: ROUTES.exchange, label: 'coverage.quality.go.exchange', roles: EXCHANGE_USERS },
  bpjs_not_in_registry: {
    to: `${ROUTES.exchangeReconciliation}?kind=outside`,
    label: 'coverage.quality.go.reconciliation',
    roles: EXCHANGE_USERS,
  },
  bpjs_village_unknown: { to: ROUTES.exchangeSnapshots, label: 'coverage.quality.go.snapshot', roles: EXCHANGE_USERS },
};

/** The Disnaker dashboard's data-quality counts: computed by the refresh, each with the page to act on it. */
export function QualityCard({ quality }: { quality: NonNullable<Dashboard['quality']> }) {
  const t = useCoverageText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={2} size="h4" mb={4}>
        {t('coverage.quality.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {quality.computedAt
          ? t('coverage.quality.computed', { time: formatDateTime(quality.computedAt, locale) })
          : t('coverage.quality.never')}
      </Text>
      <Table striped aria-label={t('coverage.quality.table')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('coverage.quality.col.item')}</Table.Th>
            <Table.Th ta="right">{t('coverage.quality.col.count')}</Table.Th>
            <Table.Th>{t('coverage.quality.col.action')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {quality.items.map((item) => {
            const action = ACTIONS[item.metric];
            const allowed = action.roles.includes(me.role);
            return (
              <Table.Tr key={item.metric}>
                <Table.Td>{t(`coverage.quality.${item.metric}`)}</Table.Td>
                <Table.Td ta="right" fw={item.count > 0 && item.metric !== 'workers_registered' ? 700 : undefined}>
                  {formatNumber(item.count)}
                </Table.Td>
                <Table.Td>
                  {allowed && item.count > 0 ? (
                    <Anchor component={Link} to={action.to} size="sm">
                      {t(action.label)}
                    </Anchor>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
