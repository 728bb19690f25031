import { Alert, Button, Group, List, Modal, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChecklist, IconCircleCheck, IconSend, IconX } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import {
  END_REASONS,
  type EndReason,
  type EnrollmentStatus,
  type VerifyResult,
} from '../../../../lib/contracts/programs.ts';
import { useLocale } from '../../app/i18n.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { errorMessage } from '../../ui/ErrorAlert.tsx';
import { formatNumber } from '../../ui/format.ts';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { EnrollmentList, useEnrollmentListState } from './EnrollmentList.tsx';
import { ProgramPicker } from './program-ui.tsx';
import { useEnd, useProgram, useReject, useSubmitBatch, useVerify } from './programs-api.ts';
import { useProgramsText } from './programs-text.ts';
import { useProgramParam } from './ProposalsPage.tsx';

const VERIFIABLE: readonly EnrollmentStatus[] = ['proposed'];
const REJECTABLE: readonly EnrollmentStatus[] = ['proposed', 'verified'];
const ENDABLE: readonly EnrollmentStatus[] = ['verified', 'submitted', 'active'];

export function VerificationPage() {
  const t = useProgramsText();
  const me = useCurrentUser();
  const [programId, setProgramId] = useProgramParam();
  return (
    <>
      <PageHeader
        title={t('verification.title')}
        description={t('verification.description', { region: me.regionLabel })}
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md">
          <ProgramPicker value={programId} onChange={setProgramId} manageableOnly />
        </Paper>
        {programId ? (
          <Workbench key={programId} programId={programId} />
        ) : (
          <EmptyState
            icon={<IconChecklist size={26} stroke={1.5} />}
            title={t('proposals.pickTitle')}
            body={t('verification.pickBody')}
          />
        )}
      </Stack>
    </>
  );
}

function Workbench({ programId }: { programId: string }) {
  const t = useProgramsText();
  const pt = useProgramsText();
  const [locale] = useLocale();
  const program = useProgram(programId);
  const { status } = useEnrollmentListState('proposed');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<'reject' | 'end' | 'send' | null>(null);
  const [outcome, setOutcome] = useState<VerifyResult | null>(null);
  const verify = useVerify(programId);
  const submit = useSubmitBatch(programId);
  const ids = [...selected];
  const n = formatNumber(ids.length, locale);
  const allowed = (states: readonly EnrollmentStatus[]) => ids.length > 0 && status !== '' && states.includes(status);
  const verifiedCount = program.data?.statusCounts.verified ?? 0;

  const failed = (err: unknown) =>
    notifications.show({ color: 'red', title: t('ui.errorTitle'), message: errorMessage(err, t) });
  const doVerify = () =>
    verify.mutate(ids, {
      onSuccess: (r) => {
        setOutcome(r);
        setSelected(new Set());
      },
      onError: failed,
    });
  const doSubmit = () =>
    submit.mutate(undefined, {
      onSuccess: (r) => {
        setDialog(null);
        notifications.show({
          color: 'teal',
          message: t('verification.submitted', { n: formatNumber(r.persons, locale), batch: r.batchId }),
        });
      },
      onError: failed,
    });

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Group gap="sm">
            <Button
              leftSection={<IconCircleCheck size={18} aria-hidden />}
              disabled={!allowed(VERIFIABLE)}
              loading={verify.isPending}
              onClick={doVerify}
            >
              {t('verification.verify', { n })}
            </Button>
            <Button
              color="red"
              variant="light"
              leftSection={<IconX size={18} aria-hidden />}
              disabled={!allowed(REJECTABLE)}
              onClick={() => setDialog('reject')}
            >
              {t('verification.reject', { n })}
            </Button>
            <Button variant="default" disabled={!allowed(ENDABLE)} onClick={() => setDialog('end')}>
              {t('verification.end', { n })}
            </Button>
          </Group>
          <Button
            variant="light"
            leftSection={<IconSend size={18} aria-hidden />}
            disabled={verifiedCount === 0}
            onClick={() => setDialog('send')}
          >
            {t('verification.submitBatch', { n: formatNumber(verifiedCount, locale) })}
          </Button>
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          {t('verification.hint')}
        </Text>
      </Paper>

      {outcome && <VerifyOutcome result={outcome} onClose={() => setOutcome(null)} />}

      <EnrollmentList
        programId={programId}
        defaultStatus="proposed"
        selection={{ selected, onChange: setSelected }}
        showHeirs={program.data?.funder.startsWith('apbd') ?? false}
      />

      <Modal opened={dialog === 'send'} onClose={() => setDialog(null)} title={pt('send.title')} centered size="lg">
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {pt('send.question', {
              n: formatNumber(verifiedCount, locale),
              program: program.data?.name ?? '…',
            })}
          </Text>
          <Text size="sm">{pt('send.data')}</Text>
          <Text size="sm" c="dimmed">
            {pt('send.after')}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('app.cancel')}
            </Button>
            <Button leftSection={<IconSend size={18} aria-hidden />} loading={submit.isPending} onClick={doSubmit}>
              {pt('send.confirm', { n: formatNumber(verifiedCount, locale) })}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <RejectDialog
        programId={programId}
        ids={ids}
        opened={dialog === 'reject'}
        onClose={() => setDialog(null)}
        onDone={() => setSelected(new Set())}
      />
      <EndDialog
        programId={programId}
        ids={ids}
        opened={dialog === 'end'}
        onClose={() => setDialog(null)}
        onDone={() => setSelected(new Set())}
      />
    </Stack>
  );
}

