import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlarm, IconDownload, IconReceipt, IconRefresh } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import {
  BILL_MANAGERS,
  BILL_STATUSES,
  type Bill,
  type BillStatus,
  type Payment,
} from '../../../../lib/contracts/billing.ts';
import { todayWib } from '../../../../lib/rules/eligibility.ts';
import { dateName, monthName } from '../../../../lib/rules/lapse.ts';
import { useLocale, useT } from '../../app/i18n.ts';
import { ROUTES } from '../../app/routes.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { DataTable, type Column, queryState } from '../../ui/DataTable.tsx';
import { EmptyState, NoMatchState } from '../../ui/EmptyState.tsx';
import { errorMessage } from '../../ui/ErrorAlert.tsx';
import { formatNumber, wholeNumberInput, formatRupiah, formatRupiahShort } from '../../ui/format.ts';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useUrlFilters } from '../../ui/url-state.ts';
import { usePrograms } from '../programs/programs-api.ts';
import {
  BILLS_PAGE_SIZE,
  billsXlsxUrl,
  PAYMENTS_PAGE_SIZE,
  useBills,
  useGenerateBills,
  usePayments,
  useRecordPayment,
} from './billing-api.ts';
import { useBillingText, type BillingT } from './billing-text.ts';
import { DateField } from '../../ui/DateField.tsx';
import { Figure } from '../../ui/Figure.tsx';

export function StatusBadge({ bill, bt }: { bill: Bill; bt: BillingT }) {
  const color = bill.status === 'paid' ? 'teal' : bill.overdue ? 'red' : bill.status === 'partial' ? 'yellow' : 'gray';
  return (
    <Stack gap={4} align="flex-start">
      <Badge color={color} variant="light" tt="none" size="md">
        {bt(`billing.status.${bill.status}`)}
      </Badge>
      {bill.overdue && (
        <Badge color="red" variant="outline" tt="none" size="md">
          {bt('billing.overdue')}
        </Badge>
      )}
    </Stack>
  );
}

