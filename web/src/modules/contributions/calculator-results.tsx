// The calculator's results: the quote headline, the cost over the period, the lines per programme and payer, the
// JKP recomposition and the rule rows used.
import { Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { type ReactNode } from 'react';
import type { CostResponse, QuoteResponse, RuleRow } from '../../../../lib/contracts/contributions.ts';
import type { BenefitSummary } from '../../../../lib/rules/benefits.ts';
import type { Payer } from '../../../../lib/rules/contribution-types.ts';
import { terbilang } from '../../../../lib/rules/money.ts';
import { ruleLabel } from '../../../../lib/rules/rule-labels.ts';
import { useLocale } from '../../app/i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDate, formatNumber, formatRupiah, formatRupiahShort } from '../../ui/format.ts';
import { type BuiltRequests, type CalculatorForm, type MissingField } from './calculator-form.ts';
import { useCost, useQuote } from './contributions-api.ts';
import { compactBasis, formatMonth, formatRuleValue, fundingShort, groupMonths, programShort } from './rule-format.ts';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { useContributionsText, type ContributionsT } from './contributions-text.ts';
import { UncertainMark, Benefits } from './calculator-benefits.tsx';

function safeTerbilang(n: number): string | null {
  try {
    return `${terbilang(n)} rupiah`;
  } catch {
    return null;
  }
}
type ResultsProps = {
  form: CalculatorForm;
  requests: BuiltRequests;
  quote: ReturnType<typeof useQuote>;
  cost: ReturnType<typeof useCost>;
  benefits: BenefitSummary | undefined;
  benefitsError: unknown;
  /** Shown after the figures, before the benefits (the PU cohort by wage group). */
  extra?: ReactNode;
};

const MISSING_LABEL: Readonly<Record<MissingField, Parameters<ContributionsT>[0]>> = {
  date: 'calc.date',
  income: 'calc.income',
  programs: 'calc.programs',
  wage: 'calc.wage',
  contractValue: 'calc.contractValue',
  jakonWage: 'calc.wage',
  extraMonths: 'calc.extraMonths',
  persons: 'calc.persons',
  months: 'calc.months',
};

export function Results({ form, requests, quote, cost, benefits, benefitsError, extra }: ResultsProps) {
  const t = useContributionsText();

  let main;
  if (requests.missing) {
    main = (
      <Paper withBorder radius="md" p="lg" role="status">
        <Group gap="sm" wrap="nowrap">
          <IconInfoCircle size={20} aria-hidden color="var(--mantine-color-teal-7)" />
          <Text>{t('calc.incomplete', { field: t(MISSING_LABEL[requests.missing]) })}</Text>
        </Group>
      </Paper>
    );
  } else if (quote.isError) {
    main = <ErrorAlert error={quote.error} title={t('calc.errorTitle')} />;
  } else if (!quote.data) {
    main = <Computing />;
  } else {
    main = (
      <>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <QuoteHeadline quote={quote.data} form={form} busy={quote.isFetching} />
          <CostCard form={form} requests={requests} quote={quote.data} cost={cost} />
        </SimpleGrid>
        <QuoteItems quote={quote.data} form={form} />
        {quote.data.recomposition && <Recomposition quote={quote.data} />}
        <RulesUsed rules={quote.data.rulesUsed} />
      </>
    );
  }

  return (
    <Stack gap="lg">
      {main}
      {extra}
      <Benefits benefits={benefits} error={benefitsError} form={form} wage={requests.wage} />
    </Stack>
  );
}

function Computing() {
  const t = useContributionsText();
  return (
    <Paper withBorder radius="md" p="lg" role="status">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text size="sm">{t('calc.computing')}</Text>
      </Group>
    </Paper>
  );
}

function payerLabel(payer: Payer, form: CalculatorForm, t: ContributionsT): string {
  const base = t(`calc.payer.${payer}`);
  // A BPU participant funded by a budget or a company: say which one.
  if (form.category === 'bpu' && form.funding !== 'self' && payer !== 'participant') {
    return `${base} (${fundingShort(form.funding, t)})`;
  }
  return base;
}

function oneOffLabel(form: CalculatorForm, t: ContributionsT): string {
  if (form.category === 'pmi') return t('calc.oneOff.pmi');
  if (form.category === 'jakon' && form.jakonBasis === 'contract') return t('calc.oneOff.jakon');
  return t('calc.monthly');
}

function QuoteHeadline({ quote, form, busy }: { quote: QuoteResponse; form: CalculatorForm; busy: boolean }) {
  const t = useContributionsText();
  const [locale] = useLocale();
  const payers = (Object.entries(quote.byPayer) as [Payer, number][]).filter(([, amount]) => amount > 0);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="calc-headline" aria-busy={busy}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="sm" c="dimmed" fw={600} id="calc-headline">
            {oneOffLabel(form, t)}
          </Text>
          {busy && <Loader size="xs" aria-label={t('calc.computing')} />}
        </Group>
        <Text fz={36} fw={700} c="teal.8" lh={1.1} data-testid="quote-total">
          {formatRupiah(quote.total)}
        </Text>
        <Text size="sm" c="dimmed">
          {t('calc.onDate', { date: formatDate(quote.date, locale) })}
        </Text>
        {payers.length > 0 && (
          <Stack gap={2} mt={4}>
            {payers.map(([payer, amount]) => (
              <Text size="sm" key={payer}>
                {payerLabel(payer, form, t)}: <b>{formatRupiah(amount)}</b>
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function CostFigure({ total, words }: { total: number; words: boolean }) {
  const t = useContributionsText();
  const spelled = words ? safeTerbilang(total) : null;
  const short = formatRupiahShort(total);
  return (
    <>
      <Text fz={28} fw={700} lh={1.15} data-testid="cost-total" style={{ overflowWrap: 'anywhere' }}>
        {formatRupiah(total)}
      </Text>
      {short !== formatRupiah(total) && <Text size="sm">{t('calc.cost.short', { short })}</Text>}
      {spelled && (
        <Text size="sm" fs="italic" data-testid="cost-words">
          {t('calc.cost.words', { words: spelled })}
        </Text>
      )}
    </>
  );
}

function CostCard({
  form,
  requests,
  quote,
  cost,
}: {
  form: CalculatorForm;
  requests: BuiltRequests;
  quote: QuoteResponse;
  cost: ReturnType<typeof useCost>;
}) {
  const t = useContributionsText();
  const [locale] = useLocale();
  const frame = (title: string, body: ReactNode) => (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="calc-cost">
      <Stack gap={6}>
        <Text size="sm" c="dimmed" fw={600} id="calc-cost">
          {title}
        </Text>
        {body}
      </Stack>
    </Paper>
  );

  if (form.category === 'jakon' && form.jakonBasis === 'contract') {
    return frame(t('calc.cost.jakonTitle'), <Text size="sm">{t('calc.cost.jakonNote')}</Text>);
  }
  if (requests.costMissing) {
    return frame(
      t('calc.cost.titleShort'),
      <Text size="sm">{t('calc.incomplete', { field: t(MISSING_LABEL[requests.costMissing]) })}</Text>,
    );
  }
  if (form.category === 'pmi') {
    const persons = requests.persons ?? 1;
    return frame(
      t('calc.cost.pmiTitle', { persons: formatNumber(persons, locale) }),
      <CostFigure total={quote.total * persons} words />,
    );
  }
  const months = requests.months ?? 12;
  const persons = requests.persons ?? 1;
  const title = t('calc.cost.title', { months: formatNumber(months, locale), persons: formatNumber(persons, locale) });
  if (cost.isError) return frame(title, <ErrorAlert error={cost.error} title={t('calc.cost.errorTitle')} />);
  if (!cost.data) {
    return frame(
      title,
      <Group gap="sm">
        <Loader size="xs" aria-hidden />
        <Text size="sm">{t('calc.computing')}</Text>
      </Group>,
    );
  }
  return frame(title, <CostBody cost={cost.data} form={form} />);
}

function CostBody({ cost, form }: { cost: CostResponse; form: CalculatorForm }) {
  const t = useContributionsText();
  const [locale] = useLocale();
  const groups = groupMonths(cost.months);
  const first = cost.months[0]?.month;
  const last = cost.months[cost.months.length - 1]?.month;
  const payers = (Object.entries(cost.byPayer) as [Payer, number][]).filter(([, amount]) => amount > 0);
  return (
    <>
      <CostFigure total={cost.total} words />
      {first && last && (
        <Text size="sm" c="dimmed">
          {t('calc.cost.period', { from: formatMonth(first, locale), to: formatMonth(last, locale) })}
        </Text>
      )}
      {payers.length > 1 && (
        <Stack gap={0}>
          {payers.map(([payer, amount]) => (
            <Text size="sm" key={payer}>
              {payerLabel(payer, form, t)}: {formatRupiah(amount)}
            </Text>
          ))}
        </Stack>
      )}
      {groups.length > 1 && (
        <Stack gap={2} mt={4} data-testid="cost-groups">
          <Text size="sm" fw={600}>
            {t('calc.cost.changes')}
          </Text>
          {groups.map((g) => (
            <Text size="sm" key={g.from}>
              {t('calc.cost.group', {
                period:
                  g.from === g.to
                    ? formatMonth(g.from, locale)
                    : `${formatMonth(g.from, locale)} – ${formatMonth(g.to, locale)}`,
                count: formatNumber(g.count, locale),
                perPerson: formatRupiah(g.perPerson),
              })}
            </Text>
          ))}
        </Stack>
      )}
    </>
  );
}

/** PMI lines are all "JKK + JKM"; the package they pay for is in the rule key. */
function itemLabel(item: QuoteResponse['items'][number], t: ContributionsT): string {
  const key = item.ruleKeys.find((k) => k.startsWith('pmi.'));
  if (key === 'pmi.package.pre') return `${programShort(item.program)} · ${t('calc.pmi.pre')}`;
  if (key === 'pmi.extra_month') return `${programShort(item.program)} · ${t('calc.pmi.extra')}`;
  const months = key?.match(/^pmi\.package\.(\d+)$/)?.[1];
  if (months) return `${programShort(item.program)} · ${t('calc.pmi.package', { months })}`;
  return programShort(item.program);
}

function QuoteItems({ quote, form }: { quote: QuoteResponse; form: CalculatorForm }) {
  const t = useContributionsText();
  const recurring = !(form.category === 'pmi' || (form.category === 'jakon' && form.jakonBasis === 'contract'));
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="calc-items">
      <Title order={2} size="h4" id="calc-items" mb="sm">
        {t('calc.items')}
      </Title>
      <TableScroll label={t('calc.items')} minWidth={640}>
        <Table aria-labelledby="calc-items" verticalSpacing="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('calc.col.program')}</Table.Th>
              <Table.Th scope="col">{t('calc.col.payer')}</Table.Th>
              <Table.Th scope="col" ta="right" style={{ whiteSpace: 'nowrap' }}>
                {recurring ? t('calc.col.monthly') : t('calc.col.amount')}
              </Table.Th>
              <Table.Th scope="col">{t('calc.col.basis')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {quote.items.map((item, index) => (
              <Table.Tr key={`${item.program}-${item.payer}-${index}`} data-testid="quote-item">
                <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {itemLabel(item, t)}
                </Table.Td>
                <Table.Td>{payerLabel(item.payer, form, t)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  <Text fw={600} size="sm">
                    {formatRupiah(item.amount)}
                  </Text>
                  {item.grossAmount !== undefined && (
                    <Text size="xs" c="dimmed">
                      {t(
                        item.ruleKeys.some((k) => k.startsWith('discount.'))
                          ? 'calc.beforeDiscount'
                          : 'calc.beforeRecomposition',
                        { amount: formatRupiah(item.grossAmount) },
                      )}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" data-testid="quote-basis">
                    {compactBasis(item.basis)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row" colSpan={2}>
                {recurring ? t('calc.totalMonthly') : t('calc.total')}
              </Table.Th>
              <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                {formatRupiah(quote.total)}
              </Table.Td>
              <Table.Td />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </TableScroll>
    </Paper>
  );
}

function Recomposition({ quote }: { quote: QuoteResponse }) {
  const t = useContributionsText();
  const r = quote.recomposition;
  if (!r) return null;
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="sm">
        {t('calc.recomposition', {
          total: formatRupiah(r.jkpTotal),
          government: formatRupiah(r.government),
          fromJkk: formatRupiah(r.fromJkk),
          fromJkm: formatRupiah(r.fromJkm),
        })}
      </Text>
    </Paper>
  );
}

function RulesUsed({ rules }: { rules: RuleRow[] }) {
  const t = useContributionsText();
  const [locale] = useLocale();
  const sorted = [...rules].sort(
    (a, b) => a.key.localeCompare(b.key) || a.scope.localeCompare(b.scope, undefined, { numeric: true }),
  );
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="calc-rules">
      <Title order={2} size="h4" id="calc-rules">
        {t('calc.rules.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('calc.rules.description')}
      </Text>
      <TableScroll label={t('calc.rules.title')} minWidth={760}>
        <Table aria-labelledby="calc-rules" verticalSpacing="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('calc.rules.col.key')}</Table.Th>
              <Table.Th scope="col">{t('calc.rules.col.value')}</Table.Th>
              <Table.Th scope="col">{t('calc.col.basis')}</Table.Th>
              <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
                {t('calc.rules.col.from')}
              </Table.Th>
              <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
                {t('calc.rules.col.to')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((r) => (
              <Table.Tr key={r.id} data-testid="rule-used">
                <Table.Td>
                  <Text size="xs">{ruleLabel(r.key, r.scope, locale)}</Text>
                </Table.Td>
                <Table.Td>{formatRuleValue(r.value, t, locale)}</Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {r.citation} {r.unconfirmed && <UncertainMark />}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.validFrom, locale)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {r.validTo ? formatDate(r.validTo, locale) : t('calc.rules.open')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Paper>
  );
}
