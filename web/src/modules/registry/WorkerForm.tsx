import {
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { levelOfCode } from '../../../../lib/access/roles.ts';
import { cleanNikInput, nikPrefill } from '../../../../lib/rules/nik.ts';
import type { Worker, WorkerCreate } from '../../../../lib/contracts/workers.ts';
import {
  PARTICIPATION_CATEGORIES,
  PARTICIPATION_CATEGORY_LABELS,
  SEGMENT_CODES,
  SEGMENTS,
  VULNERABILITY_FLAG_LABELS,
  VULNERABILITY_FLAGS,
  type ParticipationCategory,
  type SegmentCode,
  type VulnerabilityFlag,
} from '../../../../lib/rules/segments.ts';
import { fieldErrors } from '../../app/api.ts';
import { useLocale } from '../../app/i18n.ts';
import { DateField } from '../../ui/DateField.tsx';
import { wholeNumberInput } from '../../ui/format.ts';
import { ROUTES } from '../../app/routes.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { RegionPicker } from '../regions/RegionPicker.tsx';
import { useRegistryText } from './registry-text.ts';

export type WorkerFormValues = {
  nik: string;
  fullName: string;
  birthPlace: string;
  birthDate: string;
  sex: 'L' | 'P' | '';
  village: string;
  address: string;
  rt: string;
  rw: string;
  phone: string;
  segment: SegmentCode | null;
  category: ParticipationCategory | null;
  monthlyIncome: number | '';
  vulnerability: VulnerabilityFlag[];
  kpjNumber: string;
  lifeStatus: 'alive' | 'deceased';
  deathDate: string;
};
type FieldName = keyof WorkerFormValues;

export function BackToWorkers() {
  const t = useRegistryText();
  return (
    <Anchor component={Link} to={ROUTES.workers} size="sm" w="fit-content">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('nav.workers')}
      </Group>
    </Anchor>
  );
}

export function emptyWorkerValues(village: string): WorkerFormValues {
  return {
    nik: '',
    fullName: '',
    birthPlace: '',
    birthDate: '',
    sex: '',
    village,
    address: '',
    rt: '',
    rw: '',
    phone: '',
    segment: null,
    category: null,
    monthlyIncome: '',
    vulnerability: [],
    kpjNumber: '',
    lifeStatus: 'alive',
    deathDate: '',
  };
}

/** A saved worker as form values. The NIK stays empty: it arrives masked and is typed only to correct it. */
export function workerValues(w: Worker): WorkerFormValues {
  return {
    nik: '',
    fullName: w.fullName,
    birthPlace: w.birthPlace ?? '',
    birthDate: w.birthDate,
    sex: w.sex,
    village: w.village,
    address: w.address ?? '',
    rt: w.rt ?? '',
    rw: w.rw ?? '',
    phone: w.phone ?? '',
    segment: w.segment,
    category: w.category,
    monthlyIncome: w.monthlyIncome ?? '',
    vulnerability: w.vulnerability,
    kpjNumber: w.kpjNumber ?? '',
    lifeStatus: w.lifeStatus,
    deathDate: w.deathDate ?? '',
  };
}

type Props = {
  mode: 'create' | 'edit';
  initial: WorkerFormValues;
  /** Edit: the NIK on file, masked; the NIK field is filled only to correct it. */
  nikMasked?: string;
  pending: boolean;
  error: unknown;
  /** The values in the API's shape; `nik` is '' when an edit leaves it unchanged. */
  onSubmit: (input: WorkerCreate) => void;
  onCancel: () => void;
};

/**
 * The worker form of both "Tambah pekerja" and "Ubah data pekerja": the same fields and the same checks. The server
 * applies the import's rules (NIK, phone); its messages appear under the fields and in the alert, verbatim.
 */
