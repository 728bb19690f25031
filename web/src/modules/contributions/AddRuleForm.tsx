// Adding an effective-dated contribution rule row (rate, amount, cap or income) with its legal basis; the server checks
// overlaps and gaps and answers in the person's language.
import { Alert, Button, Group, List, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { RuleCreate } from '../../../../lib/contracts/contributions.ts';
import { ApiError, fieldErrors } from '../../app/api.ts';
import { useLocale } from '../../app/i18n.ts';
import { ErrorAlert, errorMessage } from '../../ui/ErrorAlert.tsx';
import { formatDate, formatNumber, wholeNumberInput } from '../../ui/format.ts';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { positiveInt, type NumberValue } from './calculator-form.ts';
import { useAddRule, useRules } from './contributions-api.ts';
import { useContributionsText } from './contributions-text.ts';
import { DateField } from '../../ui/DateField.tsx';

const FORM_KINDS = ['rate', 'amount', 'cap', 'income'] as const;
type FormKind = (typeof FORM_KINDS)[number];

type FormValues = {
  key: string;
  scope: string;
  validFrom: string;
  validTo: string;
  citation: string;
  note: string;
  kind: FormKind | null;
  percent: NumberValue;
  rupiah: NumberValue;
  earningsFrom: NumberValue;
};

type FieldName = 'key' | 'scope' | 'validFrom' | 'validTo' | 'citation' | 'note' | 'value';

/** 0,24 (%) → 24 bp; null when empty or not a number. */
function percentToBp(value: NumberValue): number | null {
  const n = typeof value === 'number' ? value : Number(value.replace(',', '.'));
  if (typeof value === 'string' && value.trim() === '') return null;
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 100) : null;
}

