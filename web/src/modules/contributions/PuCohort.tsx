// A PU cohort with several wages (issue 18 §6): "how much APBD for our 4.001 non-ASN staff". Each wage group is
// priced by the server's cost (the same engine as the calculator and as PU programmes), month by month; the Pemda
// budgets the employer's and the worker's parts, as a PU programme holds them.
import { ActionIcon, Button, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import type { CostRequest, CostResponse } from '../../../../lib/contracts/contributions.ts';
import type { EmployerSize, Program, RiskClass } from '../../../../lib/rules/contribution-types.ts';
import { api } from '../../app/api.ts';
import { useLocale } from '../../app/i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatNumber, formatRupiah, wholeNumberInput } from '../../ui/format.ts';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { positiveInt, type NumberValue } from './calculator-form.ts';
import { useContributionsText } from './contributions-text.ts';

type Row = { persons: NumberValue; wage: NumberValue };
export type CohortTerms = {
  riskClass: RiskClass;
  employerSize: EmployerSize;
  programs: Program[];
  startMonth: string | null;
  months: number | null;
};

/** What the Pemda pays for one group: the employer's and the worker's parts (not the central government's). */
const paid = (c: CostResponse) => c.byPayer.employer + c.byPayer.worker;

export function PuCohort({ terms }: { terms: CohortTerms }) {
  const t = useContributionsText();
  const [locale] = useLocale();
  const [rows, setRows] = useState<Row[]>([
    { persons: '', wage: '' },
    { persons: '', wage: '' },
  ]);
  const requests = rows.map((r): CostRequest | null => {
    const persons = positiveInt(r.persons);
    const wage = positiveInt(r.wage);
    if (persons === null || wage === null || !terms.startMonth || !terms.months || terms.programs.length === 0) {
      return null;
    }
    const { riskClass, employerSize, programs } = terms;
    const input = { category: 'pu' as const, wage, riskClass, employerSize, programs };
    return { input, persons, months: terms.months, startMonth: terms.startMonth };
  });
  const results = useQueries({
    queries: requests.map((body) => ({
      queryKey: ['contributions', 'cost', locale, body],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<CostResponse>('/api/contributions/cost', { method: 'POST', body, signal }),
      enabled: body !== null,
      staleTime: 5 * 60_000,
    })),
  });
  const priced = results.flatMap((r, i) => (r.data && requests[i] ? [{ i, req: requests[i], cost: r.data }] : []));
  const error = results.find((r) => r.error)?.error;
  const complete = priced.length > 0 && priced.length === requests.filter(Boolean).length;
  const sum = (f: (c: CostResponse) => number) => priced.reduce((s, p) => s + f(p.cost), 0);
  const persons = priced.reduce((s, p) => s + p.req.persons, 0);
  const set = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const cols = t('cohort.col').split('|');
  const nums = { ...wholeNumberInput(locale), hideControls: true, inputMode: 'numeric' as const };

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="pu-cohort">
      <Stack gap="sm">
        <Title order={2} size="h4" id="pu-cohort">
          {t('cohort.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('cohort.hint')}
        </Text>
        {rows.map((r, i) => (
          <Group key={i} align="flex-end" gap="sm" wrap="nowrap">
            <NumberInput
              {...nums}
              label={t('cohort.persons', { n: i + 1 })}
              value={r.persons}
              onChange={(v) => set(i, { persons: v })}
              min={1}
              max={200_000_000}
            />
            <NumberInput
              {...nums}
              label={t('cohort.wage', { n: i + 1 })}
              leftSection={<Text size="sm">Rp</Text>}
              value={r.wage}
              onChange={(v) => set(i, { wage: v })}
              min={1}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('cohort.remove', { n: i + 1 })}
              disabled={rows.length === 1}
              onClick={() => setRows(rows.filter((_, j) => j !== i))}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setRows([...rows, { persons: '', wage: '' }])}
            disabled={rows.length >= 20}
          >
            {t('cohort.add')}
          </Button>
        </Group>
        {error ? <ErrorAlert error={error} /> : null}
        {priced.length > 0 && (
          <TableScroll label={t('cohort.table')} minWidth={560}>
            <Table striped aria-label={t('cohort.table')}>
              <Table.Thead>
                <Table.Tr>
                  {cols.map((c) => (
                    <Table.Th key={c}>{c}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {priced.map((p) => (
                  <Table.Tr key={p.i}>
                    <Table.Td>{p.i + 1}</Table.Td>
                    <Table.Td>{formatNumber(p.req.persons, locale)}</Table.Td>
                    <Table.Td>{formatRupiah(p.req.input.category === 'pu' ? p.req.input.wage : 0)}</Table.Td>
                    <Table.Td>{formatRupiah(Math.round(paid(p.cost) / p.req.persons / p.req.months))}</Table.Td>
                    <Table.Td>{formatRupiah(paid(p.cost))}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
        {complete && (
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              {t('cohort.total', { persons: formatNumber(persons, locale), months: terms.months ?? 0 })}
            </Text>
            <Text fz="xl" fw={700} data-testid="cohort-total">
              {formatRupiah(sum(paid))}
            </Text>
            <Text size="sm" data-testid="cohort-split">
              {t('cohort.split', {
                employer: formatRupiah(sum((c) => c.byPayer.employer)),
                worker: formatRupiah(sum((c) => c.byPayer.worker)),
              })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('cohort.note')}
            </Text>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
