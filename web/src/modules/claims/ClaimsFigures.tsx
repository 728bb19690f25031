import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { ClaimFigures, FigureGroup } from '../../../../lib/contracts/claims-figures.ts';
import { api } from '../../app/api.ts';
import { useLocale } from '../../app/i18n.ts';
import { ROUTES } from '../../app/routes.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { formatNumber, formatRupiah } from '../../ui/format.ts';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { useClaimsText, type ClaimsKey } from './claims-text.ts';

/** The claims aggregates of a region (the caller's scope without one), January to this month. */
export function useClaimFigures(region: string | null) {
  return useQuery({
    queryKey: ['claims', 'figures', region],
    queryFn: ({ signal }) =>
      api<ClaimFigures>('/api/claims/figures', { query: { region: region ?? undefined }, signal }),
  });
}

function Figure({ label, value, note, words }: { label: string; value: string; note: string; words?: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz="xl" fw={700}>
        {value}
      </Text>
      {words && (
        <Text size="xs" fs="italic">
          {words}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {note}
      </Text>
    </Paper>
  );
}

function Groups({ title, rows }: { title: string; rows: FigureGroup[] }) {
  const ct = useClaimsText();
  const [locale] = useLocale();
  if (rows.length === 0) return null;
  return (
    <TableScroll label={title} minWidth={280}>
      <Table aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{title}</Table.Th>
            <Table.Th ta="right">{ct('fig.col.claims')}</Table.Th>
            <Table.Th ta="right">{ct('fig.col.amount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((g) => (
            <Table.Tr key={g.key}>
              <Table.Td>{g.label}</Table.Td>
              <Table.Td ta="right">{formatNumber(g.claims, locale)}</Table.Td>
              <Table.Td ta="right">{formatRupiah(g.amount, locale)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/**
 * "Manfaat yang sudah dirasakan" on the Disnaker and pimpinan dashboards: aggregates only (no person), from the
 * claims module's figures. Person-level links (the gap ledger) only for roles that read claims.
 */
export function ClaimsFiguresCard({ region, regionLabel }: { region: string | null; regionLabel: string }) {
  const ct = useClaimsText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const figures = useClaimFigures(region);
  const f = figures.data;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="claims-figures">
      <Stack gap="md">
        <div>
          <Title order={2} fz="h4" id="claims-figures">
            {ct('fig.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {ct('fig.period', { region: regionLabel })}
          </Text>
        </div>
        {figures.isError && <Alert color="red">{ct('fig.error')}</Alert>}
        {f && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
              <Figure
                label={ct('fig.delivered')}
                value={formatRupiah(f.delivered.amount, locale)}
                words={f.delivered.words}
                note={ct('fig.deliveredNote', { n: formatNumber(f.delivered.claims, locale) })}
              />
              <Figure
                label={ct('fig.reported')}
                value={formatNumber(f.reported, locale)}
                note={ct('fig.reportedNote', { n: formatNumber(f.facilitated, locale) })}
              />
              <Figure
                label={ct('fig.sla')}
                value={f.sla.percentOnTime === null ? '–' : `${formatNumber(f.sla.percentOnTime, locale)}%`}
                note={ct('fig.slaNote', {
                  onTime: formatNumber(f.sla.onTime, locale),
                  decided: formatNumber(f.sla.decided, locale),
                  overdue: formatNumber(f.sla.overdue, locale),
                })}
              />
              <Figure
                label={ct('fig.gaps')}
                value={formatRupiah(f.gaps.missed, locale)}
                words={f.gaps.words}
                note={ct('fig.gapsNote', { n: formatNumber(f.gaps.events, locale) })}
              />
            </SimpleGrid>
            {f.delivered.claims === 0 && <Text c="dimmed">{ct('fig.none')}</Text>}
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
              <Groups title={ct('fig.byProgram')} rows={f.byProgram} />
              <Groups title={ct('fig.byFunder')} rows={f.byFunder} />
              <Groups title={ct('fig.byRegion')} rows={f.byRegion} />
            </SimpleGrid>
            {f.byStage.length > 0 && (
              <Text size="sm">
                {ct('fig.byStage')}:{' '}
                {f.byStage
                  .map((s) => `${ct(`stage.${s.stage}` as ClaimsKey)} ${formatNumber(s.claims, locale)}`)
                  .join(' · ')}
              </Text>
            )}
            {me.role !== 'pimpinan' && (
              <Group>
                <Anchor component={Link} to={ROUTES.claimGaps}>
                  {ct('fig.ledger')}
                </Anchor>
              </Group>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