export function WorkerForm({ mode, initial, nikMasked, pending, error, onSubmit, onCancel }: Props) {
  const t = useRegistryText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const [values, setValues] = useState<WorkerFormValues>(initial);
  const [categoryTouched, setCategoryTouched] = useState(mode === 'edit');
  const [missing, setMissing] = useState<Partial<Record<FieldName, string>>>({});
  const set = <K extends FieldName>(key: K, value: WorkerFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const rt = useRegistryText();
  // What the NIK last filled in: those fields follow a corrected NIK; a value the operator typed is never replaced.
  const prefilled = useRef<{ birthDate: string; sex: 'L' | 'P' } | null>(null);
  const [fromNik, setFromNik] = useState(false);
  const changeNik = (typed: string) => {
    const nik = cleanNikInput(typed);
    const implied = nikPrefill(nik);
    setValues((prev) => {
      if (!implied) return { ...prev, nik };
      const last = prefilled.current;
      const next = { ...prev, nik };
      if (prev.birthDate === '' || prev.birthDate === last?.birthDate) next.birthDate = implied.birthDate;
      if (prev.sex === '' || prev.sex === last?.sex) next.sex = implied.sex;
      return next;
    });
    if (implied) {
      prefilled.current = { birthDate: implied.birthDate, sex: implied.sex };
      setFromNik(true);
    }
  };
  const serverErrors = fieldErrors<FieldName>(error);
  const fieldError = (key: FieldName) => missing[key] ?? serverErrors[key];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const required: FieldName[] = ['fullName', 'birthDate', 'sex', 'segment', 'category'];
    if (mode === 'create') required.unshift('nik');
    if (values.lifeStatus === 'deceased') required.push('deathDate');
    const empty: Partial<Record<FieldName, string>> = Object.fromEntries(
      required.filter((k) => !String(values[k] ?? '').trim()).map((k) => [k, t('workerForm.required')]),
    );
    if (levelOfCode(values.village) !== 'village') empty.village = t('workerForm.chooseVillage');
    setMissing(empty);
    if (Object.keys(empty).length > 0) return;
    const text = (v: string) => (v.trim() === '' ? null : v.trim());
    onSubmit({
      nik: values.nik.trim(),
      fullName: values.fullName.trim(),
      birthPlace: text(values.birthPlace),
      birthDate: values.birthDate,
      sex: values.sex as 'L' | 'P',
      village: values.village,
      address: text(values.address),
      rt: text(values.rt),
      rw: text(values.rw),
      phone: text(values.phone),
      segment: values.segment as SegmentCode,
      category: values.category as ParticipationCategory,
      monthlyIncome: values.monthlyIncome === '' ? null : values.monthlyIncome,
      vulnerability: values.vulnerability,
      kpjNumber: text(values.kpjNumber),
      lifeStatus: values.lifeStatus,
      deathDate: values.lifeStatus === 'deceased' ? values.deathDate : null,
    });
  };

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} maw={920}>
      <form onSubmit={submit} noValidate>
        <Stack gap="xl">
          <Fieldset legend={t('workerForm.identity')} variant="unstyled">
            <Stack gap="md">
              <TextInput
                label={t('workerForm.nik')}
                description={
                  mode === 'edit' ? t('workerForm.nikEditHint', { nik: nikMasked ?? '' }) : t('workerForm.nikHint')
                }
                placeholder={mode === 'edit' ? nikMasked : undefined}
                name="nik"
                inputMode="numeric"
                autoComplete="off"
                required={mode === 'create'}
                withAsterisk={false}
                value={values.nik}
                onChange={(e) => changeNik(e.currentTarget.value)}
                error={fieldError('nik')}
              />
              <TextInput
                label={t('workerForm.fullName')}
                name="fullName"
                autoComplete="off"
                required
                withAsterisk={false}
                value={values.fullName}
                onChange={(e) => set('fullName', e.currentTarget.value)}
                error={fieldError('fullName')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  label={t('workerForm.birthPlace')}
                  name="birthPlace"
                  value={values.birthPlace}
                  onChange={(e) => set('birthPlace', e.currentTarget.value)}
                  error={fieldError('birthPlace')}
                />
                <DateField
                  label={t('workerForm.birthDate')}
                  name="birthDate"
                  required
                  withAsterisk={false}
                  description={
                    fromNik && values.birthDate === prefilled.current?.birthDate ? rt('nik.prefilled') : undefined
                  }
                  value={values.birthDate}
                  onChange={(iso) => set('birthDate', iso)}
                  error={fieldError('birthDate')}
                />
              </SimpleGrid>
              <Radio.Group
                label={t('workerForm.sex')}
                value={values.sex}
                onChange={(v) => set('sex', v as 'L' | 'P')}
                error={fieldError('sex')}
              >
                <Group gap="lg" mt={6}>
                  <Radio value="L" label={t('workerForm.sex.L')} />
                  <Radio value="P" label={t('workerForm.sex.P')} />
                </Group>
              </Radio.Group>
            </Stack>
          </Fieldset>

          <Stack gap="md">
            <RegionPicker
              scope={me.region}
              value={values.village}
              onChange={(code) => set('village', code)}
              legend={t('workerForm.domicile')}
              description={t('workerForm.domicileHint')}
              error={fieldError('village')}
            />
            <TextInput
              label={t('workerForm.address')}
              name="address"
              value={values.address}
              onChange={(e) => set('address', e.currentTarget.value)}
              error={fieldError('address')}
            />
            <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
              <TextInput
                label={t('workerForm.rt')}
                name="rt"
                inputMode="numeric"
                value={values.rt}
                onChange={(e) => set('rt', e.currentTarget.value)}
                error={fieldError('rt')}
              />
              <TextInput
                label={t('workerForm.rw')}
                name="rw"
                inputMode="numeric"
                value={values.rw}
                onChange={(e) => set('rw', e.currentTarget.value)}
                error={fieldError('rw')}
              />
              <TextInput
                label={t('workerForm.phone')}
                name="phone"
                type="tel"
                value={values.phone}
                onChange={(e) => set('phone', e.currentTarget.value)}
                error={fieldError('phone')}
              />
            </SimpleGrid>
          </Stack>

          <Fieldset legend={t('workerForm.work')} variant="unstyled">
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <LabelledSelect
                  label={t('workerForm.segment')}
                  data={SEGMENT_CODES.map((c) => ({ value: c, label: SEGMENTS[c].label[locale] }))}
                  value={values.segment}
                  onChange={(v) => {
                    const code = (v as SegmentCode | null) ?? null;
                    setValues((prev) => ({
                      ...prev,
                      segment: code,
                      // The usual category of the segment, until the operator picks one themselves.
                      category: categoryTouched || !code ? prev.category : SEGMENTS[code].defaultCategory,
                    }));
                  }}
                  searchable
                  selectFirstOptionOnChange
                  allowDeselect={false}
                  required
                  error={fieldError('segment')}
                />
                <LabelledSelect
                  label={t('workerForm.category')}
                  data={PARTICIPATION_CATEGORIES.map((c) => ({
                    value: c,
                    label: PARTICIPATION_CATEGORY_LABELS[c][locale],
                  }))}
                  value={values.category}
                  onChange={(v) => {
                    setCategoryTouched(true);
                    set('category', (v as ParticipationCategory | null) ?? null);
                  }}
                  allowDeselect={false}
                  required
                  error={fieldError('category')}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <NumberInput
                  label={t('workerForm.income')}
                  description={t('workerForm.incomeHint')}
                  name="monthlyIncome"
                  prefix="Rp"
                  {...wholeNumberInput(locale)}
                  value={values.monthlyIncome}
                  onChange={(v) => set('monthlyIncome', typeof v === 'number' ? v : '')}
                  error={fieldError('monthlyIncome')}
                />
                <TextInput
                  label={t('workerDetail.kpj')}
                  description={t('workerForm.kpjHint')}
                  name="kpjNumber"
                  inputMode="numeric"
                  value={values.kpjNumber}
                  onChange={(e) => set('kpjNumber', e.currentTarget.value)}
                  error={fieldError('kpjNumber')}
                />
              </SimpleGrid>
              <Checkbox.Group
                label={t('workerForm.vulnerability')}
                value={values.vulnerability}
                onChange={(v) => set('vulnerability', v as VulnerabilityFlag[])}
                error={fieldError('vulnerability')}
              >
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" mt={6}>
                  {VULNERABILITY_FLAGS.map((f) => (
                    <Checkbox key={f} value={f} label={VULNERABILITY_FLAG_LABELS[f][locale]} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
            </Stack>
          </Fieldset>

          {mode === 'edit' && (
            <Fieldset legend={t('workerDetail.lifeStatus')} variant="unstyled">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Radio.Group
                  label={t('workerDetail.lifeStatus')}
                  value={values.lifeStatus}
                  onChange={(v) => set('lifeStatus', v as 'alive' | 'deceased')}
                  error={fieldError('lifeStatus')}
                >
                  <Group gap="lg" mt={6}>
                    <Radio value="alive" label={t('workerDetail.alive')} />
                    <Radio value="deceased" label={t('workerForm.deceased')} />
                  </Group>
                </Radio.Group>
                {values.lifeStatus === 'deceased' && (
                  <DateField
                    label={t('workerForm.deathDate')}
                    name="deathDate"
                    required
                    withAsterisk={false}
                    value={values.deathDate}
                    onChange={(iso) => set('deathDate', iso)}
                    error={fieldError('deathDate')}
                  />
                )}
              </SimpleGrid>
            </Fieldset>
          )}

          {error ? <ErrorAlert error={error} title={t('workerForm.errorTitle')} /> : null}

          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onCancel}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {mode === 'edit' ? t('workerForm.save') : t('workerForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
