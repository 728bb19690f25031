import { Badge, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type {
  KpjOrigin,
  ProtectionParticipation,
  ProtectionSummary,
  WorkerProtection,
} from '../../../../lib/contracts/protection.ts';
import { auditActionWords } from '../../../../lib/i18n/audit-actions.ts';
import type { Locale } from '../../../../lib/i18n/locale.ts';
import { dateName, monthName } from '../../../../lib/rules/lapse.ts';
import { useLocale, useT } from '../../app/i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useRegistryText, type RegistryT } from './registry-text.ts';
import { useProgramsText } from '../programs/programs-text.ts';
import { useWorkerProtection } from './registry-api.ts';

const COLORS: Readonly<Record<ProtectionSummary, string>> = {
  covered: 'teal',
  not_started: 'blue',
  lapsed: 'red',
  ended: 'gray',
  pending: 'yellow',
  none: 'gray',
};

/** The words of a state as lindung_coverage_state answered it ("Belum mulai (mulai 1 Januari 2027)"). */
export function stateWords(summary: ProtectionSummary, from: string | null, pt: RegistryT, locale: Locale): string {
  if (summary === 'not_started') {
    return from
      ? pt('protection.state.not_started', { date: dateName(from, locale) })
      : pt('protection.state.not_startedUndated');
  }
  return pt(`protection.state.${summary}`);
}

/** The person's protection at a glance: the worker page's headline and the search results' badge. */
export function ProtectionBadge({
  summary,
  from,
  testId,
}: {
  summary: ProtectionSummary;
  from: string | null;
  testId?: string;
}) {
  const pt = useRegistryText();
  const [locale] = useLocale();
  return (
    <Badge
      color={COLORS[summary]}
      variant={summary === 'none' ? 'outline' : 'light'}
      tt="none"
      h="auto"
      py={2}
      maw="100%"
      styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
      data-testid={testId}
      data-state={summary}
    >
      {stateWords(summary, from, pt, locale)}
    </Badge>
  );
}

function kpjSource(kpj: KpjOrigin, pt: RegistryT, locale: Locale): string {
  if (kpj.source === 'snapshot')
    return pt('protection.kpj.snapshot', { date: kpj.date ? dateName(kpj.date, locale) : '—' });
  return kpj.date
    ? pt('protection.kpj.branchAnswer', { batch: kpj.batchId ?? '—', date: dateName(kpj.date, locale) })
    : pt('protection.kpj.branchAnswerUndated', { batch: kpj.batchId ?? '—' });
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

/** The "Perlindungan" block of the worker page: KPJ and where it came from, today's state, every programme. */
export function WorkerProtectionBlock({ workerId }: { workerId: string }) {
  const pt = useRegistryText();
  const t = useT();
  const protection = useWorkerProtection(workerId);
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'xl' }}
      component="section"
      aria-labelledby="worker-protection"
      data-testid="worker-protection"
    >
      <Title order={2} fz="h4" mb="md" id="worker-protection">
        {pt('protection.title')}
      </Title>
      {protection.isPending ? (
        <Group gap="sm" role="status">
          <Loader size="sm" aria-hidden />
          <Text size="sm">{t('ui.loading')}</Text>
        </Group>
      ) : protection.isError ? (
        <ErrorAlert error={protection.error} onRetry={() => void protection.refetch()} />
      ) : (
        <ProtectionRecord record={protection.data} />
      )}
    </Paper>
  );
}

