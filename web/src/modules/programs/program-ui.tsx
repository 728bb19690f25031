// Small pieces shared by the programme pages: labels, the status badge, the quota gauge, the programme picker.
import { Anchor, Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { CoverageState } from '../../../../lib/contracts/common.ts';
import type { Enrollment, EnrollmentStatus, ProgramSummary } from '../../../../lib/contracts/programs.ts';
import { dateName } from '../../../../lib/rules/lapse.ts';
import { SEGMENTS } from '../../../../lib/rules/segments.ts';
import type { Locale } from '../../../../lib/i18n/locale.ts';
import type { Funder } from '../../../../lib/rules/eligibility.ts';
import { useLocale } from '../../app/i18n.ts';
import { ROUTES } from '../../app/routes.ts';
import type { Column } from '../../ui/DataTable.tsx';
import { formatNumber, formatRupiah } from '../../ui/format.ts';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { formatMonth } from '../contributions/rule-format.ts';
import { usePrograms } from './programs-api.ts';
import { useProgramsText, type ProgramsT } from './programs-text.ts';
import { useRegistryText } from '../registry/registry-text.ts';

export function funderLabel(funder: Funder, t: ProgramsT): string {
  return t(`programs.funder.${funder}`);
}

export function periodLabel(p: Pick<ProgramSummary, 'startMonth' | 'endMonth'>, locale: Locale): string {
  return `${formatMonth(p.startMonth, locale)} – ${formatMonth(p.endMonth, locale)}`;
}

/** Whole percent of a part, for gauges (never NaN). */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.min(100, Math.round((part / whole) * 100)) : 0;
}

const STATUS_COLOR: Record<EnrollmentStatus, string> = {
  proposed: 'yellow',
  verified: 'blue',
  rejected: 'red',
  submitted: 'grape',
  active: 'teal',
  ended: 'gray',
};

/** The status in words (colour only repeats it). */
export function StatusBadge({ status }: { status: EnrollmentStatus }) {
  const t = useProgramsText();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" radius="sm">
      {t(`enrollment.status.${status}`)}
    </Badge>
  );
}

/** Slots filled against the quota, as a bar with its numbers in words. */
export function QuotaGauge({ filled, quota, label }: { filled: number; quota: number; label: string }) {
  const t = useProgramsText();
  const [locale] = useLocale();
  const pct = percentOf(filled, quota);
  return (
    <Stack gap={4}>
      <Progress value={pct} size="lg" radius="sm" color={pct >= 100 ? 'orange' : 'teal'} aria-label={label} />
      <Text size="sm">
        {t('programs.quotaOf', { filled: formatNumber(filled, locale), quota: formatNumber(quota, locale), pct })}
      </Text>
    </Stack>
  );
}

/** Committed money against the ceiling. */
export function BudgetGauge({ committed, ceiling }: { committed: number; ceiling: number }) {
  const t = useProgramsText();
  const pct = percentOf(committed, ceiling);
  return (
    <Stack gap={4}>
      <Progress
        value={pct}
        size="lg"
        radius="sm"
        color={pct >= 100 ? 'orange' : 'blue'}
        aria-label={t('programs.budgetUsed')}
      />
      <Text size="sm">
        {t('programs.budgetOf', { committed: formatRupiah(committed), ceiling: formatRupiah(ceiling), pct })}
      </Text>
    </Stack>
  );
}

export function BackToPrograms() {
  const t = useProgramsText();
  return (
    <Anchor component={Link} to={ROUTES.programs} size="sm" w="fit-content">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('nav.programs')}
      </Group>
    </Anchor>
  );
}

/** Chooses one programme of the user's region (the workbench pages keep the choice in the URL). */
export function ProgramPicker({
  value,
  onChange,
  manageableOnly = false,
}: {
  value: string;
  onChange: (id: string) => void;
  manageableOnly?: boolean;
}) {
  const t = useProgramsText();
  const [locale] = useLocale();
  const programs = usePrograms({ page: 1, pageSize: 200 });
  const items = (programs.data?.items ?? []).filter((p) => !manageableOnly || p.canManage);
  return (
    <LabelledSelect
      label={t('programs.pick')}
      placeholder={programs.isPending ? t('ui.loading') : t('programs.pickPlaceholder')}
      data={items.map((p) => ({ value: p.id, label: `${p.name} (${periodLabel(p, locale)})` }))}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      searchable
      allowDeselect={false}
      disabled={programs.isPending}
      nothingFoundMessage={t('ui.noMatch')}
      maw={640}
    />
  );
}

/** The columns every enrollment list shows. */
export function enrollmentColumns(t: ProgramsT, locale: Locale): Column<Enrollment>[] {
  return [
    { key: 'name', header: t('enrollment.col.name'), cell: (e) => e.fullName },
    {
      key: 'nik',
      header: useRegistryText.translate(locale, 'workers.col.nik'),
      nowrap: true,
      cell: (e) => (
        <Text size="sm" ff="monospace">
          {e.nikMasked}
        </Text>
      ),
    },
    { key: 'village', header: useRegistryText.translate(locale, 'workers.col.village'), cell: (e) => e.villageLabel },
    {
      key: 'segment',
      header: useRegistryText.translate(locale, 'workers.col.segment'),
      cell: (e) => SEGMENTS[e.segment].label[locale],
    },
    { key: 'status', header: t('enrollment.col.status'), cell: (e) => <EnrollmentState enrollment={e} /> },
    {
      key: 'months',
      header: t('enrollment.col.months'),
      nowrap: true,
      cell: (e) =>
        e.months > 0
          ? `${formatMonth(e.firstMonth, locale)} – ${formatMonth(e.lastMonth, locale)}`
          : t('enrollment.noMonths'),
    },
    { key: 'cost', header: t('enrollment.col.cost'), align: 'right', nowrap: true, cell: (e) => formatRupiah(e.cost) },
  ];
}

const PROTECTION_COLOR: Record<CoverageState, string> = {
  covered: 'teal',
  not_started: 'blue',
  lapsed: 'red',
  ended: 'gray',
};

/**
 * What an enrollment means for the person today. Once the branch accepted it, the words come from its protection
 * (lindung_coverage_state on the server): "Belum mulai (mulai 1 Januari 2027)", "Tertanggung", "Nonaktif
 * (menunggak)", "Berakhir"; before that, from the enrollment's status.
 */
export function EnrollmentState({ enrollment: e }: { enrollment: Enrollment }) {
  const t = useProgramsText();
  const [locale] = useLocale();
  const kpj = e.kpjNumber ? t('enrollment.kpj', { kpj: e.kpjNumber }) : null;
  const detail =
    e.status === 'rejected'
      ? e.rejectReason
      : e.status === 'ended' && e.endReason
        ? t(`enrollment.end.${e.endReason}`)
        : kpj;
  const state = e.coverageState;
  return (
    <Stack gap={2}>
      {state && !(e.status === 'ended' && state === 'ended') ? (
        <Badge color={PROTECTION_COLOR[state]} variant="light" radius="sm">
          {state === 'not_started' && e.coverageStart
            ? t('enrollment.protection.not_started_from', { date: dateName(e.coverageStart, locale) })
            : t(`enrollment.protection.${state}`)}
        </Badge>
      ) : (
        <StatusBadge status={e.status} />
      )}
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Stack>
  );
}
