import {
  Badge,
  Box,
  Button,
  Checkbox,
  Grid,
  Group,
  Loader,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  type NumberInputProps,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import type { CostResponse, QuoteResponse, RuleRow } from '../../../../lib/contracts/contributions.ts';
import type { BenefitSummary } from '../../../../lib/rules/benefits.ts';
import type { Funding, Payer, Program } from '../../../../lib/rules/contribution-types.ts';
import { terbilang } from '../../../../lib/rules/money.ts';
import { ruleLabel } from '../../../../lib/rules/rule-labels.ts';
import type { Locale } from '../../../../lib/i18n/locale.ts';
import { useLocale } from '../../app/i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDate, formatNumber, wholeNumberInput, formatRupiah, formatRupiahShort } from '../../ui/format.ts';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import {
  buildRequests,
  CATEGORIES,
  EMPLOYER_SIZES,
  FUNDINGS,
  initialForm,
  PMI_PACKAGES,
  PROGRAMS_BY_CATEGORY,
  RISK_CLASSES,
  SECTORS,
  sortPrograms,
  type BuiltRequests,
  type CalculatorForm,
  type MissingField,
} from './calculator-form.ts';
import { useBenefits, useCost, useQuote, useRules } from './contributions-api.ts';
import { IncomeRowField } from './IncomeRowField.tsx';
import {
  compactBasis,
  formatMonth,
  formatRuleValue,
  fundingShort,
  groupMonths,
  programShort,
  todayInJakarta,
} from './rule-format.ts';
import { DateField } from '../../ui/DateField.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { useContributionsText, type ContributionsT } from './contributions-text.ts';

const MONEY_MAX = 1_000_000_000_000_000;

/** id-ID digit grouping in the fields as in the figures (`15.000`); en-GB in English (`15,000`). */
function numberProps(locale: Locale): Partial<NumberInputProps> {
  return {
    ...wholeNumberInput(locale),
    hideControls: true,
    inputMode: 'numeric',
  };
}

function safeTerbilang(n: number): string | null {
  try {
    return `${terbilang(n)} rupiah`;
  } catch {
    return null;
  }
}