function ProtectionRecord({ record: r }: { record: WorkerProtection }) {
  const pt = useRegistryText();
  const [locale] = useLocale();
  return (
    <Stack gap="lg">
      <Text size="xs" c="dimmed" mt={-8}>
        {pt('protection.asOf', { date: dateName(r.at, locale) })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="lg">
        <Fact label={pt('protection.kpj')}>
          {r.kpj ? (
            <Stack gap={2}>
              <Text size="sm" ff="monospace" data-testid="protection-kpj">
                {r.kpj.number}
              </Text>
              <Text size="xs" c="dimmed" data-testid="protection-kpj-source">
                {kpjSource(r.kpj, pt, locale)}
              </Text>
            </Stack>
          ) : (
            <Text size="sm" data-testid="protection-kpj">
              {pt('protection.kpj.none')}
            </Text>
          )}
        </Fact>
        <Fact label={pt('protection.today')}>
          <Stack gap={4} align="flex-start">
            <ProtectionBadge summary={r.summary} from={r.summaryFrom} testId="protection-state" />
            <Text size="xs" c="dimmed">
              {r.covered ? pt('protection.today.covered') : pt('protection.today.notCovered')}
            </Text>
          </Stack>
        </Fact>
        <Fact label={pt('protection.paidThrough')}>
          {r.paidThrough ? monthName(r.paidThrough, locale) : r.kpj ? pt('protection.paidThrough.never') : '—'}
        </Fact>
        <Fact label={pt('protection.nextLapse')}>
          {r.nextLapseDate
            ? dateName(r.nextLapseDate, locale)
            : r.summary === 'covered'
              ? pt('protection.nextLapse.never')
              : '—'}
        </Fact>
      </SimpleGrid>
      {!r.covered && r.participations.some((p) => p.state === 'covered') && (
        <Text size="sm" c="dimmed">
          {pt('protection.deceased')}
        </Text>
      )}
      {r.participations.length === 0 ? (
        <Text size="sm" c="dimmed">
          {pt('protection.empty')}
        </Text>
      ) : (
        <Participations items={r.participations} />
      )}
      {r.trail.length > 0 && (
        <Stack gap="xs">
          <Title order={3} fz="h6" id="protection-trail">
            {pt('protection.trail.title')}
          </Title>
          <Timeline
            bulletSize={12}
            lineWidth={2}
            active={-1}
            aria-labelledby="protection-trail"
            data-testid="protection-trail"
          >
            {r.trail.map((e) => (
              <Timeline.Item key={e.id} title={auditActionWords(e.action, locale)}>
                <Text size="xs" c="dimmed">
                  {[
                    e.programName,
                    formatDateTime(e.at, locale),
                    e.actor ? pt('protection.trail.by', { user: e.actor }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Stack>
      )}
    </Stack>
  );
}

function monthsText(p: ProtectionParticipation, pt: RegistryT, locale: Locale): string {
  if (!p.firstMonth) return '—';
  if (!p.lastMonth) return pt('protection.months.open', { from: monthName(p.firstMonth, locale) });
  if (p.months === 0) return pt('protection.months.none');
  return pt('protection.months.range', {
    from: monthName(p.firstMonth, locale),
    to: monthName(p.lastMonth, locale),
    n: String(p.months ?? 0),
  });
}

function Participations({ items }: { items: ProtectionParticipation[] }) {
  const pt = useRegistryText();
  const t = useProgramsText();
  const [locale] = useLocale();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table fz="sm" verticalSpacing="xs" aria-label={pt('protection.table')} data-testid="protection-participations">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{pt('protection.col.channel')}</Table.Th>
            <Table.Th scope="col">{pt('protection.col.status')}</Table.Th>
            <Table.Th scope="col">{pt('protection.col.months')}</Table.Th>
            <Table.Th scope="col">{pt('protection.col.paidThrough')}</Table.Th>
            <Table.Th scope="col">{pt('protection.col.lapse')}</Table.Th>
            <Table.Th scope="col">{pt('protection.col.kpj')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p, i) => (
            <Table.Tr key={p.enrollmentId ?? `${p.source}-${i}`}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {p.programName ?? pt('protection.channel.bpjs')}
                </Text>
                <Text size="xs" c="dimmed">
                  {[p.source === 'bpjs' ? null : pt(`protection.channel.${p.source}`), p.category]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td>
                {p.state ? (
                  <ProtectionBadge summary={p.state} from={p.coverageStart} />
                ) : p.status ? (
                  <Badge color={p.status === 'rejected' ? 'red' : 'gray'} variant="light" tt="none">
                    {t(`enrollment.status.${p.status}`)}
                  </Badge>
                ) : null}
                {p.rejectReason && (
                  <Text size="xs" c="dimmed" mt={2}>
                    {p.rejectReason}
                  </Text>
                )}
                {p.endReason && (
                  <Text size="xs" c="dimmed" mt={2}>
                    {t(`enrollment.end.${p.endReason}`)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{monthsText(p, pt, locale)}</Table.Td>
              <Table.Td>{p.paidThrough ? monthName(p.paidThrough, locale) : '—'}</Table.Td>
              <Table.Td>{p.lapseDate ? dateName(p.lapseDate, locale) : '—'}</Table.Td>
              <Table.Td>
                {p.kpj ? (
                  <>
                    <Text size="sm" ff="monospace">
                      {p.kpj.number}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {kpjSource(p.kpj, pt, locale)}
                    </Text>
                  </>
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
