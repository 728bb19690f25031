import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type {
  ProgramCategory,
  ProgramCostPreviewRequest,
  ProgramCreate,
  ProgramDetail,
} from '../../../../lib/contracts/programs.ts';
import { formatRupiah } from '../../../../lib/rules/money.ts';
import {
  addMonths,
  currentMonthWib,
  DEFAULT_AGE_RANGE,
  FUNDERS,
  funderRegionOf,
  PACKAGES,
  type Funder,
  type Package,
} from '../../../../lib/rules/eligibility.ts';
import { SEGMENT_CODES, SEGMENTS, type SegmentCode } from '../../../../lib/rules/segments.ts';
import { fieldErrors } from '../../app/api.ts';
import { useLocale } from '../../app/i18n.ts';
import { formatNumber, wholeNumberInput } from '../../ui/format.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { ROUTES } from '../../app/routes.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { ErrorAlert, errorMessage } from '../../ui/ErrorAlert.tsx';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { IncomeRowField } from '../contributions/IncomeRowField.tsx';
import { RegionPicker } from '../regions/RegionPicker.tsx';
import { BackToPrograms, funderLabel } from './program-ui.tsx';
import { useCohortsText } from '../cohorts/cohorts-text.ts';
import { noPu, PuFields, puOfValues, puValuesOf, type PuValues } from '../cohorts/PuFields.tsx';
import { useCreateProgram, useProgram, useProgramCostPreview, useUpdateProgram } from './programs-api.ts';
import { useProgramsText } from './programs-text.ts';

type Values = {
  name: string;
  funder: Funder;
  region: string;
  targetSegments: SegmentCode[];
  package: Package;
  declaredIncome: number | '';
  quota: number | '';
  startMonth: string;
  months: number | '';
  budgetCeiling: number | '';
  dpaReference: string;
  minAge: number | '';
  maxAge: number | '';
  /** Issue 18 §1: a PU programme is priced on each person's wage; declaredIncome is then its reference wage. */
} & PuValues;
type FieldName = keyof Values | 'funderRegion' | 'pu';

function valuesOf(p: ProgramDetail): Values {
  return {
    name: p.name,
    funder: p.funder,
    region: p.region,
    targetSegments: p.targetSegments,
    package: p.package,
    declaredIncome: p.declaredIncome,
    quota: p.quota,
    startMonth: p.startMonth,
    months: p.months,
    budgetCeiling: p.budgetCeiling,
    dpaReference: p.dpaReference ?? '',
    minAge: p.minAge,
    maxAge: p.maxAge,
    ...puValuesOf(p),
  };
}

export function ProgramCreatePage() {
  const me = useCurrentUser();
  const create = useCreateProgram();
  const initial: Values = {
    name: '',
    funder: 'apbd_regency',
    region: me.region === '*' ? '' : me.region,
    targetSegments: [],
    package: 'jkk_jkm',
    declaredIncome: 1_000_000,
    quota: '',
    startMonth: addMonths(currentMonthWib(new Date()), 1),
    months: 12,
    budgetCeiling: '',
    dpaReference: '',
    minAge: DEFAULT_AGE_RANGE.min,
    maxAge: DEFAULT_AGE_RANGE.max,
    ...noPu(),
  };
  return (
    <ProgramForm initial={initial} state={create} save={(input, done) => create.mutate(input, { onSuccess: done })} />
  );
}

export function ProgramEditPage() {
  const t = useProgramsText();
  const { id = '' } = useParams();
  const program = useProgram(id);
  const update = useUpdateProgram(id);
  if (program.isPending) return <PageLoader />;
  if (program.isError) {
    return (
      <>
        <PageHeader title={t('programs.edit')} above={<BackToPrograms />} />
        <ErrorAlert error={program.error} onRetry={() => void program.refetch()} />
      </>
    );
  }
  // The region is fixed once created: the change leaves it out.
  return (
    <ProgramForm
      initial={valuesOf(program.data)}
      state={update}
      save={({ region: _fixed, category: _kept, ...patch }, done) => update.mutate(patch, { onSuccess: done })}
      editing
    />
  );
}

