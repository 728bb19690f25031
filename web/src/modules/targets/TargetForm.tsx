// Setting or changing a coverage target: region, year, workforce kind, percentage, basis and its document.
import { Button, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import {
  TARGET_BASES,
  WORKFORCE_KINDS,
  type TargetBasis,
  type TargetProgress,
  type WorkforceKind,
} from '../../../../lib/contracts/targets.ts';
import { fieldErrors } from '../../app/api.ts';
import { useT } from '../../app/i18n.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { useCreateTarget, useUpdateTarget } from './targets-api.ts';
import { useTargetsText } from './targets-text.ts';
import { ScopeRegionSelect } from './targets-ui.tsx';
import { puFormOf, puOfForm, TargetPuFields, type PuFormValues } from './TargetPuFields.tsx';

export function yearOptions(): string[] {
  const now = new Date().getFullYear();
  return Array.from({ length: 7 }, (_, i) => String(now - 2 + i));
}

type FormState = {
  region: string;
  year: string;
  kind: WorkforceKind;
  targetPercent: number | string;
  basis: TargetBasis;
  document: string;
  pu: PuFormValues;
};

export function TargetForm({ editing, onClose }: { editing: TargetProgress | null; onClose: () => void }) {
  const tt = useTargetsText();
  const t = useT();
  const me = useCurrentUser();
  const create = useCreateTarget();
  const update = useUpdateTarget();
  const [form, setForm] = useState<FormState>(() => ({
    region: editing?.region ?? (me.region === '*' ? '' : me.region),
    year: String(editing?.year ?? new Date().getFullYear()),
    kind: editing?.kind ?? 'employed',
    targetPercent: editing?.targetPercent ?? '',
    basis: editing?.basis ?? 'RPJMD',
    document: editing?.document ?? '',
    pu: puFormOf(editing?.pu),
  }));
  const mutation = editing ? update : create;
  const errors = fieldErrors<'region' | 'year' | 'targetPercent' | 'document' | 'pu'>(mutation.error);
  // Only the worker-coverage indicator may be priced as PU (the PBPU universe is not wage earners).
  const pu = form.kind === 'employed' ? puOfForm(form.pu) : null;
  const submit = () => {
    const percent = typeof form.targetPercent === 'number' ? form.targetPercent : Number(form.targetPercent);
    const done = {
      onSuccess: () => {
        notifications.show({ color: 'green', message: tt('targets.saved') });
        onClose();
      },
    };
    if (editing) {
      update.mutate(
        { id: editing.id, patch: { targetPercent: percent, basis: form.basis, document: form.document || null, pu } },
        done,
      );
    } else {
      create.mutate(
        {
          region: form.region,
          year: Number(form.year),
          kind: form.kind,
          targetPercent: percent,
          basis: form.basis,
          document: form.document || null,
          pu,
        },
        done,
      );
    }
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        {mutation.error && !Object.keys(errors).length ? <ErrorAlert error={mutation.error} /> : null}
        {!editing && (
          <>
            <ScopeRegionSelect
              value={form.region}
              onChange={(region) => setForm({ ...form, region })}
              required
              error={errors.region}
            />
            <Group grow align="flex-start">
              <LabelledSelect
                searchable
                label={tt('year.label')}
                data={yearOptions()}
                value={form.year}
                onChange={(v) => setForm({ ...form, year: v ?? form.year })}
                required
                error={errors.year}
              />
              <LabelledSelect
                searchable
                label={tt('targets.indicator')}
                data={WORKFORCE_KINDS.map((k) => ({ value: k, label: tt(`kind.${k}`) }))}
                value={form.kind}
                onChange={(v) => setForm({ ...form, kind: (v as WorkforceKind | null) ?? form.kind })}
                required
              />
            </Group>
          </>
        )}
        <Group grow align="flex-start">
          <NumberInput
            label={tt('targets.percent')}
            description={tt('targets.percentHelp')}
            value={form.targetPercent}
            onChange={(v) => setForm({ ...form, targetPercent: v })}
            min={0.01}
            max={100}
            decimalScale={2}
            decimalSeparator=","
            allowNegative={false}
            required
            error={errors.targetPercent}
          />
          <LabelledSelect
            searchable
            label={tt('targets.basis')}
            data={[...TARGET_BASES]}
            value={form.basis}
            onChange={(v) => setForm({ ...form, basis: (v as TargetBasis | null) ?? form.basis })}
            required
          />
        </Group>
        <TextInput
          label={tt('targets.document')}
          description={tt('targets.documentHelp')}
          value={form.document}
          onChange={(e) => setForm({ ...form, document: e.currentTarget.value })}
          maxLength={300}
          error={errors.document}
        />
        {form.kind === 'employed' && (
          <TargetPuFields values={form.pu} onChange={(v) => setForm({ ...form, pu: v })} error={errors.pu} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {tt('targets.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
