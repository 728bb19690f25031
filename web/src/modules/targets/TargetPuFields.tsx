// A worker-coverage target priced as PU (issue 18 §6): the reference wage, risk class, employer size and
// programmes of the wage earners who close the gap. The words of the PU terms are the cohorts module's.
import { Checkbox, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import type { TargetPu } from '../../../../lib/contracts/targets.ts';
import { useLocale } from '../../app/i18n.ts';
import { wholeNumberInput } from '../../ui/format.ts';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { useCohortsText } from '../cohorts/cohorts-text.ts';
import { useTargetsText } from './targets-text.ts';

const PROGRAMS = ['jkk', 'jkm', 'jht', 'jp', 'jkp'] as const;
const RISK_CLASSES = [1, 2, 3, 4, 5] as const;
const SIZES = ['micro', 'small', 'medium', 'large'] as const;

export type PuFormValues = {
  on: boolean;
  wage: number | string;
  riskClass: TargetPu['riskClass'];
  employerSize: TargetPu['employerSize'];
  programs: TargetPu['programs'];
};

export function puFormOf(pu: TargetPu | null | undefined): PuFormValues {
  return pu
    ? { on: true, wage: pu.wage, riskClass: pu.riskClass, employerSize: pu.employerSize, programs: pu.programs }
    : { on: false, wage: '', riskClass: 1, employerSize: 'micro', programs: ['jkk', 'jkm'] };
}

/** The terms to send: null when unticked; a wage that is not a whole number is sent as 0 for the server to name. */
export function puOfForm(v: PuFormValues): TargetPu | null {
  if (!v.on) return null;
  const wage = typeof v.wage === 'number' ? v.wage : Number(v.wage.replace(/\D/g, '') || 0);
  return { wage, riskClass: v.riskClass, employerSize: v.employerSize, programs: v.programs };
}

export function TargetPuFields({
  values,
  onChange,
  error,
}: {
  values: PuFormValues;
  onChange: (v: PuFormValues) => void;
  error?: string | undefined;
}) {
  const tt = useTargetsText();
  const ct = useCohortsText();
  const [locale] = useLocale();
  const set = <K extends keyof PuFormValues>(key: K, value: PuFormValues[K]) => onChange({ ...values, [key]: value });
  return (
    <Stack gap="sm">
      <Checkbox
        label={tt('targets.pu.switch')}
        description={tt('targets.pu.switchHelp')}
        checked={values.on}
        onChange={(e) => set('on', e.currentTarget.checked)}
      />
      {values.on && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NumberInput
              {...wholeNumberInput(locale)}
              hideControls
              label={tt('targets.pu.wage')}
              description={tt('targets.pu.wageHelp')}
              leftSection={<Text size="sm">Rp</Text>}
              value={values.wage}
              onChange={(v) => set('wage', v)}
              min={1}
              required
              error={error}
            />
            <LabelledSelect
              label={ct('pu.riskClass')}
              data={RISK_CLASSES.map((n) => ({ value: String(n), label: ct('pu.risk', { n }) }))}
              value={String(values.riskClass)}
              onChange={(v) => v && set('riskClass', Number(v) as TargetPu['riskClass'])}
              allowDeselect={false}
            />
            <LabelledSelect
              label={ct('pu.size')}
              data={SIZES.map((k) => ({ value: k, label: ct(`pu.size.${k}`) }))}
              value={values.employerSize}
              onChange={(v) => v && set('employerSize', v as TargetPu['employerSize'])}
              allowDeselect={false}
            />
          </SimpleGrid>
          <Checkbox.Group
            label={ct('pu.programs')}
            description={ct('pu.programsHint')}
            value={values.programs}
            onChange={(v) =>
              set(
                'programs',
                PROGRAMS.filter((p) => p === 'jkk' || p === 'jkm' || v.includes(p)),
              )
            }
          >
            <Group gap="lg" mt={6}>
              {PROGRAMS.map((p) => (
                <Checkbox key={p} value={p} label={ct(`pu.program.${p}`)} disabled={p === 'jkk' || p === 'jkm'} />
              ))}
            </Group>
          </Checkbox.Group>
        </>
      )}
    </Stack>
  );
}