export function CalculatorPage() {
  const t = useContributionsText();
  const [locale] = useLocale();
  const [form, setForm] = useState<CalculatorForm>(() => initialForm(todayInJakarta()));
  const set = <K extends keyof CalculatorForm>(key: K, value: CalculatorForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  // One request per pause in typing, not per keystroke; compared as text so an equal form is not asked twice.
  const built = buildRequests(form);
  const [debouncedJson] = useDebouncedValue(JSON.stringify(built), 300);
  const requests = useMemo(() => JSON.parse(debouncedJson) as BuiltRequests, [debouncedJson]);

  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(form.date);
  const mandatoryRows = useRules(
    { key: `${form.category === 'pmi' ? 'bpu' : form.category}.mandatory_programs`, date: form.date },
    { enabled: form.category !== 'pmi' && validDate },
  );
  const mandatoryFor = (scope: string): Program[] | null => {
    const row = mandatoryRows.data?.items.find((r) => r.scope === scope && r.key.startsWith(form.category));
    return row?.value.kind === 'programs' ? row.value.programs : null;
  };
  const mandatory = mandatoryFor(form.category === 'pu' ? form.employerSize : '');

  const quote = useQuote(requests.quote);
  const cost = useCost(requests.cost);
  const benefits = useBenefits(requests.wage);

  const programField = form.category === 'bpu' ? 'bpuPrograms' : 'puPrograms';
  const nums = numberProps(locale);

  const inputs = (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="calc-inputs">
      <Stack gap="md">
        <Title order={2} size="h4" id="calc-inputs">
          {t('calc.inputs')}
        </Title>
        <LabelledSelect
          label={t('calc.category')}
          description={t(`calc.categoryHint.${form.category}`)}
          data={CATEGORIES.map((c) => ({ value: c, label: t(`calc.category.${c}`) }))}
          value={form.category}
          onChange={(v) => v && set('category', v as CalculatorForm['category'])}
          allowDeselect={false}
        />

        {form.category === 'bpu' && (
          <>
            <IncomeRowField
              date={form.date}
              label={t('calc.income')}
              description={t('calc.incomeHint')}
              value={form.income}
              onChange={(v) => set('income', v)}
            />
            <LabelledSelect
              label={t('calc.funding')}
              description={t('calc.fundingHint')}
              data={FUNDINGS.map((f) => ({ value: f, label: t(`calc.funding.${f}`) }))}
              value={form.funding}
              onChange={(v) => v && set('funding', v as Funding)}
              allowDeselect={false}
            />
            <LabelledSelect
              label={t('calc.sector')}
              description={t('calc.sectorHint')}
              data={SECTORS.map((s) => ({ value: s, label: t(`calc.sector.${s}`) }))}
              value={form.sector}
              onChange={(v) => v && set('sector', v as CalculatorForm['sector'])}
              allowDeselect={false}
            />
          </>
        )}

        {form.category === 'pu' && (
          <>
            <NumberInput
              {...nums}
              label={t('calc.wage')}
              description={t('calc.wageHint')}
              leftSection={<Text size="sm">Rp</Text>}
              max={MONEY_MAX}
              value={form.wage}
              onChange={(v) => set('wage', v)}
            />
            <LabelledSelect
              label={t('calc.riskClass')}
              description={t('calc.riskClassHint')}
              data={RISK_CLASSES.map((c) => ({ value: String(c), label: t(`calc.riskClass.${c}`) }))}
              value={String(form.riskClass)}
              onChange={(v) => v && set('riskClass', Number(v) as CalculatorForm['riskClass'])}
              allowDeselect={false}
            />
            <LabelledSelect
              label={t('calc.employerSize')}
              data={EMPLOYER_SIZES.map((s) => ({ value: s, label: t(`calc.employerSize.${s}`) }))}
              value={form.employerSize}
              onChange={(v) => {
                if (!v) return;
                const size = v as CalculatorForm['employerSize'];
                // A new size starts from its own mandatory programmes (Perpres 109/2013), read from the rules.
                const required = mandatoryFor(size);
                setForm((f) => ({ ...f, employerSize: size, puPrograms: required ? [...required] : f.puPrograms }));
              }}
              allowDeselect={false}
            />
          </>
        )}

        {(form.category === 'bpu' || form.category === 'pu') && (
          <Checkbox.Group
            label={t('calc.programs')}
            description={mandatory ? t('calc.mandatory', { programs: mandatory.map(programShort).join(', ') }) : null}
            value={form[programField]}
            onChange={(v) => set(programField, sortPrograms(v as Program[]))}
          >
            <Stack gap={8} mt={8}>
              {PROGRAMS_BY_CATEGORY[form.category].map((p) => (
                <Checkbox key={p} value={p} label={t(`calc.program.${p}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}

        {form.category === 'jakon' && (
          <>
            <Radio.Group
              label={t('calc.jakonBasis')}
              value={form.jakonBasis}
              onChange={(v) => set('jakonBasis', v as CalculatorForm['jakonBasis'])}
            >
              <Stack gap={8} mt={8}>
                <Radio value="contract" label={t('calc.jakonBasis.contract')} />
                <Radio value="wage" label={t('calc.jakonBasis.wage')} />
              </Stack>
            </Radio.Group>
            {form.jakonBasis === 'contract' ? (
              <NumberInput
                {...nums}
                label={t('calc.contractValue')}
                description={t('calc.contractValueHint')}
                leftSection={<Text size="sm">Rp</Text>}
                max={MONEY_MAX}
                value={form.contractValue}
                onChange={(v) => set('contractValue', v)}
              />
            ) : (
              <NumberInput
                {...nums}
                label={t('calc.wage')}
                description={t('calc.jakonWageHint')}
                leftSection={<Text size="sm">Rp</Text>}
                max={MONEY_MAX}
                value={form.jakonWage}
                onChange={(v) => set('jakonWage', v)}
              />
            )}
            {mandatory && (
              <Text size="sm" c="dimmed">
                {t('calc.jakonPrograms', { programs: mandatory.map(programShort).join(', ') })}
              </Text>
            )}
          </>
        )}

        {form.category === 'pmi' && (
          <>
            <LabelledSelect
              label={t('calc.pmiPackage')}
              description={t('calc.pmiPackageHint')}
              data={PMI_PACKAGES.map((p) => ({ value: String(p), label: t('calc.pmiPackage.months', { months: p }) }))}
              value={String(form.pmiPackage)}
              onChange={(v) => v && set('pmiPackage', Number(v) as CalculatorForm['pmiPackage'])}
              allowDeselect={false}
            />
            <NumberInput
              {...nums}
              label={t('calc.extraMonths')}
              description={t('calc.extraMonthsHint')}
              max={1_200}
              value={form.extraMonths}
              onChange={(v) => set('extraMonths', v)}
            />
            <Checkbox
              label={t('calc.preEmployment')}
              checked={form.preEmployment}
              onChange={(e) => set('preEmployment', e.currentTarget.checked)}
            />
          </>
        )}

        <DateField
          label={t('calc.date')}
          description={t('calc.dateHint')}
          value={form.date}
          onChange={(v) => set('date', v)}
        />

        {!(form.category === 'jakon' && form.jakonBasis === 'contract') && (
          <SimpleGrid cols={form.category === 'pmi' ? 1 : 2} spacing="sm">
            <NumberInput
              {...nums}
              label={t('calc.persons')}
              min={1}
              max={200_000_000}
              value={form.persons}
              onChange={(v) => set('persons', v)}
            />
            {form.category !== 'pmi' && (
              <NumberInput
                {...nums}
                label={t('calc.months')}
                min={1}
                max={1_200}
                value={form.months}
                onChange={(v) => set('months', v)}
              />
            )}
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );

  return (
    <>
      <PageHeader title={t('calc.title')} description={t('calc.description')} />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          {/* The inputs stay in view beside long results on a laptop; on a tablet they simply come first. */}
          <Box className="calc-inputs">{inputs}</Box>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Results
            form={form}
            requests={requests}
            quote={quote}
            cost={cost}
            benefits={benefits.data}
            benefitsError={benefits.error}
          />
        </Grid.Col>
      </Grid>
    </>
  );
}

type ResultsProps = {
  form: CalculatorForm;
  requests: BuiltRequests;
  quote: ReturnType<typeof useQuote>;
  cost: ReturnType<typeof useCost>;
  benefits: BenefitSummary | undefined;
  benefitsError: unknown;
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

function Results({ form, requests, quote, cost, benefits, benefitsError }: ResultsProps) {
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

function UncertainMark() {
  const t = useContributionsText();
  return (
    <Badge
      size="xs"
      color="yellow"
      variant="light"
      tt="none"
      leftSection={<IconAlertTriangle size={11} aria-hidden />}
      style={{ verticalAlign: 'middle' }}
    >
      {t('rules.uncertain')}
    </Badge>
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

const JKK_SHORT_LIST = 5;

function Benefits({
  benefits,
  error,
  form,
  wage,
}: {
  benefits: BenefitSummary | undefined;
  error: unknown;
  form: CalculatorForm;
  wage: number | null;
}) {
  const t = useContributionsText();
  const [locale] = useLocale();
  const [showAll, setShowAll] = useState(false);
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="calc-benefits">
      <Title order={2} size="h4" id="calc-benefits">
        {t('calc.benefits.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {wage ? t('calc.benefits.forWage', { wage: formatRupiah(wage) }) : t('calc.benefits.noWage')}
        {form.category === 'pmi' ? ` ${t('calc.benefits.pmiNote')}` : ''}
      </Text>
      {error && !benefits ? <ErrorAlert error={error} /> : null}
      <Stack gap="lg">
        {benefits?.programs.map((program) => {
          const items = program.program === 'jkk' && !showAll ? program.items.slice(0, JKK_SHORT_LIST) : program.items;
          const headingId = `calc-benefits-${program.program}`;
          return (
            <Box key={program.program}>
              <Group justify="space-between" align="baseline" gap="xs">
                <Title order={3} size="h5" id={headingId}>
                  {program.title[locale]}
                </Title>
                {program.cashTotal > 0 && (
                  <Text size="sm" fw={600}>
                    {t('calc.benefits.cashTotal', { amount: formatRupiah(program.cashTotal) })}
                  </Text>
                )}
              </Group>
              <Text size="xs" c="dimmed" mb={4}>
                {t('calc.benefits.basis', { basis: program.citation })}
              </Text>
              <TableScroll label={program.title[locale]} minWidth={560}>
                <Table aria-labelledby={headingId} verticalSpacing="xs" fz="sm" striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('calc.benefits.col.item')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('calc.benefits.col.amount')}
                      </Table.Th>
                      <Table.Th scope="col">{t('calc.benefits.col.rule')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((item) => (
                      <Table.Tr key={item.key}>
                        <Table.Td fw={600}>{item.label[locale]}</Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                          {benefitAmount(item, t)}
                        </Table.Td>
                        <Table.Td>
                          {item.rule[locale]} {item.certainty === 'uncertain' && <UncertainMark />}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
              {program.program === 'jkk' && program.items.length > JKK_SHORT_LIST && (
                <Button variant="subtle" size="xs" mt={4} onClick={() => setShowAll((v) => !v)} aria-expanded={showAll}>
                  {showAll ? t('calc.benefits.showLess') : t('calc.benefits.showAll', { count: program.items.length })}
                </Button>
              )}
            </Box>
          );
        })}
      </Stack>
    </Paper>
  );
}

function benefitAmount(item: BenefitSummary['programs'][number]['items'][number], t: ContributionsT): string {
  if (item.amountForWage !== null) return formatRupiah(item.amountForWage);
  if (item.amount !== null) return formatRupiah(item.amount);
  if (item.maxAmount !== null) return t('calc.benefits.max', { amount: formatRupiah(item.maxAmount) });
  if (item.wageMultiple !== null) return t('calc.benefits.multiple', { n: item.wageMultiple });
  return t('ui.none');
}
