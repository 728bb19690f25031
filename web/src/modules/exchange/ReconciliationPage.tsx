import { Alert, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Textarea, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconListCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { PROGRAM_MANAGERS, END_REASONS, type EndReason } from '../../../../lib/contracts/programs.ts';
import {
  RECONCILIATION_KINDS,
  type ReconciliationItem,
  type ReconciliationKind,
} from '../../../../lib/contracts/exchange.ts';
import { useLocale, useT } from '../../app/i18n.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { errorMessage } from '../../ui/ErrorAlert.tsx';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { DataTable, type Column, queryState } from '../../ui/DataTable.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { formatDate, formatNumber } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useUrlFilters } from '../../ui/url-state.ts';
import {
  RECON_PAGE_SIZE,
  reconciliationXlsxUrl,
  useEndFromReconciliation,
  useReconciliation,
  useRequestVillageCheck,
  useTakeKpj,
} from './exchange-api.ts';
import { useExchangeText } from './exchange-text.ts';
import { useProgramsText } from '../programs/programs-text.ts';
import { ExchangeNav } from './exchange-ui.tsx';

const KIND_COLOR: Record<ReconciliationKind, string> = {
  matched: 'green',
  mismatched: 'orange',
  missing: 'red',
  outside: 'blue',
};