function VerifyOutcome({ result, onClose }: { result: VerifyResult; onClose: () => void }) {
  const t = useProgramsText();
  const [locale] = useLocale();
  const ok = result.notVerified.length === 0;
  return (
    <Alert
      color={ok ? 'teal' : 'yellow'}
      variant="light"
      role="status"
      withCloseButton
      closeButtonLabel={t('app.close')}
      onClose={onClose}
      title={t('verification.verified', { n: formatNumber(result.verified, locale) })}
    >
      {!ok && (
        <Stack gap={4}>
          <Text size="sm">{t('verification.notVerified')}</Text>
          <List size="sm" spacing={4}>
            {result.notVerified.map((f) => (
              <List.Item key={f.id}>
                <b>{f.fullName}</b>: {f.reasons.map((r) => r.message).join(' ')}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Alert>
  );
}

type DialogProps = { programId: string; ids: string[]; opened: boolean; onClose: () => void; onDone: () => void };

function RejectDialog({ programId, ids, opened, onClose, onDone }: DialogProps) {
  const t = useProgramsText();
  const [locale] = useLocale();
  const reject = useReject(programId);
  const [reason, setReason] = useState('');
  const save = (event: FormEvent) => {
    event.preventDefault();
    reject.mutate(
      { ids, reason: reason.trim() },
      {
        onSuccess: (r) => {
          notifications.show({
            color: 'teal',
            message: t('verification.rejected', { n: formatNumber(r.rejected, locale) }),
          });
          setReason('');
          onDone();
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('verification.rejectTitle', { n: formatNumber(ids.length, locale) })}
    >
      <form onSubmit={save} noValidate>
        <Stack gap="md">
          <Textarea
            label={t('verification.rejectReason')}
            description={t('verification.rejectReasonHint')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={3}
            error={reject.error ? errorMessage(reject.error, t) : undefined}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" color="red" loading={reject.isPending} disabled={reason.trim().length < 5}>
              {t('verification.rejectConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function EndDialog({ programId, ids, opened, onClose, onDone }: DialogProps) {
  const t = useProgramsText();
  const [locale] = useLocale();
  const end = useEnd(programId);
  const [reason, setReason] = useState<EndReason>('death');
  const [lastMonth, setLastMonth] = useState('');
  const [note, setNote] = useState('');
  const save = (event: FormEvent) => {
    event.preventDefault();
    end.mutate(
      { ids, reason, ...(lastMonth && { lastMonth }), ...(note.trim() && { note: note.trim() }) },
      {
        onSuccess: (r) => {
          notifications.show({ color: 'teal', message: t('verification.ended', { n: formatNumber(r.ended, locale) }) });
          onDone();
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('verification.endTitle', { n: formatNumber(ids.length, locale) })}
    >
      <form onSubmit={save} noValidate>
        <Stack gap="md">
          <LabelledSelect
            label={t('verification.endReason')}
            data={END_REASONS.map((r) => ({ value: r, label: t(`enrollment.end.${r}`) }))}
            value={reason}
            onChange={(v) => v && setReason(v as EndReason)}
            allowDeselect={false}
          />
          <TextInput
            label={t('verification.lastMonth')}
            description={t('verification.lastMonthHint')}
            type="month"
            value={lastMonth}
            onChange={(e) => setLastMonth(e.currentTarget.value)}
          />
          <Textarea
            label={t('verification.endNote')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          {end.error ? (
            <Text size="sm" c="red" role="alert">
              {errorMessage(end.error, t)}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={end.isPending}>
              {t('verification.endConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
