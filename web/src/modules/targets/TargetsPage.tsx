import {
  Accordion,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Pagination,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChartBar, IconFilterOff, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import {
  TARGET_BASES,
  TARGET_EDITORS,
  WORKFORCE_KINDS,
  type TargetBasis,
  type TargetProgress,
  type WorkforceKind,
} from '../../../../lib/contracts/targets.ts';
import { ruleLabel } from '../../../../lib/rules/rule-labels.ts';
import { fieldErrors } from '../../app/api.ts';
import { useLocale, useT } from '../../app/i18n.ts';
import { useContributionsText } from '../contributions/contributions-text.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert, errorMessage } from '../../ui/ErrorAlert.tsx';
import { formatDateTime, formatNumber, formatRupiah, formatRupiahShort } from '../../ui/format.ts';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useUrlFilters } from '../../ui/url-state.ts';
import { formatMonth, formatRuleValue } from '../contributions/rule-format.ts';
import { TARGETS_PAGE_SIZE, useCreateTarget, useDeleteTarget, useTargets, useUpdateTarget } from './targets-api.ts';
import { useTargetsText, type TargetsT } from './targets-text.ts';
import { PlanningLinks, ScopeRegionSelect } from './targets-ui.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';

const pct = (n: number, locale: string) =>
  `${n.toLocaleString(locale === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 2 })}%`;

function yearOptions(): string[] {
  const now = new Date().getFullYear();
  return Array.from({ length: 7 }, (_, i) => String(now - 2 + i));
}

