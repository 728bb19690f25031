import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCircleCheck, IconFileSpreadsheet, IconListSearch, IconUserPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { WORKER_READERS } from '../../../../lib/access/roles.ts';
import type {
  FileProposalResult,
  ProposalRequest,
  ProposalResult,
  WorkerFilter,
} from '../../../../lib/contracts/programs.ts';
import {
  PARTICIPATION_CATEGORIES,
  PARTICIPATION_CATEGORY_LABELS,
  SEGMENT_CODES,
  SEGMENTS,
  VULNERABILITY_FLAG_LABELS,
  VULNERABILITY_FLAGS,
  type ParticipationCategory,
  type SegmentCode,
  type VulnerabilityFlag,
} from '../../../../lib/rules/segments.ts';
import { useLocale } from '../../app/i18n.ts';
import { ROUTES } from '../../app/routes.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatNumber, formatRupiah } from '../../ui/format.ts';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { formatMonth } from '../contributions/rule-format.ts';
import { RegionPicker } from '../regions/RegionPicker.tsx';
import { searchQuery } from '../registry/registry-api.ts';
import { EnrollmentList } from './EnrollmentList.tsx';
import { ProgramPicker } from './program-ui.tsx';
import { useFileProposal, usePropose, useProposalPreview } from './programs-api.ts';
import { useProgramsText } from './programs-text.ts';
import { useRegistryText } from '../registry/registry-text.ts';
import { TemplateLink } from '../../ui/TemplateLink.tsx';

type Draft = {
  q: string;
  segment: SegmentCode | '';
  category: ParticipationCategory | '';
  vulnerability: VulnerabilityFlag | '';
  region: string;
  fromMonth: string;
};

/**
 * The choice of programme stays in the URL, so a link from the programme page opens it; choosing another one starts
 * over (its status filter and page would mean nothing there).
 */
export function useProgramParam(): [string, (id: string) => void] {
  const [params, setParams] = useSearchParams();
  return [params.get('program') ?? '', (id) => setParams(id ? { program: id } : {}, { replace: true })];
}

export function ProposalsPage() {
  const t = useProgramsText();
  const me = useCurrentUser();
  const [programId, setProgramId] = useProgramParam();
  return (
    <>
      <PageHeader title={t('proposals.title')} description={t('proposals.description', { region: me.regionLabel })} />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md">
          <ProgramPicker value={programId} onChange={setProgramId} />
        </Paper>
        {programId ? (
          <>
            <ProposeForm key={programId} programId={programId} />
            <FileProposeForm key={`file-${programId}`} programId={programId} />
            <section aria-labelledby="proposals-list">
              <Title order={2} size="h4" id="proposals-list" mb="sm">
                {t('proposals.listTitle')}
              </Title>
              <EnrollmentList programId={programId} />
            </section>
          </>
        ) : (
          <EmptyState
            icon={<IconListSearch size={26} stroke={1.5} />}
            title={t('proposals.pickTitle')}
            body={t('proposals.pickBody')}
          />
        )}
      </Stack>
    </>
  );
}

