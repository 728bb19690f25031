// One coverage target: progress against the workforce, the months and cost still needed, and the rules used.
import {
  Accordion,
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { type TargetProgress } from '../../../../lib/contracts/targets.ts';
import { ruleLabel } from '../../../../lib/rules/rule-labels.ts';
import { useLocale } from '../../app/i18n.ts';
import { useContributionsText } from '../contributions/contributions-text.ts';
import { useCohortsText } from '../cohorts/cohorts-text.ts';
import { formatDateTime, formatNumber, formatRupiah, formatRupiahShort } from '../../ui/format.ts';
import { formatMonth, formatRuleValue } from '../contributions/rule-format.ts';
import { useTargetsText } from './targets-text.ts';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { Figure } from '../../ui/Figure.tsx';

const pct = (n: number, locale: string) =>
  `${n.toLocaleString(locale === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 2 })}%`;

export function TargetCard({
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
  const cht = useCohortsText();
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
            variant="plain"
            label={tt('targets.active', { month: formatMonth(target.asOfMonth, locale) })}
            value={formatNumber(target.active)}
          />
          <Figure
            variant="plain"
            label={tt('targets.targetPersons')}
            value={target.targetPersons === null ? '—' : formatNumber(target.targetPersons)}
          />
          <Figure
            variant="plain"
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
            variant="plain"
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
              <Text size="sm" fw={500} data-testid="apbd-category">
                {target.cost.category === 'pu' && target.pu
                  ? tt('targets.price.pu', {
                      wage: formatRupiah(target.pu.wage),
                      risk: target.pu.riskClass,
                      size: cht(`pu.size.${target.pu.employerSize}`).toLowerCase(),
                      programs: target.cost.package.replace(/^PU /, ''),
                    })
                  : tt('targets.price.bpu', { income: formatRupiah(target.cost.declaredIncome) })}
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
              {target.cost.byPayer && (
                <Text size="sm" data-testid="apbd-split">
                  {tt('targets.split', {
                    employer: formatRupiah(target.cost.byPayer.employer),
                    worker: formatRupiah(target.cost.byPayer.worker),
                  })}
                </Text>
              )}
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
