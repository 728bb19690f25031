// Small pieces shared by the governance pages: the page links, the status badge.
import { Badge, Button, Group } from '@mantine/core';
import { Link, useLocation } from 'react-router-dom';
import type { Instrument } from '../../../../lib/contracts/governance.ts';
import { GOV_ROUTES } from './governance-routes.ts';
import { useGovernanceText } from './governance-text.ts';

/** The governance pages as links (each is a page of its own). */
export function GovernanceTabs() {
  const gt = useGovernanceText();
  const { pathname } = useLocation();
  const links = [
    [GOV_ROUTES.regulations, gt('gov.tab.regulations')],
    [GOV_ROUTES.agreements, gt('gov.tab.agreements')],
    [GOV_ROUTES.plans, gt('gov.tab.plans')],
    [GOV_ROUTES.meetings, gt('gov.tab.meetings')],
    [GOV_ROUTES.channels, gt('gov.tab.channels')],
  ] as const;
  return (
    <Group component="nav" aria-label={gt('gov.tabs')} gap="xs" mb="md">
      {links
        .filter(([to]) => to !== null)
        .map(([to, label]) => (
          <Button
            key={to}
            component={Link}
            to={to!}
            variant={pathname.startsWith(to!) ? 'filled' : 'default'}
            aria-current={pathname === to ? 'page' : undefined}
          >
            {label}
          </Button>
        ))}
    </Group>
  );
}

const STATUS_COLOR = { draft: 'gray', enacted: 'teal', revoked: 'red' } as const;

export function StatusBadge({ instrument }: { instrument: Instrument }) {
  const gt = useGovernanceText();
  return (
    <Badge color={STATUS_COLOR[instrument.status]} variant="light" radius="sm">
      {gt(`status.${instrument.status}`)}
      {instrument.stage ? ` · ${gt(`stage.${instrument.stage}`)}` : ''}
    </Badge>
  );
}
