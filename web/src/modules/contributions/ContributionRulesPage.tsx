// The administrators' contribution rule table: filter by key prefix and date, see each row's status and basis; a new
// row is added with AddRuleForm.tsx.
import { Alert, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconFilterOff, IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { RuleRow } from '../../../../lib/contracts/contributions.ts';
import { useLocale } from '../../app/i18n.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { useCurrentUser } from '../../app/session.tsx';
import { DebouncedTextInput } from '../../ui/DebouncedTextInput.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDate, formatNumber } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useUrlFilters } from '../../ui/url-state.ts';
import { useRules } from './contributions-api.ts';
import { useContributionsText } from './contributions-text.ts';
import { formatRuleValue, ruleStatus, todayInJakarta } from './rule-format.ts';
import { DateField } from '../../ui/DateField.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { AddRuleForm } from './AddRuleForm.tsx';

const FILTER_KEYS = ['prefix', 'date'] as const;

const STATUS_COLOR = { active: 'teal', ended: 'gray', future: 'blue' } as const;

function byKey(a: RuleRow, b: RuleRow): number {
  return (
    a.key.localeCompare(b.key) ||
    a.scope.localeCompare(b.scope, undefined, { numeric: true }) ||
    a.validFrom.localeCompare(b.validFrom)
  );
}

export function ContributionRulesPage() {
  const t = useContributionsText();
  const ct = useContributionsText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const { values, setFilters, clear, filtered } = useUrlFilters(FILTER_KEYS);
  const rules = useRules({ prefix: values.prefix || undefined, date: values.date || undefined });
  const [adding, setAdding] = useState(false);
  const today = todayInJakarta();

  const rows = rules.data ? [...rules.data.items].sort(byKey) : undefined;
  const groups: { key: string; rows: RuleRow[] }[] = [];
  for (const row of rows ?? []) {
    const last = groups[groups.length - 1];
    if (last && last.key === row.key) last.rows.push(row);
    else groups.push({ key: row.key, rows: [row] });
  }

  return (
    <>
      <PageHeader
        title={t('rules.title')}
        description={t('rules.description')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
            {t('rules.add')}
          </Button>
        }
      />

      <Stack gap="md">
        <Alert
          color="blue"
          variant="light"
          icon={<IconInfoCircle aria-hidden />}
          role="note"
          title={t('rules.noteTitle')}
        >
          <Stack gap={4}>
            <Text size="sm">{t('rules.historyNote')}</Text>
            <Text size="sm">{t('rules.nationalNote')}</Text>
            {me.region !== '*' && (
              <Text size="sm" fw={600}>
                {t('rules.regionalNote', { region: me.regionLabel })}
              </Text>
            )}
          </Stack>
        </Alert>

        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
              <DebouncedTextInput
                label={t('rules.filterPrefix')}
                placeholder={t('rules.filterPrefixPlaceholder')}
                autoCapitalize="none"
                spellCheck={false}
                value={values.prefix}
                onCommit={(prefix) => setFilters({ prefix: prefix.toLowerCase() })}
              />
              <DateField label={t('rules.filterDate')} value={values.date} onChange={(v) => setFilters({ date: v })} />
            </SimpleGrid>
            <Group justify="space-between" gap="sm">
              <Text size="sm" c="dimmed" aria-live="polite">
                {rows ? t('rules.count', { rows: formatNumber(rows.length, locale), keys: groups.length }) : ''}
              </Text>
              {filtered && (
                <Button
                  variant="subtle"
                  size="xs"
                  leftSection={<IconFilterOff size={14} aria-hidden />}
                  onClick={clear}
                >
                  {t('ui.clearFilters')}
                </Button>
              )}
            </Group>

            {rules.isError && <ErrorAlert error={rules.error} onRetry={() => void rules.refetch()} />}
            {rules.isPending && <PageLoader />}
            {rows && rows.length === 0 && (
              <EmptyState
                title={t('rules.empty.title')}
                body={filtered ? t('rules.emptyFiltered.body') : t('rules.empty.body')}
                action={
                  filtered ? (
                    <Button variant="default" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={clear}>
                      {t('ui.clearFilters')}
                    </Button>
                  ) : undefined
                }
              />
            )}
            {rows && rows.length > 0 && (
              <TableScroll label={t('rules.table')} minWidth={900}>
                <Table
                  aria-label={t('rules.table')}
                  aria-busy={rules.isPlaceholderData || undefined}
                  verticalSpacing="sm"
                  style={{ opacity: rules.isPlaceholderData ? 0.6 : 1 }}
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('rules.col.scope')}</Table.Th>
                      <Table.Th scope="col">{t('rules.col.value')}</Table.Th>
                      <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
                        {t('calc.rules.col.from')}
                      </Table.Th>
                      <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
                        {t('calc.rules.col.to')}
                      </Table.Th>
                      <Table.Th scope="col">{t('rules.col.status')}</Table.Th>
                      <Table.Th scope="col">{ct('rules.col.citation')}</Table.Th>
                      <Table.Th scope="col">{ct('rules.col.note')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  {groups.map((group) => (
                    <Table.Tbody key={group.key} data-testid="rule-group">
                      <Table.Tr bg="var(--mantine-color-gray-0)">
                        <Table.Th scope="rowgroup" colSpan={7}>
                          <Text ff="monospace" fw={700} size="sm">
                            {group.key}
                          </Text>
                        </Table.Th>
                      </Table.Tr>
                      {group.rows.map((r) => {
                        const status = ruleStatus(r, today);
                        return (
                          <Table.Tr key={r.id} data-testid="rule-row">
                            <Table.Td>
                              <Text size="sm" ff={r.scope ? 'monospace' : undefined} c={r.scope ? undefined : 'dimmed'}>
                                {r.scope || t('rules.scopeAll')}
                              </Text>
                            </Table.Td>
                            <Table.Td fw={600}>{formatRuleValue(r.value, t, locale)}</Table.Td>
                            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.validFrom, locale)}</Table.Td>
                            <Table.Td style={{ whiteSpace: 'nowrap' }}>
                              {r.validTo ? formatDate(r.validTo, locale) : t('calc.rules.open')}
                            </Table.Td>
                            <Table.Td style={{ whiteSpace: 'nowrap' }}>
                              <Badge
                                color={STATUS_COLOR[status]}
                                variant="light"
                                tt="none"
                                styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}
                              >
                                {t(`rules.status.${status}`)}
                              </Badge>
                            </Table.Td>
                            <Table.Td data-testid="rule-citation">
                              <Text size="xs">{r.citation}</Text>
                            </Table.Td>
                            <Table.Td data-testid="rule-note">
                              <Text size="xs" c="dimmed">
                                {r.note ?? ct('rules.noteHidden')}{' '}
                                {r.unconfirmed && (
                                  <Badge
                                    size="xs"
                                    color="yellow"
                                    variant="light"
                                    tt="none"
                                    leftSection={<IconAlertTriangle size={11} aria-hidden />}
                                  >
                                    {t('rules.uncertain')}
                                  </Badge>
                                )}
                              </Text>
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  ))}
                </Table>
              </TableScroll>
            )}
          </Stack>
        </Paper>
      </Stack>

      <Modal
        opened={adding}
        onClose={() => setAdding(false)}
        title={t('rules.form.title')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('app.close') }}
      >
        {adding && <AddRuleForm onDone={() => setAdding(false)} national={me.region === '*'} />}
      </Modal>
    </>
  );
}