type FormProps = {
  initial: Values;
  state: { isPending: boolean; error: unknown };
  save: (input: ProgramCreate, done: (saved: ProgramDetail) => void) => void;
  editing?: boolean;
};

/** The quota priced with the rules in force, and a warning when the ceiling pays for fewer persons or months. */
function BudgetPreview({ values }: { values: Values }) {
  const pt = useProgramsText();
  const t = useProgramsText();
  const [locale] = useLocale();
  const complete =
    values.declaredIncome !== '' &&
    values.declaredIncome > 0 &&
    values.quota !== '' &&
    values.quota > 0 &&
    values.months !== '' &&
    values.months > 0 &&
    values.budgetCeiling !== '' &&
    values.budgetCeiling > 0 &&
    /^\d{4}-(0[1-9]|1[0-2])$/.test(values.startMonth);
  const request: ProgramCostPreviewRequest | null = complete
    ? {
        funder: values.funder,
        package: values.package,
        declaredIncome: Number(values.declaredIncome),
        quota: Number(values.quota),
        startMonth: values.startMonth,
        months: Number(values.months),
        budgetCeiling: Number(values.budgetCeiling),
        ...(values.category === 'pu' && { category: 'pu', pu: puOfValues(values) }),
      }
    : null;
  const [debounced] = useDebouncedValue(JSON.stringify(request), 300);
  const preview = useProgramCostPreview(JSON.parse(debounced) as ProgramCostPreviewRequest | null);
  if (request === null) return null;
  if (preview.isError) {
    return (
      <Alert color="gray" variant="light" title={pt('budget.title')} data-testid="budget-preview">
        {pt('budget.unavailable', { message: errorMessage(preview.error, t) })}
      </Alert>
    );
  }
  const p = preview.data;
  if (!p) {
    return (
      <Text size="sm" c="dimmed" data-testid="budget-preview">
        {pt('budget.loading')}
      </Text>
    );
  }
  const n = (v: number) => formatNumber(v, locale);
  const cost = pt('budget.cost', {
    perPerson: formatRupiah(p.costPerPerson),
    months: n(p.prices.length),
    quota: n(request.quota),
    total: formatRupiah(p.quotaCost),
  });
  if (p.shortfall === 0) {
    return (
      <Alert color="teal" variant="light" title={pt('budget.title')} data-testid="budget-preview" role="status">
        <Text size="sm">{cost}</Text>
        <Text size="sm">{pt('budget.enough', { ceiling: formatRupiah(request.budgetCeiling) })}</Text>
      </Alert>
    );
  }
  return (
    <Alert
      color="orange"
      variant="light"
      title={pt('budget.shortTitle')}
      icon={<IconAlertTriangle size={18} aria-hidden />}
      data-testid="budget-preview"
      role="alert"
    >
      <Stack gap={4}>
        <Text size="sm">{cost}</Text>
        <Text size="sm" fw={600}>
          {pt('budget.short', {
            ceiling: formatRupiah(request.budgetCeiling),
            persons: n(p.personsCovered),
            quota: n(request.quota),
            months: n(p.prices.length),
            monthsCovered: n(p.monthsCovered),
            shortfall: formatRupiah(p.shortfall),
          })}
        </Text>
        <Text size="sm">{pt('budget.shortAction')}</Text>
      </Stack>
    </Alert>
  );
}

