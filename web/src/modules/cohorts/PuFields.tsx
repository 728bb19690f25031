// The PU part of the programme form (issue 18 §1): the employer, its programmes, risk class and size. The
// programme form keeps these values beside its own and sends `puOfValues` as the programme's `pu`.
import { Checkbox, Fieldset, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { addMonths } from '../../../../lib/rules/eligibility.ts';
import { DateField } from '../../ui/DateField.tsx';
import {
  EMPLOYER_KINDS,
  type EmployerKind,
  type ProgramCategory,
  type PuTerms,
} from '../../../../lib/contracts/programs.ts';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { useCohortsText } from './cohorts-text.ts';

export type PuValues = {
  category: ProgramCategory;
  employerName: string;
  employerKind: EmployerKind;
  puPrograms: PuTerms['programs'];
  riskClass: PuTerms['riskClass'];
  employerSize: PuTerms['employerSize'];
  /** Election officers (KPU/Bawaslu): the first and last month of service ('YYYY-MM', '' none) and polling day. */
  serviceFrom: string;
  serviceTo: string;
  pollingDay: string;
};

const ELECTION_KINDS: readonly EmployerKind[] = ['kpu', 'bawaslu'];
const isMonth = (m: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(m);

/** The months from `from` to `to` (both 'YYYY-MM'), or none when either is missing or they are reversed. */
function monthsBetween(from: string, to: string): string[] {
  if (!isMonth(from) || !isMonth(to) || to < from) return [];
  const out = [from];
  while (out[out.length - 1]! < to && out.length < 60) out.push(addMonths(out[out.length - 1]!, 1));
  return out;
}

const PU_PROGRAMS = ['jkk', 'jkm', 'jht', 'jp', 'jkp'] as const;
const RISK_CLASSES = [1, 2, 3, 4, 5] as const;
const EMPLOYER_SIZES = ['micro', 'small', 'medium', 'large'] as const;

/** A BPU programme's (and a new form's) PU values. */
export function noPu(): PuValues {
  return {
    category: 'bpu',
    employerName: '',
    employerKind: 'opd',
    puPrograms: ['jkk', 'jkm'],
    riskClass: 1,
    // JKK+JKM alone is what a micro employer may choose (the engine refuses it for larger sizes).
    employerSize: 'micro',
    serviceFrom: '',
    serviceTo: '',
    pollingDay: '',
  };
}

/** The PU values of a saved programme. */
export function puValuesOf(p: { category: ProgramCategory; pu: PuTerms | null }): PuValues {
  if (!p.pu) return noPu();
  return {
    category: p.category,
    employerName: p.pu.employerName,
    employerKind: p.pu.employerKind,
    puPrograms: p.pu.programs,
    riskClass: p.pu.riskClass,
    employerSize: p.pu.employerSize,
    serviceFrom: p.pu.serviceMonths?.[0] ?? '',
    serviceTo: p.pu.serviceMonths?.[p.pu.serviceMonths.length - 1] ?? '',
    pollingDay: p.pu.pollingDay ?? '',
  };
}

/** The PU terms the form holds, or null for a BPU programme. */
export function puOfValues(v: PuValues): PuTerms | null {
  if (v.category !== 'pu') return null;
  return {
    employerName: v.employerName.trim(),
    employerKind: v.employerKind,
    programs: v.puPrograms,
    riskClass: v.riskClass,
    employerSize: v.employerSize,
    ...(ELECTION_KINDS.includes(v.employerKind) && {
      serviceMonths: monthsBetween(v.serviceFrom, v.serviceTo),
      ...(v.pollingDay && { pollingDay: v.pollingDay }),
    }),
  };
}

export function PuFields({
  values,
  set,
  error,
}: {
  values: PuValues;
  set: <K extends keyof PuValues>(key: K, value: PuValues[K]) => void;
  error: (key: 'employerName' | 'pu') => string | undefined;
}) {
  const t = useCohortsText();
  return (
    <Fieldset legend={t('pu.employer')} variant="unstyled">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('pu.employerName')}
            description={t('pu.employerNameHint')}
            value={values.employerName}
            onChange={(e) => set('employerName', e.currentTarget.value)}
            error={error('employerName') ?? error('pu')}
          />
          <LabelledSelect
            label={t('pu.employerKind')}
            data={EMPLOYER_KINDS.map((k) => ({ value: k, label: t(`pu.kind.${k}`) }))}
            value={values.employerKind}
            onChange={(v) => v && set('employerKind', v as EmployerKind)}
            allowDeselect={false}
          />
          <LabelledSelect
            label={t('pu.riskClass')}
            data={RISK_CLASSES.map((n) => ({ value: String(n), label: t('pu.risk', { n }) }))}
            value={String(values.riskClass)}
            onChange={(v) => v && set('riskClass', Number(v) as PuTerms['riskClass'])}
            allowDeselect={false}
          />
          <LabelledSelect
            label={t('pu.size')}
            data={EMPLOYER_SIZES.map((k) => ({ value: k, label: t(`pu.size.${k}`) }))}
            value={values.employerSize}
            onChange={(v) => v && set('employerSize', v as PuTerms['employerSize'])}
            allowDeselect={false}
          />
        </SimpleGrid>
        {ELECTION_KINDS.includes(values.employerKind) && (
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={t('election.serviceFrom')}
              description={t('election.serviceHint')}
              type="month"
              value={values.serviceFrom}
              onChange={(e) => set('serviceFrom', e.currentTarget.value)}
            />
            <TextInput
              label={t('election.serviceTo')}
              type="month"
              value={values.serviceTo}
              onChange={(e) => set('serviceTo', e.currentTarget.value)}
            />
            <DateField
              label={t('election.pollingDay')}
              value={values.pollingDay}
              onChange={(v) => set('pollingDay', v)}
            />
          </SimpleGrid>
        )}
        <Checkbox.Group
          label={t('pu.programs')}
          description={t('pu.programsHint')}
          value={values.puPrograms}
          onChange={(v) =>
            set(
              'puPrograms',
              PU_PROGRAMS.filter((p) => p === 'jkk' || p === 'jkm' || v.includes(p)),
            )
          }
        >
          <Group gap="lg" mt={6}>
            {PU_PROGRAMS.map((p) => (
              <Checkbox key={p} value={p} label={t(`pu.program.${p}`)} disabled={p === 'jkk' || p === 'jkm'} />
            ))}
          </Group>
        </Checkbox.Group>
      </Stack>
    </Fieldset>
  );
}
