// The league table of the Disnaker and pimpinan home dashboards (issue 16 §5): growth of active participants over a
// chosen period by channel or by village, zero growth highlighted, downloadable as XLSX.
import { Anchor, Group, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatNumber } from '../../ui/format.ts';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { useGovernanceText } from './governance-text.ts';
import { leagueXlsxUrl, useLeague } from './governance-api.ts';

export function LeagueCard() {
  const wt = useGovernanceText();
  const [by, setBy] = useState<'channel' | 'village'>('channel');
  // Empty until chosen: the server's last 90 days, shown once it answers.
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const q = useLeague(by, from, to);
  const shownFrom = from || q.data?.from || '';
  const shownTo = to || q.data?.to || '';
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="league-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={2} fz="h4" id="league-title">
            {wt('league.title')}
          </Title>
          <Anchor href={leagueXlsxUrl(by, shownFrom, shownTo)} download size="sm">
            {wt('league.download')}
          </Anchor>
        </Group>
        <Group align="flex-end">
          <SegmentedControl
            aria-label={wt('league.by')}
            value={by}
            onChange={(v) => setBy(v as 'channel' | 'village')}
            data={[
              { value: 'channel', label: wt('league.byChannel') },
              { value: 'village', label: wt('league.byVillage') },
            ]}
          />
          <TextInput
            type="date"
            label={wt('league.from')}
            value={shownFrom}
            onChange={(e) => setFrom(e.target.value)}
          />
          <TextInput type="date" label={wt('league.to')} value={shownTo} onChange={(e) => setTo(e.target.value)} />
        </Group>
        {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
        {q.data && (
          <>
            <TableScroll label={wt('league.table')} minWidth={560}>
              <Table aria-label={wt('league.table')} striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{wt('league.rank')}</Table.Th>
                    <Table.Th>{wt('league.name')}</Table.Th>
                    <Table.Th ta="right">{wt('league.activeFrom')}</Table.Th>
                    <Table.Th ta="right">{wt('league.activeTo')}</Table.Th>
                    <Table.Th ta="right">{wt('league.growth')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {q.data.rows.slice(0, by === 'village' ? 100 : 50).map((r, i) => {
                    const zero = r.growth <= 0;
                    return (
                      <Table.Tr key={r.key ?? 'unknown'} bg={zero ? 'var(--mantine-color-red-0)' : undefined}>
                        <Table.Td>{i + 1}</Table.Td>
                        <Table.Td>
                          {r.name}
                          {zero && (
                            <Text span size="xs" c="red.9" fw={600}>
                              {' '}
                              · {wt('league.zero')}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td ta="right">{formatNumber(r.activeFrom)}</Table.Td>
                        <Table.Td ta="right">{formatNumber(r.activeTo)}</Table.Td>
                        <Table.Td ta="right" fw={600}>
                          {r.growth > 0 ? '+' : ''}
                          {formatNumber(r.growth)}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </TableScroll>
            <Text size="xs" c="dimmed">
              {wt('league.zeroCount', { n: formatNumber(q.data.zeroGrowth) })} {wt('league.basis')}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
