// "Impor daftar gaji" of a PU programme (issue 18 §2): upload the payroll roster, see the problems per row and the
// diff against the current cohort (joiners, leavers, wage changes, with Rupiah and the budget effect), choose what
// to accept (all by default) and accept it in one step.
import { Alert, Button, Checkbox, Modal, Stack, Table, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { ProgramDetail } from '../../../../lib/contracts/programs.ts';
import type { RosterView } from '../../../../lib/contracts/roster.ts';
import { useLocale } from '../../app/i18n.ts';
import { formatNumber, formatRupiah } from '../../ui/format.ts';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { UploadForm } from '../../ui/UploadForm.tsx';
import { formatMonth } from '../contributions/rule-format.ts';
import { useProgramsText } from '../programs/programs-text.ts';
import { useCohortsText } from './cohorts-text.ts';
import { useRosterAccept, useRosterPreview } from './roster-api.ts';

type Joiner = RosterView['joiners'][number];
type Leaver = RosterView['leavers'][number];
type WageChange = RosterView['wageChanges'][number];
type Chosen = { joiners: Set<number>; leavers: Set<string>; wageChanges: Set<string> };

const signed = (v: number) => (v > 0 ? `+${formatRupiah(v)}` : v < 0 ? `−${formatRupiah(-v)}` : formatRupiah(0));

function allOf(view: RosterView): Chosen {
  return {
    joiners: new Set(view.joiners.filter((j) => j.reasons.length === 0).map((j) => j.row)),
    leavers: new Set(view.leavers.map((l) => l.enrollmentId)),
    wageChanges: new Set(view.wageChanges.map((w) => w.enrollmentId)),
  };
}

export function RosterDialog({ program: p, onClose }: { program: ProgramDetail; onClose: () => void }) {
  const t = useCohortsText();
  const pt = useProgramsText();
  const [locale] = useLocale();
  const preview = useRosterPreview(p.id);
  const accept = useRosterAccept(p.id);
  const [file, setFile] = useState<File | null>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const view = preview.data;
  const done = accept.data?.applied;
  const n = (v: number) => formatNumber(v, locale);

  const check = () => {
    if (!file) return;
    accept.reset();
    preview.mutate(file, { onSuccess: (v) => setChosen(allOf(v)) });
  };
  const count = chosen ? chosen.joiners.size + chosen.leavers.size + chosen.wageChanges.size : 0;
  const toggle = <K extends keyof Chosen>(kind: K, key: Chosen[K] extends Set<infer T> ? T : never) =>
    setChosen((c) => {
      if (!c) return c;
      const next = new Set(c[kind] as Set<typeof key>);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return { ...c, [kind]: next };
    });

  // What the chosen part does to the money, as the preview priced it.
  const effect = view &&
    chosen && {
      joiners: view.joiners.filter((j) => chosen.joiners.has(j.row)).reduce((s, j) => s + j.cost, 0),
      leavers: -view.leavers.filter((l) => chosen.leavers.has(l.enrollmentId)).reduce((s, l) => s + l.release, 0),
      wages: view.wageChanges.filter((w) => chosen.wageChanges.has(w.enrollmentId)).reduce((s, w) => s + w.delta, 0),
    };
  const after = view && effect ? view.budget.committed + effect.joiners + effect.leavers + effect.wages : 0;

  return (
    <Modal opened onClose={onClose} title={t('roster.title', { program: p.name })} size="90rem" centered>
      <UploadForm
        onSubmit={check}
        description={t('roster.intro')}
        file={file}
        onFileChange={(f) => {
          setFile(f);
          setChosen(null);
          preview.reset();
          accept.reset();
        }}
        fileLabel={t('roster.file')}
        templateHref="/api/programs/roster-template.xlsx"
        error={preview.error ?? accept.error}
        actions={
          <>
            <Button variant="default" onClick={onClose}>
              {pt('app.cancel')}
            </Button>
            <Button type="submit" variant={view ? 'default' : 'filled'} disabled={!file} loading={preview.isPending}>
              {t('roster.check')}
            </Button>
            {view && chosen && !done && (
              <Button
                loading={accept.isPending}
                disabled={count === 0}
                onClick={() =>
                  accept.mutate({
                    roster: view.roster,
                    joiners: [...chosen.joiners],
                    leavers: [...chosen.leavers],
                    wageChanges: [...chosen.wageChanges],
                  })
                }
              >
                {t('roster.accept', { n: n(count) })}
              </Button>
            )}
          </>
        }
      >
        {done && (
          <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
            {t('roster.done', {
              registered: n(done.registered),
              proposed: n(done.proposed),
              ended: n(done.ended),
              rejected: n(done.rejected),
              repriced: n(done.repriced),
            })}
          </Alert>
        )}
        {view && chosen && effect && !done && (
          <Stack gap="md" data-testid="roster-preview">
            <Text fw={600}>
              {t('roster.summary', {
                rows: n(view.rows),
                issues: n(new Set(view.issues.map((i) => i.row)).size),
                unchanged: n(view.unchanged),
              })}
            </Text>
            <Alert color={after > view.budget.ceiling ? 'orange' : 'teal'} variant="light" role="status">
              {t('roster.budget', {
                committed: formatRupiah(view.budget.committed),
                joiners: signed(effect.joiners),
                leavers: signed(effect.leavers),
                wages: signed(effect.wages),
                after: formatRupiah(after),
                ceiling: formatRupiah(view.budget.ceiling),
              })}
              {after > view.budget.ceiling && <Text size="sm">{t('roster.over')}</Text>}
            </Alert>
            {view.issues.length > 0 && (
              <Section title={t('roster.issues', { n: n(view.issues.length) })}>
                <Table aria-label={t('roster.issues', { n: n(view.issues.length) })} striped verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('roster.col.row')}</Table.Th>
                      <Table.Th scope="col">{t('roster.col.column')}</Table.Th>
                      <Table.Th scope="col">{t('roster.col.problem')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {view.issues.slice(0, 300).map((i, k) => (
                      <Table.Tr key={`${i.row}-${i.column}-${k}`}>
                        <Table.Td>{i.row}</Table.Td>
                        <Table.Td>{i.column}</Table.Td>
                        <Table.Td>{i.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Section>
            )}
            <Section title={t('roster.joiners', { n: n(view.joiners.length) })}>
              <ChoiceTable<Joiner>
                label={t('roster.joiners', { n: n(view.joiners.length) })}
                rows={view.joiners}
                rowKey={(j) => String(j.row)}
                checked={(j) => chosen.joiners.has(j.row)}
                disabled={(j) => j.reasons.length > 0}
                onToggle={(j) => toggle('joiners', j.row)}
                headers={[
                  t('roster.col.row'),
                  pt('people.col.name'),
                  t('roster.col.position'),
                  t('pu.col.wage'),
                  t('roster.col.months'),
                  t('roster.col.cost'),
                ]}
                cells={(j) => [
                  j.row,
                  <>
                    {j.fullName}{' '}
                    <Text span size="xs" c="dimmed">
                      {j.nikMasked}
                    </Text>
                    {j.newWorker && (
                      <Text size="xs" c="blue">
                        {t('roster.newWorker')}
                      </Text>
                    )}
                    {j.reasons.map((r) => (
                      <Text key={r.code} size="xs" c="orange">
                        {r.message}
                      </Text>
                    ))}
                  </>,
                  [j.position, j.unit].filter(Boolean).join(' · '),
                  formatRupiah(j.wage),
                  `${formatMonth(j.firstMonth, locale)} – ${formatMonth(j.lastMonth, locale)}`,
                  signed(j.cost),
                ]}
                none={t('roster.none')}
              />
            </Section>
            <Section title={t('roster.leavers', { n: n(view.leavers.length) })}>
              <ChoiceTable<Leaver>
                label={t('roster.leavers', { n: n(view.leavers.length) })}
                rows={view.leavers}
                rowKey={(l) => l.enrollmentId}
                checked={(l) => chosen.leavers.has(l.enrollmentId)}
                onToggle={(l) => toggle('leavers', l.enrollmentId)}
                headers={[
                  pt('people.col.name'),
                  t('roster.col.why'),
                  t('pu.col.wage'),
                  t('roster.col.lastMonth'),
                  t('roster.col.effect'),
                ]}
                cells={(l) => [
                  <>
                    {l.fullName}{' '}
                    <Text span size="xs" c="dimmed">
                      {l.nikMasked}
                    </Text>
                  </>,
                  t(`roster.why.${l.why}`),
                  l.wage === null ? '—' : formatRupiah(l.wage),
                  formatMonth(l.lastMonth, locale),
                  signed(-l.release),
                ]}
                none={t('roster.none')}
              />
            </Section>
            <Section title={t('roster.wageChanges', { n: n(view.wageChanges.length) })}>
              <ChoiceTable<WageChange>
                label={t('roster.wageChanges', { n: n(view.wageChanges.length) })}
                rows={view.wageChanges}
                rowKey={(w) => w.enrollmentId}
                checked={(w) => chosen.wageChanges.has(w.enrollmentId)}
                onToggle={(w) => toggle('wageChanges', w.enrollmentId)}
                headers={[
                  t('roster.col.row'),
                  pt('people.col.name'),
                  t('roster.col.oldWage'),
                  t('roster.col.newWage'),
                  t('roster.col.from'),
                  t('roster.col.effect'),
                ]}
                cells={(w) => [
                  w.row,
                  <>
                    {w.fullName}{' '}
                    <Text span size="xs" c="dimmed">
                      {w.nikMasked}
                    </Text>
                  </>,
                  formatRupiah(w.oldWage),
                  formatRupiah(w.newWage),
                  formatMonth(w.fromMonth, locale),
                  signed(w.delta),
                ]}
                none={t('roster.none')}
              />
            </Section>
          </Stack>
        )}
      </UploadForm>
    </Modal>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text fw={600}>{title}</Text>
      {children}
    </Stack>
  );
}

/** A table whose rows can each be accepted or left out (all chosen at first). */
function ChoiceTable<Row>(props: {
  label: string;
  rows: readonly Row[];
  rowKey: (r: Row) => string;
  checked: (r: Row) => boolean;
  disabled?: (r: Row) => boolean;
  onToggle: (r: Row) => void;
  headers: string[];
  cells: (r: Row) => ReactNode[];
  none: string;
}) {
  const t = useCohortsText();
  if (props.rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {props.none}
      </Text>
    );
  return (
    <TableScroll label={props.label} minWidth={720}>
      <Table aria-label={props.label} striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('roster.col.choose')}</Table.Th>
            {props.headers.map((h) => (
              <Table.Th key={h} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((r) => (
            <Table.Tr key={props.rowKey(r)}>
              <Table.Td>
                <Checkbox
                  aria-label={`${t('roster.col.choose')} ${props.rowKey(r)}`}
                  checked={props.checked(r)}
                  disabled={props.disabled?.(r) ?? false}
                  onChange={() => props.onToggle(r)}
                />
              </Table.Td>
              {props.cells(r).map((c, i) => (
                <Table.Td key={i}>{c}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
