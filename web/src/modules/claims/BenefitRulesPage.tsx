// `/klaim/aturan-manfaat`: the benefit rule rows with their dates and legal basis (everyone who reads claims);
// administrators append a row of an existing rule (a single figure: Rupiah, times the wage, or months). Tiered and
// care rules are shown, and changed through the API only.
import { Button, Group, NumberInput, Paper, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { CERTAINTIES } from '../../../../lib/contracts/claims-rules.ts';
import type { BenefitRuleValue } from '../../../../lib/rules/benefits-entitlement.ts';
import { dateName } from '../../../../lib/rules/lapse.ts';
import { useLocale } from '../../app/i18n.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { useCurrentUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatNumber, formatRupiah } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { useAddBenefitRule, useBenefitRules } from './claims-api.ts';
import { useClaimsText } from './claims-text.ts';
import { ClaimsTabs } from './claims-ui.tsx';

type Simple = Extract<BenefitRuleValue, { kind: 'rupiah' | 'multiple' | 'months' }>['kind'];

function valueOf(kind: Simple, n: number): BenefitRuleValue {
  if (kind === 'rupiah') return { kind, rupiah: n };
  if (kind === 'multiple') return { kind, times: n };
  return { kind, months: n };
}

export function BenefitRulesPage() {
  const ct = useClaimsText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const rules = useBenefitRules();
  const add = useAddBenefitRule();
  const [key, setKey] = useState<string | null>(null);
  const [validFrom, setValidFrom] = useState('');
  const [amount, setAmount] = useState<number | string>('');
  const [legalBasis, setLegalBasis] = useState('');
  const [note, setNote] = useState('');
  const [certainty, setCertainty] = useState<string | null>('verified');
  if (rules.error) return <ErrorAlert error={rules.error} onRetry={() => void rules.refetch()} />;
  if (!rules.data) return <PageLoader />;
  const items = rules.data.items;
  const kinds = new Map<string, Simple>();
  for (const r of items) {
    if (r.value.kind === 'rupiah' || r.value.kind === 'multiple' || r.value.kind === 'months')
      kinds.set(r.key, r.value.kind);
  }
  const show = (v: BenefitRuleValue) =>
    v.kind === 'rupiah'
      ? formatRupiah(v.rupiah, locale)
      : v.kind === 'multiple'
        ? ct('rules.times', { n: formatNumber(v.times, locale) })
        : v.kind === 'months'
          ? ct('rules.months', { n: formatNumber(v.months, locale) })
          : v.kind === 'tiers'
            ? `${ct('rules.tiers')}: ${v.tiers.map((t) => `${t.months ?? '…'} × ${formatNumber(t.bp / 100, locale)}%`).join(', ')}`
            : v.kind === 'days'
              ? ct(v.working ? 'rules.workingDays' : 'rules.days', { n: formatNumber(v.days, locale) })
              : ct('rules.care');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const kind = key ? kinds.get(key) : undefined;
    if (!key || !kind || typeof amount !== 'number') return;
    add.mutate(
      {
        key,
        validFrom,
        legalBasis: legalBasis.trim(),
        note: note.trim(),
        certainty: (certainty ?? 'verified') as (typeof CERTAINTIES)[number],
        value: valueOf(kind, amount),
      },
      { onSuccess: () => (setValidFrom(''), setAmount(''), setLegalBasis(''), setNote('')) },
    );
  };
  return (
    <>
      <PageHeader title={ct('rules.title')} description={ct('rules.description')} />
      <ClaimsTabs />
      <Stack gap="lg">
        {me.role === 'admin' && (
          <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} aria-labelledby="rule-add">
            <Stack gap="sm">
              <Title order={2} fz="h4" id="rule-add">
                {ct('rules.add')}
              </Title>
              <Group align="end" wrap="wrap">
                <Select
                  label={ct('rules.key')}
                  data={[...kinds.keys()]}
                  value={key}
                  onChange={setKey}
                  searchable
                  required
                />
                <TextInput
                  type="date"
                  label={ct('rules.from')}
                  value={validFrom}
                  onChange={(e) => setValidFrom(e.target.value)}
                  required
                />
                <NumberInput label={ct('rules.amount')} value={amount} onChange={setAmount} min={0} required />
              </Group>
              <Group align="end" wrap="wrap">
                <TextInput
                  label={ct('rules.basis')}
                  value={legalBasis}
                  onChange={(e) => setLegalBasis(e.target.value)}
                  required
                />
                <Select
                  label={ct('rules.certainty')}
                  data={CERTAINTIES.map((c) => ({ value: c, label: ct(`rules.certainty.${c}`) }))}
                  value={certainty}
                  onChange={setCertainty}
                  required
                />
                <TextInput label={ct('rules.note')} value={note} onChange={(e) => setNote(e.target.value)} />
                <Button type="submit" loading={add.isPending}>
                  {ct('rules.save')}
                </Button>
              </Group>
              {add.error && <ErrorAlert error={add.error} />}
            </Stack>
          </Paper>
        )}
        <TableScroll label={ct('rules.table')} minWidth={760}>
          <Table aria-label={ct('rules.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{ct('rules.key')}</Table.Th>
                <Table.Th>{ct('rules.from')}</Table.Th>
                <Table.Th>{ct('rules.to')}</Table.Th>
                <Table.Th>{ct('rules.value')}</Table.Th>
                <Table.Th>{ct('rules.basis')}</Table.Th>
                <Table.Th>{ct('rules.certainty')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.key}</Table.Td>
                  <Table.Td>{dateName(r.validFrom, locale)}</Table.Td>
                  <Table.Td>{r.validTo ? dateName(r.validTo, locale) : ct('rules.open')}</Table.Td>
                  <Table.Td>{show(r.value)}</Table.Td>
                  <Table.Td>{r.legalBasis}</Table.Td>
                  <Table.Td>{ct(`rules.certainty.${r.certainty}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      </Stack>
    </>
  );
}