function ProposeForm({ programId }: { programId: string }) {
  const t = useProgramsText();
  const rt = useRegistryText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const preview = useProposalPreview(programId);
  const propose = usePropose(programId);
  const [draft, setDraft] = useState<Draft>({
    q: '',
    segment: '',
    category: '',
    vulnerability: '',
    region: me.region,
    fromMonth: '',
  });
  const [checked, setChecked] = useState<ProposalRequest | null>(null);
  const [done, setDone] = useState<ProposalResult | null>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setChecked(null);
  };

  const request = (): ProposalRequest => {
    const filter: WorkerFilter = {
      ...searchQuery(draft.q),
      ...(draft.segment && { segment: draft.segment }),
      ...(draft.category && { category: draft.category }),
      ...(draft.vulnerability && { vulnerability: draft.vulnerability }),
      ...(draft.region && draft.region !== '*' && draft.region !== me.region && { region: draft.region }),
    };
    return { filter, ...(draft.fromMonth && { fromMonth: draft.fromMonth }) };
  };

  const check = (event: FormEvent) => {
    event.preventDefault();
    const input = request();
    setDone(null);
    propose.reset();
    preview.mutate(input, { onSuccess: () => setChecked(input) });
  };

  const confirm = () => {
    if (!checked) return;
    propose.mutate(checked, {
      onSuccess: (result) => {
        setDone(result);
        setChecked(null);
        preview.reset();
      },
    });
  };

  const result = checked ? preview.data : undefined;
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <form onSubmit={check} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('proposals.filterHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }} spacing="sm">
            <TextInput
              label={t('proposals.search')}
              placeholder={rt('workers.searchPlaceholder')}
              value={draft.q}
              onChange={(e) => set('q', e.currentTarget.value)}
            />
            <LabelledSelect
              label={rt('workers.filterSegment')}
              data={[
                { value: '', label: rt('workers.allSegments') },
                ...SEGMENT_CODES.map((c) => ({ value: c, label: SEGMENTS[c].label[locale] })),
              ]}
              value={draft.segment}
              onChange={(v) => set('segment', (v ?? '') as SegmentCode | '')}
              allowDeselect={false}
              searchable
            />
            <LabelledSelect
              label={rt('workers.filterCategory')}
              data={[
                { value: '', label: rt('workers.allCategories') },
                ...PARTICIPATION_CATEGORIES.map((c) => ({ value: c, label: PARTICIPATION_CATEGORY_LABELS[c][locale] })),
              ]}
              value={draft.category}
              onChange={(v) => set('category', (v ?? '') as ParticipationCategory | '')}
              allowDeselect={false}
            />
            <LabelledSelect
              label={t('proposals.vulnerability')}
              data={[
                { value: '', label: t('proposals.anyVulnerability') },
                ...VULNERABILITY_FLAGS.map((f) => ({ value: f, label: VULNERABILITY_FLAG_LABELS[f][locale] })),
              ]}
              value={draft.vulnerability}
              onChange={(v) => set('vulnerability', (v ?? '') as VulnerabilityFlag | '')}
              allowDeselect={false}
            />
            <TextInput
              label={t('proposals.fromMonth')}
              description={t('proposals.fromMonthHint')}
              type="month"
              value={draft.fromMonth}
              onChange={(e) => set('fromMonth', e.currentTarget.value)}
            />
          </SimpleGrid>
          {me.region.split('.').length < 4 && (
            <RegionPicker
              scope={me.region}
              value={draft.region}
              onChange={(code) => set('region', code)}
              legend={t('proposals.region')}
              withQuickFind={false}
            />
          )}
          <Group>
            <Button
              type="submit"
              variant="default"
              leftSection={<IconListSearch size={18} aria-hidden />}
              loading={preview.isPending}
            >
              {t('proposals.check')}
            </Button>
          </Group>

          {preview.error ? <ErrorAlert error={preview.error} /> : null}
          {result && (
            <ProposalPreview
              result={result}
              onConfirm={confirm}
              confirming={propose.isPending}
              testId="proposal-preview"
            />
          )}
          {propose.error ? <ErrorAlert error={propose.error} /> : null}
          {done && (
            <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
              {t('proposals.done', { n: formatNumber(done.proposed, locale) })}{' '}
              <Anchor component={Link} to={ROUTES.programDetail(programId)} size="sm">
                {t('proposals.toProgram')}
              </Anchor>
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

/** What a proposal would do (or did): counts, the months and price, the reasons of those not eligible. */
function ProposalPreview({
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

/**
 * Proposal from a spreadsheet with a NIK column: "Periksa berkas" previews (nothing saved), the rows that cannot be
 * used are listed with their row and column, and the confirmation proposes the workers found.
 */
function FileProposeForm({ programId }: { programId: string }) {
  const t = useProgramsText();
  const [locale] = useLocale();
  const send = useFileProposal(programId);
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<FileProposalResult | null>(null);
  const [done, setDone] = useState<ProposalResult | null>(null);

  const check = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setDone(null);
    send.mutate({ file, dryRun: true }, { onSuccess: (r) => setChecked(r) });
  };
  const confirm = () => {
    if (!file) return;
    send.mutate(
      { file, dryRun: false },
      {
        onSuccess: (r) => {
          setDone(r.proposal);
          setChecked(null);
        },
      },
    );
  };

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <form onSubmit={check} noValidate>
        <Stack gap="md">
          <Title order={2} size="h4">
            {t('proposals.fileTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('proposals.fileHint')}
          </Text>
          <TemplateLink href="/api/programs/proposal-template.xlsx" />
          <Group align="flex-end">
            <FileInput
              label={t('proposals.fileLabel')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={(f) => {
                setFile(f);
                setChecked(null);
                setDone(null);
                send.reset();
              }}
              leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
              clearable
              w={{ base: '100%', sm: 360 }}
            />
            <Button type="submit" variant="default" disabled={!file} loading={send.isPending && !checked}>
              {t('proposals.fileCheck')}
            </Button>
          </Group>
          {send.error ? <ErrorAlert error={send.error} /> : null}
          {checked && (
            <Stack gap="sm" data-testid="file-proposal-preview">
              <Text fw={600}>
                {t('proposals.fileSummary', {
                  rows: formatNumber(checked.rows, locale),
                  found: formatNumber(checked.found, locale),
                })}
              </Text>
              {checked.issues.length > 0 && (
                <>
                  <Text size="sm" fw={600}>
                    {t('proposals.fileIssues', { n: formatNumber(checked.issues.length, locale) })}
                  </Text>
                  <Table aria-label={t('proposals.fileIssuesTable')} striped verticalSpacing="xs">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('proposals.col.row')}</Table.Th>
                        <Table.Th scope="col">{t('proposals.col.column')}</Table.Th>
                        <Table.Th scope="col">{t('proposals.col.problem')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {checked.issues.slice(0, 200).map((i) => (
                        <Table.Tr key={`${i.row}-${i.code}`}>
                          <Table.Td>{i.row}</Table.Td>
                          <Table.Td>{i.column}</Table.Td>
                          <Table.Td>
                            <Text size="sm">{i.message}</Text>
                            <Text size="xs" c="dimmed" ff="monospace">
                              {i.code}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </>
              )}
              {checked.proposal ? (
                <ProposalPreview
                  result={checked.proposal}
                  onConfirm={confirm}
                  confirming={send.isPending}
                  testId="file-proposal-result"
                />
              ) : (
                <Alert color="yellow" variant="light">
                  {t('proposals.fileNoneFound')}
                </Alert>
              )}
            </Stack>
          )}
          {done && (
            <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
              {t('proposals.done', { n: formatNumber(done.proposed, locale) })}{' '}
              <Anchor component={Link} to={ROUTES.programDetail(programId)} size="sm">
                {t('proposals.toProgram')}
              </Anchor>
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
