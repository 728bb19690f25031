// Pieces shared by the targets, denominators and report pages: the links between them, and the choice of a region
// inside the user's scope (the scope itself and the regions directly below it).
import { Anchor, Group } from '@mantine/core';
import { IconChartBar, IconFileDescription, IconUsersGroup } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router-dom';
import { useCurrentUser } from '../../app/session.tsx';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { useRegionChildren } from '../regions/regions-api.ts';
import { useTargetsText } from './targets-text.ts';

export const PLANNING_PATHS = {
  targets: '/cakupan/target',
  workforce: '/cakupan/angkatan-kerja',
  reports: '/laporan',
} as const;

export function PlanningLinks() {
  const tt = useTargetsText();
  const { pathname } = useLocation();
  const links = [
    { to: PLANNING_PATHS.targets, label: tt('links.targets'), icon: IconChartBar },
    { to: PLANNING_PATHS.workforce, label: tt('links.workforce'), icon: IconUsersGroup },
    { to: PLANNING_PATHS.reports, label: tt('links.reports'), icon: IconFileDescription },
  ].filter((l) => l.to !== pathname);
  return (
    <Group component="nav" aria-label={tt('links.label')} gap="md">
      {links.map(({ to, label, icon: Icon }) => (
        <Anchor key={to} component={Link} to={to} size="sm">
          <Group gap={4} component="span" wrap="nowrap">
            <Icon size={16} aria-hidden />
            {label}
          </Group>
        </Anchor>
      ))}
    </Group>
  );
}

/** The user's own region (unless national) and the regions directly below it. */
export function useScopeRegions(): { value: string; label: string }[] {
  const me = useCurrentUser();
  const children = useRegionChildren(me.region === '*' ? null : me.region);
  const own = me.region === '*' ? [] : [{ value: me.region, label: me.regionLabel }];
  return [...own, ...(children.data ?? []).map((r) => ({ value: r.code, label: r.label }))];
}

export function ScopeRegionSelect(props: {
  value: string;
  onChange: (code: string) => void;
  label?: string;
  required?: boolean;
  error?: string | undefined;
  allowEmpty?: boolean;
}) {
  const tt = useTargetsText();
  const options = useScopeRegions();
  return (
    <LabelledSelect
      label={props.label ?? tt('region.label')}
      description={tt('region.help')}
      data={options}
      value={props.value || null}
      onChange={(v) => props.onChange(v ?? '')}
      searchable
      clearable={props.allowEmpty ?? false}
      required={props.required ?? false}
      error={props.error}
      nothingFoundMessage="—"
    />
  );
}
