// Small pieces shared by the employer pages: the page links, the status badge, the refused-file issue list.
import { Alert, Badge, Button, Group, List } from '@mantine/core';
import { Link, useLocation } from 'react-router-dom';
import type { EmployerItem, UploadResult } from '../../../../lib/contracts/employers.ts';
import { ROUTES } from '../../app/routes.ts';
import { useEmployersText } from './employers-text.ts';

export function EmployersTabs() {
  const et = useEmployersText();
  const { pathname } = useLocation();
  const links = [
    [ROUTES.employers, et('tabs.employers')],
    [ROUTES.employerCheck, et('tabs.check')],
    [ROUTES.employerProjects, et('tabs.projects')],
  ] as const;
  return (
    <Group component="nav" aria-label={et('tabs.label')} gap="xs" mb="md">
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

const COLOURS: Record<EmployerItem['status'], string> = {
  paying: 'teal',
  arrears: 'red',
  partial: 'orange',
  not_registered: 'gray',
};

/** The status in words and colour (never colour alone). */
export function StatusBadge({ status }: { status: EmployerItem['status'] }) {
  const et = useEmployersText();
  return (
    <Badge color={COLOURS[status]} variant="light" radius="sm">
      {et(`status.${status}`)}
    </Badge>
  );
}

/** What an upload did: imported with counts, or refused with every row and column to fix. */
export function UploadOutcome({ result }: { result: UploadResult | undefined }) {
  const et = useEmployersText();
  if (!result) return null;
  if (result.imported)
    return (
      <Alert color="teal" role="status">
        {et('upload.done', { rows: result.rows, matched: result.matched })}
      </Alert>
    );
  return (
    <Alert color="red" role="alert" title={et('upload.refused')}>
      <List size="sm">
        {result.issues.slice(0, 50).map((i, n) => (
          <List.Item key={n}>
            {et('upload.issue', { row: i.row ?? '-', column: i.column ?? '-', message: i.message })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
