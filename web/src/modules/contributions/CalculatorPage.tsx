// The contribution calculator: the form (category, income, programmes, funding, period) and the requests it sends;
// the results are drawn by calculator-results.tsx, the benefits by calculator-benefits.tsx.
import {
  Box,
  Checkbox,
  Grid,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Title,
  type NumberInputProps,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import type { Funding, Program } from '../../../../lib/rules/contribution-types.ts';
import type { Locale } from '../../../../lib/i18n/locale.ts';
import { useLocale } from '../../app/i18n.ts';
import { wholeNumberInput } from '../../ui/format.ts';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import {
  buildRequests,
  CATEGORIES,
  positiveInt,
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
} from './calculator-form.ts';
import { useBenefits, useCost, useQuote, useRules } from './contributions-api.ts';
import { IncomeRowField } from './IncomeRowField.tsx';
import { programShort, todayInJakarta } from './rule-format.ts';
import { DateField } from '../../ui/DateField.tsx';
import { useContributionsText } from './contributions-text.ts';
import { Results } from './calculator-results.tsx';
import { PuCohort } from './PuCohort.tsx';

const MONEY_MAX = 1_000_000_000_000_000;

/** id-ID digit grouping in the fields as in the figures (`15.000`); en-GB in English (`15,000`). */
function numberProps(locale: Locale): Partial<NumberInputProps> {
  return {
    ...wholeNumberInput(locale),
    hideControls: true,
    inputMode: 'numeric',
  };
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
            extra={
              form.category === 'pu' && (
                <PuCohort
                  terms={{
                    riskClass: form.riskClass,
                    employerSize: form.employerSize,
                    programs: sortPrograms(form.puPrograms),
                    startMonth: validDate ? form.date.slice(0, 7) : null,
                    months: positiveInt(form.months),
                  }}
                />
              )
            }
          />
        </Grid.Col>
      </Grid>
    </>
  );
}
