// Small pieces shared by the claims pages: the tabs, the estimate table, the covered badge.
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router-dom';
import type { ClaimSummary, EstimateItem } from '../../../../lib/contracts/claims.ts';
import { dateName } from '../../../../lib/rules/lapse.ts';
import { useLocale } from '../../app/i18n.ts';
import { ROUTES } from '../../app/routes.ts';
import { formatRupiah } from '../../ui/format.ts';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { CLAIMS_TEXT, useClaimsText, type ClaimsKey } from './claims-text.ts';

/** The claim pages as links (a nav, not tabs: each is a page of its own). */
export function ClaimsTabs() {
  const ct = useClaimsText();
  const { pathname } = useLocation();
  const links = [
    [ROUTES.claims, ct('tabs.claims')],
    [ROUTES.claimNew, ct('tabs.new')],
    [ROUTES.claimGaps, ct('tabs.gaps')],
    [ROUTES.claimHolidays, ct('tabs.holidays')],
    [ROUTES.claimRules, ct('tabs.rules')],
  ] as const;
  return (
    <Group component="nav" aria-label={ct('tabs.label')} gap="xs" mb="md">
      {links.map(([to, label]) => (
        <Button
          key={to}
          component={Link}
          to={to}
          variant={pathname === to ? 'filled' : 'default'}
          aria-current={pathname === to ? 'page' : undefined}
        >
          {label}
        </Button>
      ))}
    </Group>
  );
}

/** Covered or not on the event date: a word and a colour (never colour alone). */
export function CoveredBadge({ claim }: { claim: Pick<ClaimSummary, 'covered' | 'gapReason' | 'gapSince'> }) {
  const ct = useClaimsText();
  const [locale] = useLocale();
  if (claim.covered)
    return (
      <Badge color="teal" variant="light" radius="sm">
        {ct('detail.covered')}
      </Badge>
    );
  return (
    <Group gap={6} wrap="nowrap">
      <Badge color="red" variant="light" radius="sm">
        {ct('detail.notCovered')}
      </Badge>
      {claim.gapReason && (
        <Text size="xs">
          {ct(`gap.${claim.gapReason}`)}
          {claim.gapSince ? ` ${ct('gap.since', { date: dateName(claim.gapSince, locale) })}` : ''}
        </Text>
      )}
    </Group>
  );
}

export function EstimateTable({ items, total, caption }: { items: EstimateItem[]; total: number; caption: string }) {
  const ct = useClaimsText();
  const [locale] = useLocale();
  const label = (benefit: string) => {
    const key = `benefit.${benefit}`;
    return key in CLAIMS_TEXT.id ? ct(key as ClaimsKey) : benefit;
  };
  return (
    <TableScroll label={caption} minWidth={560}>
      <Table striped aria-label={caption} data-testid="estimate">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{ct('estimate.benefit')}</Table.Th>
            <Table.Th ta="right">{ct('estimate.amount')}</Table.Th>
            <Table.Th>{ct('estimate.basis')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.benefit}>
              <Table.Td>{label(i.benefit)}</Table.Td>
              <Table.Td ta="right">
                {i.amount === null ? ct('estimate.asNeeded') : formatRupiah(i.amount, locale)}
                {!i.inTotal && i.amount !== null && (
                  <Text size="xs" c="dimmed">
                    {ct('estimate.notSummed')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{i.basis}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th>{ct('estimate.total')}</Table.Th>
            <Table.Th ta="right" data-testid="estimate-total">
              {formatRupiah(total, locale)}
            </Table.Th>
            <Table.Td />
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
