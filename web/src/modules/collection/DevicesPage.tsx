// `/pengumpulan/perangkat` (issue 19 §3): the admin's list of field devices that send offline queues, with revoke
// (two steps); a revoked device's queue is refused by the server (DEVICE_REVOKED), and the revoke is audited.
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useLocale } from '../../app/i18n.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { useDevices, useRevokeDevice } from './collection-api.ts';
import { useCollectionText } from './collection-text.ts';

export function DevicesPage() {
  const t = useCollectionText();
  const [locale] = useLocale();
  const devices = useDevices();
  const revoke = useRevokeDevice();
  const [asked, setAsked] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t('dev.title')} description={t('dev.description')} />
      {revoke.error && <ErrorAlert error={revoke.error} />}
      {devices.error && <ErrorAlert error={devices.error} onRetry={() => void devices.refetch()} />}
      {!devices.data ? (
        !devices.error && <PageLoader />
      ) : devices.data.items.length === 0 ? (
        <Text size="sm">{t('dev.empty')}</Text>
      ) : (
        <TableScroll label={t('dev.title')} minWidth={820}>
          <Table aria-label={t('dev.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dev.col.label')}</Table.Th>
                <Table.Th>{t('dev.col.user')}</Table.Th>
                <Table.Th>{t('dev.col.region')}</Table.Th>
                <Table.Th>{t('dev.col.created')}</Table.Th>
                <Table.Th>{t('dev.col.seen')}</Table.Th>
                <Table.Th>{t('dev.col.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {devices.data.items.map((d) => (
                <Table.Tr key={d.id} data-testid="device">
                  <Table.Td>{d.label}</Table.Td>
                  <Table.Td>{d.username}</Table.Td>
                  <Table.Td>{d.region}</Table.Td>
                  <Table.Td>{formatDate(d.createdAt, locale)}</Table.Td>
                  <Table.Td>{formatDateTime(d.lastSeenAt, locale)}</Table.Td>
                  <Table.Td>
                    {d.revokedAt ? (
                      <Badge variant="light" color="gray">
                        {t('dev.revoked', { date: formatDate(d.revokedAt, locale) })}
                      </Badge>
                    ) : asked === d.id ? (
                      <Group gap="xs">
                        <Button size="xs" variant="default" onClick={() => setAsked(null)}>
                          {t('field.cancel')}
                        </Button>
                        <Button
                          size="xs"
                          color="red"
                          loading={revoke.isPending}
                          onClick={() => revoke.mutate(d.id, { onSuccess: () => setAsked(null) })}
                        >
                          {t('dev.confirm', { label: d.label })}
                        </Button>
                      </Group>
                    ) : (
                      <Group gap="xs">
                        <Badge variant="light" color="green">
                          {t('dev.active')}
                        </Badge>
                        <Button size="xs" variant="light" color="red" onClick={() => setAsked(d.id)}>
                          {t('dev.revoke')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </>
  );
}
