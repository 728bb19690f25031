// The claim's stage, its next steps (only those the server's state machine offers this user), the assignee, the
// cover letter, the decision, the heir's receipt and the timeline (issue 15 §5, §7).
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { ClaimWorkflow } from '../../../../lib/contracts/claims-workflow.ts';
import { RETURN_REASONS, type ClaimAction, type ReturnReason } from '../../../../lib/rules/claim-workflow.ts';
import { dateName } from '../../../../lib/rules/lapse.ts';
import { useLocale } from '../../app/i18n.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime, formatRupiah } from '../../ui/format.ts';
import { coverLetterUrl, useAssign, useReceipt, useTransition, useWorkflow } from './claims-api.ts';
import { useClaimsText } from './claims-text.ts';

const HANDED = ['handed', 'paid', 'rejected', 'closed'];

function Steps({ claimId, wf }: { claimId: string; wf: ClaimWorkflow }) {
  const ct = useClaimsText();
  const step = useTransition(claimId);
  const [reason, setReason] = useState<ReturnReason | null>(null);
  const [amount, setAmount] = useState<number | string>('');
  const [rejectReason, setRejectReason] = useState('');
  const simple = wf.actions.filter((a): a is 'complete' | 'hand' | 'close' =>
    ['complete', 'hand', 'close'].includes(a),
  );
  const has = (a: ClaimAction) => wf.actions.includes(a);
  if (wf.actions.length === 0) return <Text size="sm">{ct('wf.noActions')}</Text>;
  return (
    <Stack gap="sm">
      {simple.length > 0 && (
        <Group gap="xs">
          {simple.map((a) => (
            <Button key={a} loading={step.isPending} onClick={() => step.mutate({ action: a })}>
              {ct(`action.${a}`)}
            </Button>
          ))}
        </Group>
      )}
      {has('pay') && (
        <Group align="end" gap="xs">
          <NumberInput
            label={ct('wf.amount')}
            value={amount}
            onChange={setAmount}
            min={1}
            thousandSeparator="."
            decimalSeparator=","
            allowDecimal={false}
          />
          <Button
            color="teal"
            loading={step.isPending}
            disabled={typeof amount !== 'number' || amount <= 0}
            onClick={() => step.mutate({ action: 'pay', amount: Number(amount) })}
          >
            {ct('action.pay')}
          </Button>
        </Group>
      )}
      {has('reject') && (
        <Group align="end" gap="xs">
          <TextInput
            label={ct('wf.rejectReason')}
            value={rejectReason}
            onChange={(e) => setRejectReason(e.target.value)}
          />
          <Button
            color="red"
            variant="light"
            loading={step.isPending}
            disabled={rejectReason.trim().length < 3}
            onClick={() => step.mutate({ action: 'reject', reason: rejectReason.trim() })}
          >
            {ct('action.reject')}
          </Button>
        </Group>
      )}
      {has('return') && (
        <Group align="end" gap="xs">
          <Select
            label={ct('wf.returnReason')}
            data={RETURN_REASONS.map((r) => ({ value: r, label: ct(`reason.${r}`) }))}
            value={reason}
            onChange={(v) => setReason(v as ReturnReason | null)}
          />
          <Button
            variant="default"
            loading={step.isPending}
            disabled={!reason}
            onClick={() => reason && step.mutate({ action: 'return', reason })}
          >
            {ct('action.return')}
          </Button>
        </Group>
      )}
      {step.error && <ErrorAlert error={step.error} />}
    </Stack>
  );
}

function Assignee({ claimId, wf }: { claimId: string; wf: ClaimWorkflow }) {
  const ct = useClaimsText();
  const change = useAssign(claimId);
  const [name, setName] = useState(wf.assignee ?? '');
  return (
    <Stack gap={4}>
      <Group align="end" gap="xs">
        <TextInput label={ct('wf.assigneeLabel')} value={name} onChange={(e) => setName(e.target.value)} />
        <Button
          variant="default"
          loading={change.isPending}
          disabled={wf.stage === 'closed'}
          onClick={() => change.mutate({ assignee: name.trim() || null })}
        >
          {ct('wf.assign')}
        </Button>
      </Group>
      {change.error && <ErrorAlert error={change.error} />}
    </Stack>
  );
}