function TargetCard({
  target,
  onEdit,
  onDelete,
}: {
  target: TargetProgress;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const tt = useTargetsText();
  const ct = useContributionsText();
  const [locale] = useLocale();
  const name = `${tt(`kind.${target.kind}`)} ${target.regionLabel} ${target.year}`;
  const achieved = target.achievedOfTarget ?? 0;
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="article" aria-label={name}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Group gap="xs">
              <Title order={2} fz="h4">
                {tt(`kind.${target.kind}`)} {target.year}
              </Title>
              <Badge variant="light">{target.basis}</Badge>
            </Group>
            <Text size="sm">{target.regionLabel}</Text>
            {target.document && (
              <Text size="xs" c="dimmed" lang="id">
                {target.document}
              </Text>
            )}
          </Stack>
          {target.canEdit && (
            <Group gap="xs">
              <Button variant="default" size="xs" leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit}>
                {tt('targets.edit')}
              </Button>
              <Button
                variant="subtle"
                color="red"
                size="xs"
                leftSection={<IconTrash size={14} aria-hidden />}
                onClick={onDelete}
              >
                {tt('targets.delete')}
              </Button>
            </Group>
          )}
        </Group>

        {target.progressPercent === null ? (
          <Text size="sm" c="orange">
            {target.costError ?? tt('targets.noDenominator')}
          </Text>
        ) : (
          <Stack gap={4}>
            <Text size="sm" fw={600} data-testid="target-progress">
              {tt('targets.progress', {
                progress: pct(target.progressPercent, locale),
                target: pct(target.targetPercent, locale),
              })}
            </Text>
            {/* The name and value belong on the progressbar itself (the section), not on its frame. */}
            <Progress.Root size="lg">
              <Progress.Section
                value={Math.min(100, achieved)}
                aria-label={tt('targets.progressLabel', { name })}
                aria-valuetext={`${pct(achieved, locale)}`}
              />
            </Progress.Root>
          </Stack>
        )}

        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Figure
            label={tt('targets.active', { month: formatMonth(target.asOfMonth, locale) })}
            value={formatNumber(target.active)}
          />
          <Figure
            label={tt('targets.targetPersons')}
            value={target.targetPersons === null ? '—' : formatNumber(target.targetPersons)}
          />
          <Figure
            label={tt('targets.gap')}
            value={
              target.gapPersons === null
                ? '—'
                : target.gapPersons === 0
                  ? tt('targets.reached')
                  : tt('targets.gapPersons', { n: formatNumber(target.gapPersons) })
            }
            testId="target-gap"
          />
          <Figure
            label={tt('targets.monthsTo')}
            value={
              target.gapPersons === null
                ? '—'
                : target.monthsToTarget === null
                  ? tt('targets.noPace')
                  : target.monthsToTarget === 0
                    ? tt('targets.reached')
                    : tt('targets.months', { n: formatNumber(target.monthsToTarget) })
            }
            note={tt('targets.pace', { n: formatNumber(target.monthlyIncrease) })}
            testId="target-months"
          />
        </SimpleGrid>

        {target.cost && (
          <Paper bg="gray.0" radius="sm" p="sm">
            <Stack gap={4}>
              <Text size="sm" c="dimmed">
                {tt('targets.apbd')}
              </Text>
              <Tooltip label={formatRupiah(target.cost.total)}>
                <Text fz="xl" fw={700} data-testid="target-apbd" w="fit-content" tabIndex={0}>
                  {formatRupiahShort(target.cost.total)}
                </Text>
              </Tooltip>
              <Text size="sm" data-testid="apbd-formula">
                {tt('targets.apbdFormula', {
                  persons: formatNumber(target.gapPersons ?? 0),
                  price: formatRupiah(target.cost.perPersonMonth),
                  months: target.cost.months,
                  from: formatMonth(target.cost.fromMonth, locale),
                })}{' '}
                = {formatRupiah(target.cost.total)}
              </Text>
              <Text size="sm" fs="italic" data-testid="apbd-words">
                {target.cost.totalWords}
              </Text>
              <Text size="xs" c="dimmed">
                {target.cost.note}
              </Text>
              <Accordion variant="default" chevronPosition="left">
                <Accordion.Item value="rules">
                  <Accordion.Control>{tt('targets.rules')}</Accordion.Control>
                  <Accordion.Panel>
                    <TableScroll label={tt('targets.rules')} minWidth={640}>
                      <Table striped aria-label={tt('targets.rules')}>
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th>{tt('targets.rule.key')}</Table.Th>
                            <Table.Th>{tt('targets.rule.value')}</Table.Th>
                            <Table.Th>{tt('targets.rule.period')}</Table.Th>
                            <Table.Th>{tt('targets.rule.basis')}</Table.Th>
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {target.cost.rulesUsed.map((r) => (
                            <Table.Tr key={r.id}>
                              <Table.Td>
                                <Text size="xs">{ruleLabel(r.key, r.scope, locale)}</Text>
                              </Table.Td>
                              <Table.Td>{formatRuleValue(r.value, ct, locale)}</Table.Td>
                              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                                {r.validFrom} – {r.validTo ?? '…'}
                              </Table.Td>
                              <Table.Td>
                                <Text size="xs">{r.citation}</Text>
                              </Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </TableScroll>
                  </Accordion.Panel>
                </Accordion.Item>
              </Accordion>
            </Stack>
          </Paper>
        )}
        {!target.cost && target.costError && target.progressPercent !== null && (
          <Text size="sm" c="orange">
            {target.costError}
          </Text>
        )}

        <Text size="xs" c="dimmed">
          {target.denominator
            ? tt('targets.denominator', {
                persons: formatNumber(target.denominator.persons),
                year: target.denominator.year,
                source: target.denominator.source,
              })
            : tt('targets.noDenominator')}
          {' · '}
          {tt('targets.updated', { by: target.updatedBy, at: formatDateTime(target.updatedAt, locale) })}
        </Text>
      </Stack>
    </Paper>
  );
}

function Figure({ label, value, note, testId }: { label: string; value: string; note?: string; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Stack>
  );
}

type FormState = {
  region: string;
  year: string;
  kind: WorkforceKind;
  targetPercent: number | string;
  basis: TargetBasis;
  document: string;
};

function TargetForm({ editing, onClose }: { editing: TargetProgress | null; onClose: () => void }) {
  const tt = useTargetsText();
  const t = useT();
  const me = useCurrentUser();
  const create = useCreateTarget();
  const update = useUpdateTarget();
  const [form, setForm] = useState<FormState>(() => ({
    region: editing?.region ?? (me.region === '*' ? '' : me.region),
    year: String(editing?.year ?? new Date().getFullYear()),
    kind: editing?.kind ?? 'employed',
    targetPercent: editing?.targetPercent ?? '',
    basis: editing?.basis ?? 'RPJMD',
    document: editing?.document ?? '',
  }));
  const mutation = editing ? update : create;
  const errors = fieldErrors<'region' | 'year' | 'targetPercent' | 'document'>(mutation.error);
  const submit = () => {
    const percent = typeof form.targetPercent === 'number' ? form.targetPercent : Number(form.targetPercent);
    const done = {
      onSuccess: () => {
        notifications.show({ color: 'green', message: tt('targets.saved') });
        onClose();
      },
    };
    if (editing) {
      update.mutate(
        { id: editing.id, patch: { targetPercent: percent, basis: form.basis, document: form.document || null } },
        done,
      );
    } else {
      create.mutate(
        {
          region: form.region,
          year: Number(form.year),
          kind: form.kind,
          targetPercent: percent,
          basis: form.basis,
          document: form.document || null,
        },
        done,
      );
    }
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        {mutation.error && !Object.keys(errors).length ? <ErrorAlert error={mutation.error} /> : null}
        {!editing && (
          <>
            <ScopeRegionSelect
              value={form.region}
              onChange={(region) => setForm({ ...form, region })}
              required
              error={errors.region}
            />
            <Group grow align="flex-start">
              <LabelledSelect
                searchable
                label={tt('year.label')}
                data={yearOptions()}
                value={form.year}
                onChange={(v) => setForm({ ...form, year: v ?? form.year })}
                required
                error={errors.year}
              />
              <LabelledSelect
                searchable
                label={tt('targets.indicator')}
                data={WORKFORCE_KINDS.map((k) => ({ value: k, label: tt(`kind.${k}`) }))}
                value={form.kind}
                onChange={(v) => setForm({ ...form, kind: (v as WorkforceKind | null) ?? form.kind })}
                required
              />
            </Group>
          </>
        )}
        <Group grow align="flex-start">
          <NumberInput
            label={tt('targets.percent')}
            description={tt('targets.percentHelp')}
            value={form.targetPercent}
            onChange={(v) => setForm({ ...form, targetPercent: v })}
            min={0.01}
            max={100}
            decimalScale={2}
            decimalSeparator=","
            allowNegative={false}
            required
            error={errors.targetPercent}
          />
          <LabelledSelect
            searchable
            label={tt('targets.basis')}
            data={[...TARGET_BASES]}
            value={form.basis}
            onChange={(v) => setForm({ ...form, basis: (v as TargetBasis | null) ?? form.basis })}
            required
          />
        </Group>
        <TextInput
          label={tt('targets.document')}
          description={tt('targets.documentHelp')}
          value={form.document}
          onChange={(e) => setForm({ ...form, document: e.currentTarget.value })}
          maxLength={300}
          error={errors.document}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {tt('targets.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function confirmText(tt: TargetsT, target: TargetProgress) {
  return tt('targets.deleteConfirm', {
    kind: tt(`kind.${target.kind}`),
    region: target.regionLabel,
    year: target.year,
  });
}

export function TargetsPage() {
  const tt = useTargetsText();
  const t = useT();
  const me = useCurrentUser();
  const { values, page, setFilters, setPage, clear, filtered } = useUrlFilters(['year', 'region'] as const);
  const targets = useTargets({ year: values.year, region: values.region, page });
  const remove = useDeleteTarget();
  const [form, setForm] = useState<{ open: boolean; editing: TargetProgress | null }>({ open: false, editing: null });
  const mayEdit = TARGET_EDITORS.includes(me.role);

  const createButton = mayEdit ? (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setForm({ open: true, editing: null })}>
      {tt('targets.create')}
    </Button>
  ) : undefined;

  const items = targets.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={tt('targets.title')}
        description={tt('targets.description')}
        actions={createButton}
        above={<PlanningLinks />}
      />
      <Stack gap="md">
        <Group align="flex-end">
          <Select
            label={tt('targets.filterYear')}
            data={yearOptions()}
            value={values.year || null}
            onChange={(v) => setFilters({ year: v })}
            clearable
            w={180}
          />
          <ScopeRegionSelect value={values.region} onChange={(region) => setFilters({ region })} allowEmpty />
          {filtered && (
            <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={clear}>
              {t('ui.clearFilters')}
            </Button>
          )}
        </Group>
        {targets.error ? <ErrorAlert error={targets.error} onRetry={() => void targets.refetch()} /> : null}
        {targets.isPending ? (
          <Text c="dimmed">{t('app.loading')}</Text>
        ) : items.length === 0 ? (
          <Paper withBorder radius="md">
            <EmptyState
              icon={<IconChartBar size={26} stroke={1.5} />}
              title={tt('targets.empty.title')}
              body={
                filtered ? tt('targets.emptyFiltered') : tt(mayEdit ? 'targets.empty.editor' : 'targets.empty.reader')
              }
              action={filtered ? undefined : createButton}
            />
          </Paper>
        ) : (
          <Stack gap="md" aria-label={tt('targets.cards')} role="list">
            {items.map((target) => (
              <div role="listitem" key={target.id}>
                <TargetCard
                  target={target}
                  onEdit={() => setForm({ open: true, editing: target })}
                  onDelete={() => {
                    if (!window.confirm(confirmText(tt, target))) return;
                    remove.mutate(target.id, {
                      onSuccess: () => notifications.show({ color: 'green', message: tt('targets.deleted') }),
                      onError: (err) => notifications.show({ color: 'red', message: errorMessage(err, t) }),
                    });
                  }}
                />
              </div>
            ))}
          </Stack>
        )}
        {(targets.data?.total ?? 0) > TARGETS_PAGE_SIZE && (
          <Pagination
            total={Math.ceil((targets.data?.total ?? 0) / TARGETS_PAGE_SIZE)}
            value={page}
            onChange={setPage}
          />
        )}
        {items[0] && (
          <Text size="xs" c="dimmed">
            {tt('targets.activeSource', { source: items[0].activeSource })}
          </Text>
        )}
      </Stack>
      <Modal
        opened={form.open}
        onClose={() => setForm({ open: false, editing: null })}
        title={form.editing ? tt('targets.edit') : tt('targets.create')}
        size="lg"
      >
        {form.open && <TargetForm editing={form.editing} onClose={() => setForm({ open: false, editing: null })} />}
      </Modal>
    </>
  );
}
