// `/data-terbuka/regulasi`: enacted regional regulations, public and read-only (no sign-in).
import { Anchor, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDate } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { useOpenRegulations } from './governance-api.ts';
import { GOV_ROUTES } from './governance-routes.ts';
import { useGovernanceText, type GovernanceKey } from './governance-text.ts';

export function OpenRegulationsPage() {
  const gt = useGovernanceText();
  const q = useOpenRegulations();
  return (
    <Stack gap="lg">
      <PageHeader title={gt('open.title')} description={gt('open.description')} />
      <Group gap="md">
        <Anchor component={Link} to="/data-terbuka">
          {gt('open.coverage')}
        </Anchor>
        <Anchor component={Link} to={GOV_ROUTES.openRegulations} aria-current="page">
          {gt('open.regulations')}
        </Anchor>
      </Group>
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {!q.data && !q.error && <Skeleton h={200} />}
      {q.data && q.data.items.length === 0 && <Text>{gt('open.empty')}</Text>}
      {q.data && q.data.items.length > 0 && (
        <TableScroll label={gt('open.table')} minWidth={800}>
          <Table aria-label={gt('open.table')} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{gt('ins.region')}</Table.Th>
                <Table.Th>{gt('ins.kind')}</Table.Th>
                <Table.Th>{gt('ins.number')}</Table.Th>
                <Table.Th>{gt('ins.title')}</Table.Th>
                <Table.Th>{gt('ins.signedOn')}</Table.Th>
                <Table.Th>{gt('ins.effectiveUntil')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.regionLabel}</Table.Td>
                  <Table.Td>{gt(`kind.${r.kind}`)}</Table.Td>
                  <Table.Td>{r.number ?? '—'}</Table.Td>
                  <Table.Td>
                    {r.title}
                    <Text size="xs" c="dimmed">
                      {r.issuer}
                      {r.subjectTags.length > 0 &&
                        ` · ${r.subjectTags.map((t) => gt(`tag.${t}` as GovernanceKey)).join(', ')}`}
                      {r.sha256 && ` · SHA-256 ${r.sha256.slice(0, 12)}…`}
                    </Text>
                  </Table.Td>
                  <Table.Td>{r.signedOn ? formatDate(r.signedOn) : '—'}</Table.Td>
                  <Table.Td>{r.effectiveUntil ? formatDate(r.effectiveUntil) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}
