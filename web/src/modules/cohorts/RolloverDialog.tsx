// "Lanjutkan ke tahun berikutnya" (issue 18 §4): the next year's DPA and ceiling, a preview of who is carried, who
// is not and why, and the budget it needs; then the confirmation, which makes the programme and its proposals.
import { Alert, Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ProgramDetail, RolloverRequest, RolloverView } from '../../../../lib/contracts/programs.ts';
import { addMonths } from '../../../../lib/rules/eligibility.ts';
import { fieldErrors } from '../../app/api.ts';
import { useLocale } from '../../app/i18n.ts';
import { ROUTES } from '../../app/routes.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatNumber, formatRupiah, wholeNumberInput } from '../../ui/format.ts';
import { formatMonth } from '../contributions/rule-format.ts';
import { useRollover, useRolloverPreview } from '../programs/programs-api.ts';
import { useProgramsText } from '../programs/programs-text.ts';
import { useCohortsText } from './cohorts-text.ts';

type Person = RolloverView['carried'][number];
type Left = RolloverView['notCarried'][number];

export function RolloverDialog({ program: p, onClose }: { program: ProgramDetail; onClose: () => void }) {
  const t = useCohortsText();
  const pt = useProgramsText();
  const [locale] = useLocale();
  const navigate = useNavigate();
  const preview = useRolloverPreview(p.id);
  const confirm = useRollover(p.id);
  const [dpa, setDpa] = useState('');
  const [ceiling, setCeiling] = useState<number | ''>(p.budgetCeiling);
  const [quota, setQuota] = useState<number | ''>(p.quota);
  const input: RolloverRequest = {
    dpaReference: dpa.trim(),
    budgetCeiling: Number(ceiling),
    ...(quota !== '' && { quota }),
  };
  const shown = preview.data;
  const errors = fieldErrors<keyof RolloverRequest>(preview.error ?? confirm.error);
  const from = addMonths(p.endMonth, 1);
  const money = wholeNumberInput(locale);
  const reset = () => preview.reset();

  return (
    <Modal opened onClose={onClose} title={t('rollover.title', { program: p.name })} size="xl" centered>
      <Stack gap="md">
        <Text size="sm">
          {t('rollover.intro', {
            from: formatMonth(from, locale),
            to: formatMonth(addMonths(from, p.months - 1), locale),
          })}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('rollover.dpa')}
            value={dpa}
            onChange={(e) => {
              setDpa(e.currentTarget.value);
              reset();
            }}
            error={errors.dpaReference}
          />
          <NumberInput
            label={t('rollover.ceiling')}
            prefix="Rp"
            {...money}
            allowDecimal={false}
            allowNegative={false}
            value={ceiling}
            onChange={(v) => {
              setCeiling(typeof v === 'number' ? v : '');
              reset();
            }}
            error={errors.budgetCeiling}
          />
          <NumberInput
            label={t('rollover.quota')}
            {...money}
            allowDecimal={false}
            allowNegative={false}
            value={quota}
            onChange={(v) => {
              setQuota(typeof v === 'number' ? v : '');
              reset();
            }}
            error={errors.quota}
          />
        </SimpleGrid>
        {preview.error || confirm.error ? <ErrorAlert error={preview.error ?? confirm.error} /> : null}
        {shown && <RolloverPreview view={shown} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {pt('app.cancel')}
          </Button>
          {shown ? (
            <Button
              loading={confirm.isPending}
              onClick={() =>
                confirm.mutate(input, {
                  onSuccess: (done) => {
                    onClose();
                    if (done.programId) navigate(ROUTES.programDetail(done.programId));
                  },
                })
              }
            >
              {t('rollover.confirm', { n: formatNumber(shown.carried.length, locale) })}
            </Button>
          ) : (
            <Button loading={preview.isPending} onClick={() => preview.mutate(input)}>
              {t('rollover.preview')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

function RolloverPreview({ view }: { view: RolloverView }) {
  const t = useCohortsText();
  const pt = useProgramsText();
  const [locale] = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  const over = view.budgetNeeded > view.budgetCeiling;
  return (
    <Stack gap="sm" data-testid="rollover-preview">
      <Alert color={over ? 'orange' : 'teal'} variant="light" role="status">
        {t('rollover.budget', { amount: formatRupiah(view.budgetNeeded), ceiling: formatRupiah(view.budgetCeiling) })}
      </Alert>
      <Text fw={600}>{t('rollover.carried', { n: n(view.carried.length) })}</Text>
      <DataTable<Person>
        label={t('rollover.carried', { n: n(view.carried.length) })}
        columns={[
          { key: 'name', header: pt('people.col.name'), cell: (r) => r.fullName },
          { key: 'nik', header: pt('people.col.nik'), cell: (r) => r.nikMasked, nowrap: true },
        ]}
        rows={view.carried}
        rowKey={(r) => r.workerId}
        empty={<EmptyState title={t('rollover.carried', { n: '0' })} body={t('rollover.noneCarried')} />}
      />
      <Text fw={600}>{t('rollover.notCarried', { n: n(view.notCarried.length) })}</Text>
      <DataTable<Left>
        label={t('rollover.notCarried', { n: n(view.notCarried.length) })}
        columns={[
          { key: 'name', header: pt('people.col.name'), cell: (r) => r.fullName },
          { key: 'nik', header: pt('people.col.nik'), cell: (r) => r.nikMasked, nowrap: true },
          { key: 'reason', header: t('rollover.col.reason'), cell: (r) => r.message },
        ]}
        rows={view.notCarried}
        rowKey={(r) => r.workerId}
        empty={<EmptyState title={t('rollover.notCarried', { n: '0' })} body={t('rollover.allCarried')} />}
      />
    </Stack>
  );
}
