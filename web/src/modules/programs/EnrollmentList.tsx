import { formatRupiah } from '../../ui/format.ts';
import { Checkbox, Paper, Stack } from '@mantine/core';
import { useSearchParams } from 'react-router-dom';
import { ENROLLMENT_STATUSES, type Enrollment, type EnrollmentStatus } from '../../../../lib/contracts/programs.ts';
import { useLocale } from '../../app/i18n.ts';
import { DataTable, type Column, queryState } from '../../ui/DataTable.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { HeirsLink } from '../claims/HeirsLink.tsx';
import { enrollmentColumns } from './program-ui.tsx';
import { ENROLLMENTS_PAGE_SIZE, useEnrollments } from './programs-api.ts';
import { useProgramsText } from './programs-text.ts';
import { useCohortsText } from '../cohorts/cohorts-text.ts';

/** The status filter and the page of an enrollment list live in the URL (`status`, `page`). */
export function useEnrollmentListState(defaultStatus: EnrollmentStatus | '' = '') {
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status: EnrollmentStatus | '' =
    raw === 'all'
      ? ''
      : (ENROLLMENT_STATUSES as readonly string[]).includes(raw ?? '')
        ? (raw as EnrollmentStatus)
        : defaultStatus;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const update = (patch: Record<string, string>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  return {
    status,
    page,
    setStatus: (s: EnrollmentStatus | '') => update({ status: s === '' && defaultStatus !== '' ? 'all' : s, page: '' }),
    setPage: (n: number) => update({ page: n > 1 ? String(n) : '' }),
  };
}

type Selection = { selected: ReadonlySet<string>; onChange: (next: Set<string>) => void };

/** One programme's enrollments in the user's scope, by status; with `selection`, rows can be ticked. */
export function EnrollmentList({
  programId,
  defaultStatus = '',
  selection,
  showHeirs = false,
}: {
  programId: string;
  defaultStatus?: EnrollmentStatus | '';
  selection?: Selection;
  /** Verification of an APBD-funded programme: each row shows the heirs and what a future claim still lacks. */
  showHeirs?: boolean;
}) {
  const t = useProgramsText();
  const ct = useCohortsText();
  const [locale] = useLocale();
  const { status, page, setStatus, setPage } = useEnrollmentListState(defaultStatus);
  const enrollments = useEnrollments(programId, { status, page });
  const rows = enrollments.data?.items ?? [];
  const columns: Column<Enrollment>[] = [
    ...enrollmentColumns(t, locale),
    // A PU programme's persons each carry their reported wage (issue 18 §1).
    ...(rows.some((r) => r.wage !== null)
      ? [
          {
            key: 'wage',
            header: ct('pu.col.wage'),
            align: 'right' as const,
            cell: (e: Enrollment) => (e.wage === null ? '—' : formatRupiah(e.wage)),
          },
        ]
      : []),
    ...(showHeirs
      ? [
          {
            key: 'heirs',
            header: t('verification.heirs'),
            cell: (e: Enrollment) => <HeirsLink workerId={e.workerId} />,
          },
        ]
      : []),
  ];

  let shown: Column<Enrollment>[] = columns;
  if (selection) {
    const all = rows.length > 0 && rows.every((r) => selection.selected.has(r.id));
    const some = rows.some((r) => selection.selected.has(r.id));
    const toggle = (ids: string[], on: boolean) => {
      const next = new Set(selection.selected);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      selection.onChange(next);
    };
    shown = [
      {
        key: 'pick',
        width: 48,
        header: (
          <Checkbox
            aria-label={t('verification.selectPage')}
            checked={all}
            indeterminate={some && !all}
            onChange={(e) =>
              toggle(
                rows.map((r) => r.id),
                e.currentTarget.checked,
              )
            }
          />
        ),
        cell: (e) => (
          <Checkbox
            aria-label={t('verification.select', { name: e.fullName })}
            checked={selection.selected.has(e.id)}
            onChange={(ev) => toggle([e.id], ev.currentTarget.checked)}
          />
        ),
      },
      ...columns,
    ];
  }

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="md">
        <LabelledSelect
          label={t('enrollment.filterStatus')}
          data={[
            { value: '', label: t('enrollment.allStatuses') },
            ...ENROLLMENT_STATUSES.map((s) => ({ value: s, label: t(`enrollment.status.${s}`) })),
          ]}
          value={status}
          onChange={(v) => {
            selection?.onChange(new Set());
            setStatus((v ?? '') as EnrollmentStatus | '');
          }}
          allowDeselect={false}
          maw={280}
        />
        <DataTable
          label={t('enrollment.table')}
          columns={shown}
          rows={enrollments.data?.items}
          rowKey={(e) => e.id}
          total={enrollments.data?.total}
          page={page}
          pageSize={ENROLLMENTS_PAGE_SIZE}
          onPageChange={(n) => {
            selection?.onChange(new Set());
            setPage(n);
          }}
          {...queryState(enrollments)}
          minWidth={960}
          empty={
            <EmptyState
              title={t('enrollment.empty.title')}
              body={t(status === '' ? 'enrollment.empty.body' : 'enrollment.empty.status')}
            />
          }
        />
      </Stack>
    </Paper>
  );
}