function ProgramForm({ initial, state, save, editing = false }: FormProps) {
  const t = useProgramsText();
  const ct = useCohortsText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>(initial);
  const [missing, setMissing] = useState<Partial<Record<FieldName, string>>>({});
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const setPu = <K extends keyof PuValues>(key: K, value: PuValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const serverErrors = fieldErrors<FieldName>(state.error);
  const fieldError = (key: FieldName) => missing[key] ?? serverErrors[key];
  const funderRegion = values.region ? funderRegionOf(values.funder, values.region) : null;
  const money = wholeNumberInput(locale);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const required: (keyof Values)[] = [
      'name',
      'region',
      'declaredIncome',
      'quota',
      'startMonth',
      'months',
      'budgetCeiling',
      'minAge',
      'maxAge',
    ];
    const empty: Partial<Record<FieldName, string>> = Object.fromEntries(
      required.filter((k) => String(values[k]).trim() === '').map((k) => [k, t('programs.form.required')]),
    );
    if (values.targetSegments.length === 0) empty.targetSegments = t('programs.form.chooseSegments');
    if (values.category === 'pu' && values.employerName.trim() === '') empty.employerName = t('programs.form.required');
    setMissing(empty);
    if (Object.keys(empty).length > 0) return;
    const input: ProgramCreate = {
      name: values.name.trim(),
      funder: values.funder,
      funderRegion,
      region: values.region,
      targetSegments: values.targetSegments,
      package: values.package,
      declaredIncome: Number(values.declaredIncome),
      quota: Number(values.quota),
      startMonth: values.startMonth,
      months: Number(values.months),
      budgetCeiling: Number(values.budgetCeiling),
      dpaReference: values.dpaReference.trim() || null,
      minAge: Number(values.minAge),
      maxAge: Number(values.maxAge),
      ...(values.category === 'pu' && { category: 'pu', pu: puOfValues(values) }),
    };
    save(input, (saved) => navigate(ROUTES.programDetail(saved.id)));
  };

  return (
    <>
      <PageHeader
        title={editing ? t('programs.edit') : t('programs.create')}
        description={t('programs.form.description')}
        above={<BackToPrograms />}
      />
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} maw={960}>
        <form onSubmit={submit} noValidate>
          <Stack gap="xl">
            <Fieldset legend={t('programs.form.identity')} variant="unstyled">
              <Stack gap="md">
                <TextInput
                  label={t('programs.form.name')}
                  value={values.name}
                  onChange={(e) => set('name', e.currentTarget.value)}
                  error={fieldError('name')}
                  required
                  withAsterisk={false}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <LabelledSelect
                    label={t('programs.form.funder')}
                    data={FUNDERS.map((f) => ({ value: f, label: funderLabel(f, t) }))}
                    value={values.funder}
                    onChange={(v) => v && set('funder', v as Funder)}
                    allowDeselect={false}
                    error={fieldError('funder') ?? fieldError('funderRegion')}
                  />
                  <TextInput
                    label={t('programs.form.dpa')}
                    description={t('programs.form.dpaHint')}
                    value={values.dpaReference}
                    onChange={(e) => set('dpaReference', e.currentTarget.value)}
                    error={fieldError('dpaReference')}
                  />
                </SimpleGrid>
              </Stack>
            </Fieldset>

            {editing ? (
              <Text size="sm">{t('programs.form.regionFixed')}</Text>
            ) : (
              <RegionPicker
                scope={me.region}
                value={values.region}
                onChange={(code) => set('region', code === '*' ? '' : code)}
                legend={t('programs.form.region')}
                description={t('programs.form.regionHint')}
                error={fieldError('region')}
              />
            )}

            {editing ? (
              <Text size="sm">{ct('pu.categoryFixed')}</Text>
            ) : (
              <Radio.Group
                label={ct('pu.category')}
                value={values.category}
                onChange={(v) => set('category', v as ProgramCategory)}
              >
                <Stack gap={6} mt={6}>
                  <Radio value="bpu" label={ct('pu.category.bpu')} />
                  <Radio value="pu" label={ct('pu.category.pu')} />
                </Stack>
              </Radio.Group>
            )}
            {values.category === 'pu' && <PuFields values={values} set={setPu} error={fieldError} />}

            <Checkbox.Group
              label={t('programs.form.segments')}
              description={t('programs.form.segmentsHint')}
              value={values.targetSegments}
              onChange={(v) => set('targetSegments', v as SegmentCode[])}
              error={fieldError('targetSegments')}
            >
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs" mt={6}>
                {SEGMENT_CODES.map((c) => (
                  <Checkbox key={c} value={c} label={SEGMENTS[c].label[locale]} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>

            <Fieldset legend={t('programs.form.money')} variant="unstyled">
              <Stack gap="md">
                {values.category === 'bpu' && (
                  <Radio.Group
                    label={t('programs.form.package')}
                    value={values.package}
                    onChange={(v) => set('package', v as Package)}
                  >
                    <Group gap="lg" mt={6}>
                      {PACKAGES.map((p) => (
                        <Radio key={p} value={p} label={t(`programs.package.${p}`)} />
                      ))}
                    </Group>
                  </Radio.Group>
                )}
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  {values.category === 'pu' ? (
                    <NumberInput
                      label={ct('pu.wage')}
                      description={ct('pu.wageHint')}
                      prefix="Rp"
                      {...money}
                      allowDecimal={false}
                      allowNegative={false}
                      value={values.declaredIncome}
                      onChange={(v) => set('declaredIncome', typeof v === 'number' ? v : '')}
                      error={fieldError('declaredIncome')}
                    />
                  ) : (
                    <IncomeRowField
                      date={/^\d{4}-\d{2}$/.test(values.startMonth) ? `${values.startMonth}-01` : ''}
                      label={t('programs.form.income')}
                      description={t('programs.form.incomeHint')}
                      value={values.declaredIncome === '' ? '' : String(values.declaredIncome)}
                      onChange={(v) => set('declaredIncome', v === '' ? '' : Number(v))}
                      error={fieldError('declaredIncome')}
                    />
                  )}
                  <NumberInput
                    label={t('programs.form.quota')}
                    description={t('programs.form.quotaHint')}
                    {...money}
                    allowDecimal={false}
                    allowNegative={false}
                    value={values.quota}
                    onChange={(v) => set('quota', typeof v === 'number' ? v : '')}
                    error={fieldError('quota')}
                  />
                  <TextInput
                    label={t('programs.form.startMonth')}
                    description={t('programs.form.startMonthHint')}
                    type="month"
                    value={values.startMonth}
                    onChange={(e) => set('startMonth', e.currentTarget.value)}
                    error={fieldError('startMonth')}
                  />
                  <NumberInput
                    label={t('programs.form.months')}
                    allowDecimal={false}
                    allowNegative={false}
                    min={1}
                    max={60}
                    value={values.months}
                    onChange={(v) => set('months', typeof v === 'number' ? v : '')}
                    error={fieldError('months')}
                  />
                  <NumberInput
                    label={t('programs.form.ceiling')}
                    description={t('programs.form.ceilingHint')}
                    prefix="Rp"
                    {...money}
                    allowDecimal={false}
                    allowNegative={false}
                    value={values.budgetCeiling}
                    onChange={(v) => set('budgetCeiling', typeof v === 'number' ? v : '')}
                    error={fieldError('budgetCeiling')}
                  />
                  <Group grow align="flex-start">
                    <NumberInput
                      label={t('programs.form.minAge')}
                      allowDecimal={false}
                      allowNegative={false}
                      value={values.minAge}
                      onChange={(v) => set('minAge', typeof v === 'number' ? v : '')}
                      error={fieldError('minAge')}
                    />
                    <NumberInput
                      label={t('programs.form.maxAge')}
                      allowDecimal={false}
                      allowNegative={false}
                      value={values.maxAge}
                      onChange={(v) => set('maxAge', typeof v === 'number' ? v : '')}
                      error={fieldError('maxAge')}
                    />
                  </Group>
                </SimpleGrid>
                <Text size="xs" c="dimmed">
                  {t('programs.form.agesHint')}
                </Text>
                <BudgetPreview values={values} />
              </Stack>
            </Fieldset>

            {state.error ? <ErrorAlert error={state.error} title={t('programs.form.errorTitle')} /> : null}

            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => navigate(-1)}>
                {t('app.cancel')}
              </Button>
              <Button type="submit" loading={state.isPending}>
                {t('programs.form.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