export function ReconciliationPage() {
  const xt = useExchangeText();
  const [locale] = useLocale();
  const { values, page, setFilters, setPage } = useUrlFilters(['kind'] as const);
  const kind = (RECONCILIATION_KINDS as readonly string[]).includes(values.kind)
    ? (values.kind as ReconciliationKind)
    : 'mismatched';
  const rec = useReconciliation({ kind, page });
  const [ending, setEnding] = useState<ReconciliationItem | null>(null);
  const data = rec.data;
  const n = (v: number) => formatNumber(v, locale);

  const columns: Column<ReconciliationItem>[] = [
    {
      key: 'person',
      header: xt('recon.col.person'),
      cell: (r) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {r.fullName ?? xt('recon.notRegistered')}
          </Text>
          <Text size="xs" c="dimmed">
            {r.nikMasked}
            {r.villageLabel ? ` · ${r.villageLabel}` : ''}
          </Text>
        </Stack>
      ),
    },
    { key: 'program', header: xt('recon.col.program'), cell: (r) => r.programName ?? '–' },
    {
      key: 'kpj',
      header: xt('recon.col.kpj'),
      nowrap: true,
      cell: (r) => `${r.lindungKpj ?? '–'} / ${r.bpjsKpj ?? '–'}`,
    },
    {
      key: 'bpjs',
      header: xt('recon.col.bpjs'),
      cell: (r) =>
        r.bpjsCategory ? (
          <Stack gap={0}>
            <Text size="sm">
              {r.bpjsCategory} · {formatDate(r.bpjsCoverageStart, locale)}
            </Text>
            <Text size="xs" c="dimmed">
              {[
                r.bpjsState ? xt(`recon.state.${r.bpjsState}`) : null,
                r.bpjsPaidThrough ? xt('recon.paidThrough', { month: r.bpjsPaidThrough }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Stack>
        ) : (
          '–'
        ),
    },
    { key: 'diff', header: xt('recon.col.diff'), cell: (r) => r.differences.join('; ') },
    ...(kind === 'matched'
      ? []
      : [
          {
            key: 'actions',
            header: xt('recon.col.actions'),
            cell: (r: ReconciliationItem) => <RowActions row={r} onEnd={() => setEnding(r)} />,
          },
        ]),
  ];

  return (
    <>
      <PageHeader
        title={xt('recon.title')}
        description={xt('recon.description', { region: data?.regionLabel ?? '…' })}
        actions={
          <Button
            component="a"
            href={reconciliationXlsxUrl()}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {xt('recon.export')}
          </Button>
        }
      />
      <ExchangeNav />
      <Stack gap="lg">
        {data &&
          (data.snapshot ? (
            <Text size="sm" c="dimmed" data-testid="recon-snapshot">
              {xt('recon.snapshot', {
                asOf: formatDate(data.snapshot.asOf, locale),
                persons: n(data.snapshot.persons),
                region: data.snapshot.region,
              })}
            </Text>
          ) : (
            <Alert color="yellow" variant="light">
              {xt('recon.noSnapshot')}
            </Alert>
          ))}
        <SimpleGrid cols={{ base: 2, md: 4 }} role="group" aria-label={xt('recon.kinds')}>
          {RECONCILIATION_KINDS.map((k) => (
            <UnstyledButton
              key={k}
              onClick={() => setFilters({ kind: k })}
              aria-pressed={k === kind}
              data-testid={`recon-count-${k}`}
            >
              <Paper
                withBorder
                radius="md"
                p="md"
                style={{ borderColor: k === kind ? `var(--mantine-color-${KIND_COLOR[k]}-6)` : undefined }}
              >
                <Text size="sm" c="dimmed">
                  {xt(`recon.kind.${k}`)}
                </Text>
                <Text fz={28} fw={700} c={KIND_COLOR[k]}>
                  {data ? n(data.counts[k]) : '…'}
                </Text>
                <Text size="xs" c="dimmed">
                  {xt(`recon.kindHelp.${k}`)}
                </Text>
              </Paper>
            </UnstyledButton>
          ))}
        </SimpleGrid>
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <DataTable
            label={xt('recon.table', { kind: xt(`recon.kind.${kind}`) })}
            columns={columns}
            rows={data?.items}
            rowKey={(r) => r.nikMasked + (r.programName ?? '') + (r.bpjsKpj ?? '')}
            total={data?.total}
            page={page}
            pageSize={RECON_PAGE_SIZE}
            onPageChange={setPage}
            {...queryState(rec)}
            minWidth={900}
            empty={
              <EmptyState
                icon={<IconListCheck size={26} stroke={1.5} />}
                title={xt('recon.empty')}
                body={xt(`recon.kindHelp.${kind}`)}
              />
            }
          />
        </Paper>
      </Stack>
      <EndModal row={ending} onClose={() => setEnding(null)} />
    </>
  );
}

/** The actions a row offers: take the branch's KPJ, mark the enrollment ended, ask the village to check. */
function RowActions({ row, onEnd }: { row: ReconciliationItem; onEnd: () => void }) {
  const xt = useExchangeText();
  const t = useT();
  const me = useCurrentUser();
  const takeKpj = useTakeKpj();
  const ask = useRequestVillageCheck();
  const name = row.fullName ?? row.nikMasked;
  const failed = (err: unknown) =>
    notifications.show({ color: 'red', title: t('ui.errorTitle'), message: errorMessage(err, t) });
  const mayEnd = PROGRAM_MANAGERS.includes(me.role) && row.enrollmentId !== null && row.programId !== null;
  const mayAsk = row.village !== null && (row.enrollmentId !== null || row.workerId !== null);
  return (
    <Group gap={6} wrap="wrap">
      {row.kpjDiffers && row.enrollmentId && (
        <Button
          size="compact-sm"
          variant="light"
          loading={takeKpj.isPending}
          aria-label={`${xt('recon.takeKpj')}: ${name}`}
          onClick={() =>
            takeKpj.mutate(
              { enrollmentId: row.enrollmentId! },
              {
                onSuccess: (r) =>
                  notifications.show({ color: 'teal', message: xt('recon.takeKpjDone', { kpj: r.after, name }) }),
                onError: failed,
              },
            )
          }
        >
          {xt('recon.takeKpj')}
        </Button>
      )}
      {mayEnd && (
        <Button
          size="compact-sm"
          variant="light"
          color="red"
          aria-label={`${xt('recon.end')}: ${name}`}
          onClick={onEnd}
        >
          {xt('recon.end')}
        </Button>
      )}
      {row.checkOpen ? (
        <Text size="xs" c="dimmed" fw={600}>
          {xt('recon.checkOpen')}
        </Text>
      ) : mayAsk ? (
        <Button
          size="compact-sm"
          variant="default"
          loading={ask.isPending}
          aria-label={`${xt('recon.askVillage')}: ${name}`}
          onClick={() =>
            ask.mutate(row.enrollmentId ? { enrollmentId: row.enrollmentId } : { workerId: row.workerId! }, {
              onSuccess: (r) =>
                notifications.show({
                  color: 'teal',
                  message: r.created
                    ? xt('recon.askVillageDone', { village: row.villageLabel ?? row.village ?? '' })
                    : xt('recon.askVillageAgain'),
                }),
              onError: failed,
            })
          }
        >
          {xt('recon.askVillage')}
        </Button>
      ) : row.village === null ? (
        <Text size="xs" c="dimmed">
          {xt('recon.noVillage')}
        </Text>
      ) : null}
    </Group>
  );
}

/** "Tandai berakhir": the reason (withdrawn by default), a note, then the programmes module ends the enrollment. */
function EndModal({ row, onClose }: { row: ReconciliationItem | null; onClose: () => void }) {
  const xt = useExchangeText();
  const t = useProgramsText();
  const end = useEndFromReconciliation();
  const [reason, setReason] = useState<EndReason>('withdrawn');
  const [note, setNote] = useState('');
  const name = row ? (row.fullName ?? row.nikMasked) : '';
  const close = () => {
    setReason('withdrawn');
    setNote('');
    end.reset();
    onClose();
  };
  return (
    <Modal opened={row !== null} onClose={close} title={xt('recon.endTitle', { name })} centered>
      {row && (
        <Stack gap="sm">
          <Text size="sm">
            {xt('recon.endBody', {
              program: row.programName ?? '—',
              state: row.bpjsState ? xt(`recon.state.${row.bpjsState}`) : '—',
            })}
          </Text>
          <LabelledSelect
            label={xt('recon.endReason')}
            data={END_REASONS.map((r) => ({ value: r, label: t(`enrollment.end.${r}`) }))}
            value={reason}
            onChange={(v) => v && setReason(v as EndReason)}
            allowDeselect={false}
          />
          <Textarea
            label={xt('recon.endNote')}
            placeholder={xt('recon.endNoteDefault')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={500}
          />
          {end.error ? (
            <Alert color="red" variant="light">
              {errorMessage(end.error, t)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {xt('recon.cancel')}
            </Button>
            <Button
              color="red"
              loading={end.isPending}
              onClick={() =>
                end.mutate(
                  {
                    programId: row.programId!,
                    enrollmentId: row.enrollmentId!,
                    reason,
                    note: note.trim() || xt('recon.endNoteDefault'),
                  },
                  {
                    onSuccess: (r) => {
                      notifications.show({ color: 'teal', message: xt('recon.endDone', { name, month: r.lastMonth }) });
                      close();
                    },
                  },
                )
              }
            >
              {xt('recon.endConfirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