export function AddRuleForm({ onDone, national }: { onDone: () => void; national: boolean }) {
  const t = useContributionsText();
  const ct = useContributionsText();
  const [locale] = useLocale();
  const add = useAddRule();
  const all = useRules({});
  const [values, setValues] = useState<FormValues>({
    key: '',
    scope: '',
    validFrom: '',
    validTo: '',
    citation: '',
    note: '',
    kind: null,
    percent: '',
    rupiah: '',
    earningsFrom: '',
  });
  const [missing, setMissing] = useState<Partial<Record<FieldName, boolean>>>({});
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const key = values.key.trim();
  const existing = (all.data?.items ?? []).filter((r) => r.key === key);
  const existingKinds = [...new Set(existing.map((r) => r.value.kind))];
  const serverErrors = fieldErrors<FieldName>(add.error);
  const fieldError = (name: FieldName) => (missing[name] ? t('rules.form.required') : serverErrors[name]);
  const bp = values.kind === 'rate' ? percentToBp(values.percent) : null;

  // The refusal appears at the foot of a long form: bring it into view so the admin reads why.
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (add.error) errorRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [add.error]);

  const knownKind = (name: string): FormKind | undefined => {
    const trimmed = name.trim();
    const kinds = [...new Set((all.data?.items ?? []).filter((r) => r.key === trimmed).map((r) => r.value.kind))];
    return kinds.find((k): k is FormKind => (FORM_KINDS as readonly string[]).includes(k));
  };
  const onKeyChange = (next: string) => {
    const known = knownKind(next);
    // A key already in the table keeps its kind (the server refuses another): choose it for the admin.
    setValues((v) => ({ ...v, key: next, kind: known ?? v.kind }));
  };
  // The rule list may arrive after the key was typed (a slow connection): choose the kind then.
  const lateKind = values.kind === null ? knownKind(values.key) : undefined;
  useEffect(() => {
    if (lateKind) setValues((v) => (v.kind === null ? { ...v, kind: lateKind } : v));
  }, [lateKind]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value: RuleCreate['value'] | null =
      values.kind === 'rate'
        ? bp === null
          ? null
          : { kind: 'rate', bp }
        : values.kind
          ? (() => {
              const rupiah = positiveInt(values.rupiah);
              if (rupiah === null) return null;
              if (values.kind !== 'income') return { kind: values.kind, rupiah };
              const from = typeof values.earningsFrom === 'number' ? values.earningsFrom : null;
              return from === null ? { kind: 'income', rupiah } : { kind: 'income', rupiah, earningsFrom: from };
            })()
          : null;
    const empty: Partial<Record<FieldName, boolean>> = {
      ...(!key && { key: true }),
      ...(!values.validFrom && { validFrom: true }),
      ...(!values.citation.trim() && { citation: true }),
      ...(!value && { value: true }),
    };
    setMissing(empty);
    if (Object.keys(empty).length > 0 || !value) return;
    add.mutate(
      {
        key,
        scope: values.scope.trim(),
        validFrom: values.validFrom,
        validTo: values.validTo || null,
        citation: values.citation.trim(),
        note: values.note.trim(),
        value,
      },
      {
        onSuccess: (created) => {
          notifications.show({
            color: 'teal',
            message: [
              t('rules.created', { key: created.rule.key, date: formatDate(created.rule.validFrom, locale) }),
              created.closed?.validTo ? t('rules.closed', { date: formatDate(created.closed.validTo, locale) }) : '',
            ]
              .filter(Boolean)
              .join(' '),
          });
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {!national && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} role="note">
            {t('rules.form.nationalOnly')}
          </Alert>
        )}
        <TextInput
          label={t('rules.form.key')}
          description={t('rules.form.keyHint')}
          autoCapitalize="none"
          spellCheck={false}
          autoComplete="off"
          value={values.key}
          onChange={(e) => onKeyChange(e.currentTarget.value)}
          error={fieldError('key')}
        />
        {existingKinds.length > 0 && (
          <Text size="sm" c="dimmed" role="status">
            {t('rules.form.existing', {
              count: existing.length,
              kinds: existingKinds.map((k) => t(`rules.kindName.${k}`)).join(', '),
            })}
          </Text>
        )}
        <TextInput
          label={t('rules.form.scope')}
          description={t('rules.form.scopeHint')}
          autoCapitalize="none"
          spellCheck={false}
          autoComplete="off"
          value={values.scope}
          onChange={(e) => set('scope', e.currentTarget.value)}
          error={fieldError('scope')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <DateField
            label={t('rules.form.validFrom')}
            value={values.validFrom}
            onChange={(v) => set('validFrom', v)}
            error={fieldError('validFrom')}
          />
          <DateField
            label={t('rules.form.validTo')}
            description={t('rules.form.validToHint')}
            value={values.validTo}
            minDate={values.validFrom || undefined}
            onChange={(v) => set('validTo', v)}
            error={fieldError('validTo')}
          />
        </SimpleGrid>
        <TextInput
          label={ct('rules.form.citation')}
          description={ct('rules.form.citationHint')}
          autoComplete="off"
          value={values.citation}
          onChange={(e) => set('citation', e.currentTarget.value)}
          error={fieldError('citation')}
        />
        <Textarea
          label={ct('rules.form.note')}
          description={ct('rules.form.noteHint')}
          autosize
          minRows={2}
          maxRows={6}
          value={values.note}
          onChange={(e) => set('note', e.currentTarget.value)}
          error={fieldError('note')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <LabelledSelect
            label={t('rules.form.kind')}
            data={FORM_KINDS.map((k) => ({ value: k, label: t(`rules.kind.${k}`) }))}
            value={values.kind}
            onChange={(v) => set('kind', (v as FormKind | null) ?? null)}
            allowDeselect={false}
            error={!values.kind ? fieldError('value') : undefined}
          />
          {values.kind === 'rate' ? (
            <NumberInput
              label={t('rules.form.percent')}
              description={bp !== null ? t('rules.form.bp', { bp: formatNumber(bp, locale) }) : undefined}
              decimalScale={2}
              allowNegative={false}
              decimalSeparator={locale === 'id' ? ',' : '.'}
              thousandSeparator={locale === 'id' ? '.' : ','}
              hideControls
              max={100}
              rightSection={<Text size="sm">%</Text>}
              value={values.percent}
              onChange={(v) => set('percent', v)}
              error={fieldError('value')}
            />
          ) : values.kind ? (
            <NumberInput
              label={t('rules.form.rupiah')}
              {...wholeNumberInput(locale)}
              hideControls
              leftSection={<Text size="sm">Rp</Text>}
              value={values.rupiah}
              onChange={(v) => set('rupiah', v)}
              error={fieldError('value')}
            />
          ) : null}
          {values.kind === 'income' && (
            <NumberInput
              label={ct('rules.form.earningsFrom')}
              {...wholeNumberInput(locale)}
              hideControls
              allowNegative={false}
              leftSection={<Text size="sm">Rp</Text>}
              value={values.earningsFrom}
              onChange={(v) => set('earningsFrom', v)}
            />
          )}
        </SimpleGrid>
        {existingKinds.length > 0 && !existingKinds.some((k) => (FORM_KINDS as readonly string[]).includes(k)) && (
          <Text size="sm" c="dimmed">
            {t('rules.form.otherKinds')}
          </Text>
        )}

        {add.error ? (
          <Alert
            ref={errorRef}
            color="red"
            variant="light"
            title={t('rules.form.errorTitle')}
            icon={<IconAlertCircle aria-hidden />}
            role="alert"
          >
            <Text size="sm">{errorMessage(add.error, t)}</Text>
            {add.error instanceof ApiError && add.error.issues.length > 0 && (
              <List size="sm" mt={4}>
                {add.error.issues.map((issue) => (
                  <List.Item key={`${issue.path}:${issue.message}`}>
                    {issue.path.replace(/^body\./, '')}: {issue.message}
                  </List.Item>
                ))}
              </List>
            )}
          </Alert>
        ) : null}
        {all.isError && <ErrorAlert error={all.error} />}

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('rules.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
