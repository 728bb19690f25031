import { Anchor, Group, Table, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router-dom';
import type { FileIssue } from '../../../../lib/contracts/exchange.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { useExchangeText } from './exchange-text.ts';
import { TableScroll } from '../../ui/TableScroll.tsx';

export const EXCHANGE_PATHS = {
  batches: '/pertukaran',
  snapshots: '/pertukaran/snapshot',
  reconciliation: '/pertukaran/rekonsiliasi',
  template: '/pertukaran/templat',
  checks: '/cek-desa',
} as const;

/** The four exchange pages, linked from each of them. */
export function ExchangeNav() {
  const xt = useExchangeText();
  const me = useCurrentUser();
  const { pathname } = useLocation();
  const items = [
    [EXCHANGE_PATHS.batches, xt('tabs.batches')],
    [EXCHANGE_PATHS.snapshots, xt('tabs.snapshots')],
    [EXCHANGE_PATHS.reconciliation, xt('tabs.reconciliation')],
    [EXCHANGE_PATHS.checks, xt('tabs.checks')],
    ...(me.role === 'bpjs' ? [] : [[EXCHANGE_PATHS.template, xt('tabs.template')]]),
  ] as const;
  return (
    <Group component="nav" aria-label={xt('tabs.label')} gap="lg" mb="md">
      {items.map(([to, label]) => (
        <Anchor
          key={to}
          component={Link}
          to={to}
          size="sm"
          fw={pathname === to ? 700 : 400}
          aria-current={pathname === to ? 'page' : undefined}
        >
          {label}
        </Anchor>
      ))}
    </Group>
  );
}

/** Problems of an uploaded file, by row and column. */
export function IssueTable({ issues, label }: { issues: readonly FileIssue[]; label: string }) {
  const xt = useExchangeText();
  return (
    <TableScroll label={label} minWidth={600}>
      <Table aria-label={label} striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{xt('response.col.row')}</Table.Th>
            <Table.Th>{xt('response.col.column')}</Table.Th>
            <Table.Th>{xt('response.col.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {issues.map((i, n) => (
            <Table.Tr key={n}>
              <Table.Td>{i.row ?? '–'}</Table.Td>
              <Table.Td>{i.column ?? '–'}</Table.Td>
              <Table.Td>
                <Text size="sm">{i.message}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