function Receipt({ claimId, wf }: { claimId: string; wf: ClaimWorkflow }) {
  const ct = useClaimsText();
  const [locale] = useLocale();
  const save = useReceipt(claimId);
  const [received, setReceived] = useState(false);
  const [feeAsked, setFeeAsked] = useState(false);
  const [note, setNote] = useState('');
  const yes = (b: boolean) => (b ? ct('receipt.yes') : ct('receipt.no'));
  return (
    <Stack gap="xs" component="section" aria-labelledby="claim-receipt">
      <Title order={3} fz="h5" id="claim-receipt">
        {ct('receipt.title')}
      </Title>
      {wf.receipt ? (
        <Text size="sm" data-testid="claim-receipt">
          {ct('receipt.done', {
            received: yes(wf.receipt.received),
            fee: yes(wf.receipt.feeAsked),
            by: wf.receipt.by,
            at: formatDateTime(wf.receipt.at, locale),
          })}
        </Text>
      ) : wf.canRecordReceipt ? (
        <>
          <Checkbox label={ct('receipt.received')} checked={received} onChange={(e) => setReceived(e.target.checked)} />
          <Checkbox label={ct('receipt.feeAsked')} checked={feeAsked} onChange={(e) => setFeeAsked(e.target.checked)} />
          <TextInput label={ct('wf.note')} value={note} onChange={(e) => setNote(e.target.value)} />
          <Group>
            <Button
              loading={save.isPending}
              onClick={() => save.mutate({ received, feeAsked, ...(note.trim() ? { note: note.trim() } : {}) })}
            >
              {ct('receipt.save')}
            </Button>
          </Group>
          {save.error && <ErrorAlert error={save.error} />}
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {ct('receipt.wait')}
        </Text>
      )}
    </Stack>
  );
}

export function ClaimWorkflowPanel({ claimId }: { claimId: string }) {
  const ct = useClaimsText();
  const [locale] = useLocale();
  const workflow = useWorkflow(claimId);
  if (workflow.error) return <ErrorAlert error={workflow.error} onRetry={() => void workflow.refetch()} />;
  if (!workflow.data) return <PageLoader />;
  const wf = workflow.data;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="claim-workflow">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="claim-workflow">
          {ct('wf.title')}
        </Title>
        <Group gap="xs">
          <Text size="sm">{ct('col.stage')}:</Text>
          <Badge size="lg" variant="light" data-testid="claim-stage">
            {ct(`stage.${wf.stage}`)}
          </Badge>
          <Text size="sm">
            {ct('wf.assignee')}: <span data-testid="claim-assignee">{wf.assignee ?? ct('wf.none')}</span>
          </Text>
        </Group>
        {wf.slaDueOn && (
          <Group gap="xs" data-testid="claim-sla">
            <Text size="sm">{ct('wf.slaDue', { date: dateName(wf.slaDueOn, locale) })}</Text>
            {wf.slaBreached && (
              <Badge color="red" variant="light">
                {ct('wf.slaBreached')}
              </Badge>
            )}
          </Group>
        )}
        {wf.reportDueOn && (
          <Group gap="xs" data-testid="claim-report-due">
            <Text size="sm">{ct('wf.reportDue', { date: dateName(wf.reportDueOn, locale) })}</Text>
            {wf.reportBreached && (
              <Badge color="red" variant="light">
                {ct('wf.reportLate')}
              </Badge>
            )}
          </Group>
        )}
        {wf.returnedReason && wf.stage === 'returned' && (
          <Text size="sm">{ct('wf.returned', { reason: ct(`reason.${wf.returnedReason}`) })}</Text>
        )}
        {wf.paidAmount !== null && wf.decidedOn && (
          <Text size="sm" data-testid="claim-paid">
            {ct('wf.paid', { amount: formatRupiah(wf.paidAmount, locale), date: dateName(wf.decidedOn, locale) })}
          </Text>
        )}
        {wf.rejectedReason && <Text size="sm">{ct('wf.rejected', { reason: wf.rejectedReason })}</Text>}
        {HANDED.includes(wf.stage) && (
          <Anchor href={coverLetterUrl(claimId)} download size="sm">
            {ct('wf.coverLetter')}
          </Anchor>
        )}
        <Steps key={wf.stage} claimId={claimId} wf={wf} />
        <Assignee key={wf.assignee ?? ''} claimId={claimId} wf={wf} />
        <Receipt claimId={claimId} wf={wf} />
        <Title order={3} fz="h5" id="claim-timeline">
          {ct('wf.timeline')}
        </Title>
        <Timeline
          bulletSize={14}
          lineWidth={2}
          active={wf.events.length}
          role="group"
          aria-labelledby="claim-timeline"
          data-testid="claim-timeline"
        >
          <Timeline.Item title={ct('stage.reported')} />
          {wf.events.map((e) => (
            <Timeline.Item
              key={e.id}
              title={
                e.action === 'assign' || e.action === 'receipt' ? ct(`action.${e.action}`) : ct(`stage.${e.toStage}`)
              }
            >
              <Text size="xs" c="dimmed">
                {e.actor}, {formatDateTime(e.at, locale)}
              </Text>
              {e.action === 'assign' && <Text size="xs">{e.note ?? ct('wf.none')}</Text>}
              {e.action === 'return' && e.reason && <Text size="xs">{ct(`reason.${e.reason as ReturnReason}`)}</Text>}
              {e.action === 'reject' && e.reason && <Text size="xs">{e.reason}</Text>}
              {e.amount !== null && <Text size="xs">{formatRupiah(e.amount, locale)}</Text>}
              {e.note && e.action !== 'assign' && <Text size="xs">{e.note}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
    </Paper>
  );
}
