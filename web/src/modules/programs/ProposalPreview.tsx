// What a proposal would do (or did) and the persons it adds, shown before the operator confirms.
import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { WORKER_READERS } from '../../../../lib/access/roles.ts';
import type { ProposalResult } from '../../../../lib/contracts/programs.ts';
import { useLocale } from '../../app/i18n.ts';
import { ROUTES } from '../../app/routes.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { formatNumber, formatRupiah } from '../../ui/format.ts';
import { formatMonth } from '../contributions/rule-format.ts';
import { useProgramsText } from './programs-text.ts';

/** What a proposal would do (or did): counts, the months and price, the reasons of those not eligible. */
export function ProposalPreview({
  result,
  onConfirm,
  confirming,
  testId,
}: {
  result: ProposalResult;
  onConfirm: () => void;
  confirming: boolean;
  testId: string;
}) {
  const t = useProgramsText();
  const [locale] = useLocale();
  return (
    <Stack gap="sm" data-testid={testId}>
      <Text fw={600} role="status">
        {t('proposals.previewSummary', {
          matched: formatNumber(result.matched, locale),
          eligible: formatNumber(result.eligible, locale),
          propose: formatNumber(result.wouldPropose, locale),
        })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('proposals.previewTerms', {
          from: formatMonth(result.firstMonth, locale),
          to: formatMonth(result.lastMonth, locale),
          cost: formatRupiah(result.costPerPerson),
          slots: formatNumber(result.freeSlots, locale),
          budget: formatRupiah(result.budgetRemaining),
        })}
      </Text>
      {result.reasons.length > 0 && (
        <Table aria-label={t('proposals.reasonsTable')} striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('proposals.col.reason')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('proposals.col.count')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.reasons.map((r) => (
              <Table.Tr key={r.code}>
                <Table.Td>
                  <Text size="sm">{r.message}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {r.code}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{formatNumber(r.count, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {result.reasons.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('proposals.reasonsNote')}
        </Text>
      )}
      {result.people.length > 0 && <PeopleToPropose result={result} />}
      <Group>
        <Button
          leftSection={<IconUserPlus size={18} aria-hidden />}
          onClick={onConfirm}
          disabled={result.wouldPropose === 0}
          loading={confirming}
        >
          {t('proposals.confirm', { n: formatNumber(result.wouldPropose, locale) })}
        </Button>
      </Group>
    </Stack>
  );
}

/** The persons the proposal adds, in name order, so the operator sees who before confirming. */
function PeopleToPropose({ result }: { result: ProposalResult }) {
  const pt = useProgramsText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const mayOpen = WORKER_READERS.includes(me.role);
  const count = result.proposed > 0 ? result.proposed : result.wouldPropose;
  const more = count - result.people.length;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {pt('people.title', { n: formatNumber(count, locale) })}
      </Text>
      {result.proposed === 0 && (
        <Text size="xs" c="dimmed">
          {pt('people.check')}
        </Text>
      )}
      <Table.ScrollContainer minWidth={520} mah={360}>
        <Table aria-label={pt('people.table')} striped verticalSpacing={4} stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{pt('people.col.name')}</Table.Th>
              <Table.Th scope="col">{pt('people.col.nik')}</Table.Th>
              <Table.Th scope="col">{pt('people.col.village')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.people.map((p) => (
              <Table.Tr key={p.workerId}>
                <Table.Td>
                  {mayOpen ? (
                    <Anchor component={Link} to={ROUTES.workerDetail(p.workerId)} size="sm" target="_blank">
                      {p.fullName}
                    </Anchor>
                  ) : (
                    p.fullName
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {p.nikMasked}
                  </Text>
                </Table.Td>
                <Table.Td>{p.villageLabel}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {more > 0 && (
        <Text size="xs" c="dimmed">
          {pt('people.more', { n: formatNumber(more, locale) })}
        </Text>
      )}
    </Stack>
  );
}
