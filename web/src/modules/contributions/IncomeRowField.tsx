// The BPU declared income (PP 44/2015 Lampiran II) as a choice of the table's rows in force on a date, each with the
// range of actual income it stands for, plus an optional actual-income field that picks the row. Used by the
// calculator and the programme form, so both offer the same rows.
import { NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { incomeBrackets } from '../../../../lib/rules/contributions.ts';
import { formatRupiah } from '../../../../lib/rules/money.ts';
import { useLocale } from '../../app/i18n.ts';
import { wholeNumberInput } from '../../ui/format.ts';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { useRules } from './contributions-api.ts';
import { useContributionsText } from './contributions-text.ts';

export function IncomeRowField({
  date,
  value,
  onChange,
  label,
  description,
  error,
}: {
  /** The day whose income table applies (YYYY-MM-DD); empty or invalid: no rows yet. */
  date: string;
  /** The chosen declared income in rupiah, as text ('' while none). */
  value: string;
  onChange: (income: string) => void;
  label: string;
  description: string;
  error?: string | undefined;
}) {
  const ct = useContributionsText();
  const [locale] = useLocale();
  const [earnings, setEarnings] = useState<number | ''>('');
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const rules = useRules({ key: 'bpu.income.row', date: validDate ? date : undefined }, { enabled: validDate });
  const rows = rules.data?.items ?? [];
  const brackets = validDate ? incomeBrackets(rows, date) : [];

  const options = new Map<number, string>();
  for (const b of brackets) {
    const amount = formatRupiah(b.income);
    const from = formatRupiah(b.earningsFrom);
    options.set(
      b.income,
      b.earningsTo === null
        ? ct('income.optionOpen', { amount, from })
        : b.earningsFrom === 0
          ? ct('income.optionFirst', { amount, to: formatRupiah(b.earningsTo) })
          : ct('income.option', { amount, from, to: formatRupiah(b.earningsTo) }),
    );
  }
  // Rows recorded without a range (older tables) are still offered, by their amount.
  for (const r of rows) {
    if (r.value.kind === 'income' && !options.has(r.value.rupiah)) {
      options.set(r.value.rupiah, ct('income.optionPlain', { amount: formatRupiah(r.value.rupiah) }));
    }
  }
  // Keep the chosen value visible even on a date without the row: the quote then explains the gap.
  if (value && !options.has(Number(value))) options.set(Number(value), formatRupiah(Number(value)));
  const data = [...options.entries()].sort(([a], [b]) => a - b).map(([v, l]) => ({ value: String(v), label: l }));

  const matched =
    earnings === '' ? undefined : brackets.findLast((b) => b.earningsFrom <= earnings && b.income === Number(value));

  return (
    <Stack gap="xs">
      <NumberInput
        label={ct('income.earnings')}
        description={ct('income.earningsHint')}
        prefix="Rp"
        {...wholeNumberInput(locale)}
        hideControls
        inputMode="numeric"
        allowDecimal={false}
        allowNegative={false}
        value={earnings}
        onChange={(v) => {
          const n = typeof v === 'number' ? v : '';
          setEarnings(n);
          if (n === '') return;
          const bracket = brackets.findLast((b) => b.earningsFrom <= n);
          if (bracket) onChange(String(bracket.income));
        }}
      />
      {earnings !== '' && (
        <Text size="sm" c={matched ? undefined : 'dimmed'} data-testid="income-row-match" aria-live="polite">
          {matched
            ? ct('income.earningsRow', { row: matched.row.scope, amount: formatRupiah(matched.income) })
            : brackets.length === 0
              ? ct('income.earningsNoRow')
              : ''}
        </Text>
      )}
      <LabelledSelect
        label={label}
        description={description}
        data={data}
        value={value || null}
        onChange={(v) => v && onChange(v)}
        allowDeselect={false}
        error={error}
      />
    </Stack>
  );
}