export function BillingPage() {
  const t = useT();
  const bt = useBillingText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const mayPay = BILL_MANAGERS.includes(me.role);
  const { values, page, setFilters, setPage, clear, filtered } = useUrlFilters([
    'programId',
    'month',
    'status',
  ] as const);
  const filters = { programId: values.programId, month: values.month, status: values.status as BillStatus | '' };
  const bills = useBills({ ...filters, page });
  const [paymentsPage, setPaymentsPage] = useState(1);
  const payments = usePayments({ programId: values.programId, page: paymentsPage });
  const programs = usePrograms({ page: 1, pageSize: 200 });
  const generate = useGenerateBills();
  const [paying, setPaying] = useState<Bill | null>(null);

  // Opening the page brings the bills up to this month (idempotent, audited only when something changes).
  const generated = useRef(false);
  useEffect(() => {
    if (!mayPay || generated.current) return;
    generated.current = true;
    generate.mutate(undefined);
  }, [mayPay, generate]);

  const refresh = () =>
    generate.mutate(undefined, {
      onSuccess: (r) =>
        notifications.show({
          color: 'teal',
          message: bt('billing.refreshed', {
            created: r.created,
            refreshed: r.refreshed,
            month: monthName(r.throughMonth, locale),
          }),
        }),
      onError: (err) => notifications.show({ color: 'red', title: t('ui.errorTitle'), message: errorMessage(err, t) }),
    });

  const columns: Column<Bill>[] = [
    {
      key: 'program',
      header: bt('billing.col.program'),
      cell: (b) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {b.programName}
          </Text>
          <Text size="xs" c="dimmed">
            {b.regionLabel}
          </Text>
        </Stack>
      ),
    },
    { key: 'month', header: bt('billing.col.month'), nowrap: true, cell: (b) => monthName(b.month, locale) },
    {
      key: 'persons',
      header: bt('billing.col.persons'),
      align: 'right',
      nowrap: true,
      cell: (b) => (
        <Stack gap={0} align="flex-end">
          <Text size="sm">{formatNumber(b.persons, locale)}</Text>
          <Text size="xs" c="dimmed">
            {/* A PU programme's lines are each person's own price: the bill is not persons × one price. */}
            {b.amount === b.persons * b.pricePerPerson ? `× ${formatRupiah(b.pricePerPerson)}` : bt('billing.ownWages')}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'amount',
      header: bt('billing.col.amount'),
      align: 'right',
      nowrap: true,
      cell: (b) => formatRupiah(b.amount),
    },
    { key: 'paid', header: bt('billing.col.paid'), align: 'right', nowrap: true, cell: (b) => formatRupiah(b.paid) },
    {
      key: 'outstanding',
      header: bt('billing.col.outstanding'),
      align: 'right',
      nowrap: true,
      cell: (b) => formatRupiah(b.outstanding),
    },
    { key: 'due', header: bt('billing.col.due'), nowrap: true, cell: (b) => dateName(b.dueDate, locale) },
    {
      key: 'status',
      header: bt('billing.col.status'),
      width: 150,
      nowrap: true,
      cell: (b) => <StatusBadge bill={b} bt={bt} />,
    },
  ];
  if (mayPay) {
    columns.push({
      key: 'action',
      header: bt('billing.col.action'),
      cell: (b) =>
        b.outstanding > 0 ? (
          <Button
            size="xs"
            variant="light"
            aria-label={bt('billing.payFor', { program: b.programName, month: monthName(b.month, locale) })}
            onClick={() => setPaying(b)}
          >
            {bt('billing.pay')}
          </Button>
        ) : null,
    });
  }

  const paymentColumns: Column<Payment>[] = [
    { key: 'paidOn', header: bt('billing.col.paidOn'), nowrap: true, cell: (p) => dateName(p.paidOn, locale) },
    {
      key: 'program',
      header: bt('billing.col.program'),
      cell: (p) => `${p.programName} — ${monthName(p.month, locale)}`,
    },
    {
      key: 'amount',
      header: bt('billing.col.amount'),
      align: 'right',
      nowrap: true,
      cell: (p) => formatRupiah(p.amount),
    },
    { key: 'reference', header: bt('billing.col.reference'), cell: (p) => p.reference },
    { key: 'by', header: bt('billing.col.recordedBy'), cell: (p) => p.recordedBy },
  ];

  const totals = bills.data?.totals;
  const programOptions = [
    { value: '', label: bt('billing.filterProgramAll') },
    ...(programs.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
  ];

  return (
    <>
      <PageHeader
        title={bt('billing.title')}
        description={bt('billing.description', { region: me.regionLabel })}
        actions={
          <Group gap="sm">
            {mayPay && (
              <Button
                variant="default"
                leftSection={<IconRefresh size={18} aria-hidden />}
                loading={generate.isPending}
                onClick={refresh}
              >
                {bt('billing.refresh')}
              </Button>
            )}
            <Button
              component="a"
              href={billsXlsxUrl(filters)}
              download
              variant="default"
              leftSection={<IconDownload size={18} aria-hidden />}
            >
              {bt('billing.export')}
            </Button>
            <Button
              component={Link}
              to={ROUTES.lapseWarnings}
              variant="light"
              leftSection={<IconAlarm size={18} aria-hidden />}
            >
              {bt('billing.lapseLink')}
            </Button>
          </Group>
        }
      />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" role="group" aria-label={bt('billing.totals')}>
          {(['amount', 'paid', 'outstanding', 'arrears'] as const).map((k) => (
            <Figure
              key={k}
              testId={`bill-total-${k}`}
              label={bt(`billing.total.${k}`)}
              value={totals ? formatRupiahShort(totals[k]) : '—'}
              exact={totals ? formatRupiah(totals[k]) : '—'}
            />
          ))}
        </SimpleGrid>
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <Stack gap="md">
            <Group gap="md" align="flex-end" wrap="wrap">
              <LabelledSelect
                label={bt('billing.filterProgram')}
                data={programOptions}
                value={values.programId}
                onChange={(v) => setFilters({ programId: v ?? '' })}
                searchable
                allowDeselect={false}
                w={360}
              />
              <TextInput
                label={bt('billing.filterMonth')}
                type="month"
                value={values.month}
                onChange={(e) => setFilters({ month: e.currentTarget.value })}
                w={180}
              />
              <LabelledSelect
                label={bt('billing.filterStatus')}
                data={[
                  { value: '', label: bt('billing.status.all') },
                  ...BILL_STATUSES.map((s) => ({ value: s, label: bt(`billing.status.${s}`) })),
                ]}
                value={values.status}
                onChange={(v) => setFilters({ status: v ?? '' })}
                allowDeselect={false}
                w={200}
              />
              {totals && totals.overdueBills > 0 && (
                <Text size="sm" c="red" fw={600}>
                  {bt('billing.total.overdueBills', { n: formatNumber(totals.overdueBills, locale) })}
                </Text>
              )}
            </Group>
            <DataTable
              label={bt('billing.table')}
              columns={columns}
              rows={bills.data?.items}
              rowKey={(b) => b.id}
              total={bills.data?.total}
              page={page}
              pageSize={BILLS_PAGE_SIZE}
              onPageChange={setPage}
              {...queryState(bills)}
              minWidth={1120}
              empty={
                filtered ? (
                  <NoMatchState body={bt('billing.emptyFiltered')} onClear={clear} />
                ) : (
                  <EmptyState
                    icon={<IconReceipt size={26} stroke={1.5} />}
                    title={bt('billing.empty.title')}
                    body={bt('billing.empty.body')}
                  />
                )
              }
            />
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <Stack gap="sm">
            <Title order={2} fz="h4">
              {bt('billing.payments')}
            </Title>
            <DataTable
              label={bt('billing.paymentsTable')}
              columns={paymentColumns}
              rows={payments.data?.items}
              rowKey={(p) => p.id}
              total={payments.data?.total}
              page={paymentsPage}
              pageSize={PAYMENTS_PAGE_SIZE}
              onPageChange={setPaymentsPage}
              loading={payments.isPending}
              error={payments.error}
              onRetry={() => void payments.refetch()}
              minWidth={760}
              empty={<EmptyState title={bt('billing.paymentsTable')} body={bt('billing.paymentsEmpty')} />}
            />
          </Stack>
        </Paper>
      </Stack>
      {paying && <PaymentDialog bill={paying} onClose={() => setPaying(null)} />}
    </>
  );
}

function PaymentDialog({ bill, onClose }: { bill: Bill; onClose: () => void }) {
  const t = useT();
  const bt = useBillingText();
  const [locale] = useLocale();
  const record = useRecordPayment();
  const [paidOn, setPaidOn] = useState(todayWib(new Date()));
  const [amount, setAmount] = useState<number | ''>(bill.outstanding);
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const money = wholeNumberInput(locale);
  const issue = (field: string) => {
    const err = record.error as { issues?: readonly { path: string; message: string }[] } | null;
    return err?.issues?.find((i) => i.path.endsWith(field))?.message;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate(
      {
        billId: bill.id,
        payment: { paidOn, amount: amount === '' ? 0 : amount, reference, ...(note.trim() && { note }) },
      },
      {
        onSuccess: (r) => {
          notifications.show({
            color: 'teal',
            message: [
              bt('billing.paid', {
                amount: formatRupiah(r.payment.amount),
                status: bt(`billing.status.${r.bill.status}`),
              }),
              r.paidThroughAdvanced > 0
                ? bt('billing.paidAdvanced', { n: formatNumber(r.paidThroughAdvanced, locale) })
                : '',
            ]
              .filter(Boolean)
              .join(' '),
          });
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={bt('billing.payFor', { program: bill.programName, month: monthName(bill.month, locale) })}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {bt('billing.dialog.remaining', {
              remaining: formatRupiah(bill.outstanding),
              amount: formatRupiah(bill.amount),
            })}
          </Text>
          <DateField
            label={bt('billing.dialog.paidOn')}
            description={bt('billing.dialog.paidOnHint')}
            value={paidOn}
            onChange={(v) => setPaidOn(v)}
            error={issue('paidOn')}
            required
          />
          <NumberInput
            label={bt('billing.dialog.amount')}
            description={bt('billing.dialog.amountHint')}
            prefix="Rp"
            {...money}
            allowDecimal={false}
            allowNegative={false}
            value={amount}
            onChange={(v) => setAmount(typeof v === 'number' ? v : '')}
            error={issue('amount')}
            required
          />
          <Anchor component="button" type="button" size="sm" onClick={() => setAmount(bill.outstanding)}>
            {bt('billing.dialog.payAll')}
          </Anchor>
          <TextInput
            label={bt('billing.dialog.reference')}
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            error={issue('reference')}
            required
          />
          <TextInput label={bt('billing.dialog.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          {record.error && !issue('paidOn') && !issue('amount') && !issue('reference') && (
            <Text c="red" size="sm" role="alert">
              {errorMessage(record.error, t)}
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {bt('billing.dialog.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
