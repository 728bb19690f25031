// `/tata-kelola/regulasi` and `/tata-kelola/perjanjian`: the register of legal instruments and agreements. Disnaker
// records and changes them and uploads the signed PDF; pimpinan, asesor and BPJS read. Agreements show the ones
// ending within 90 days on top.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  MultiSelect,
  Pagination,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import {
  AGREEMENT_KINDS,
  GOVERNANCE_EDITORS,
  INSTRUMENT_STATUSES,
  NATIONAL_KINDS,
  RAPERDA_STAGES,
  REGULATION_KINDS,
  SUBJECT_TAGS,
  type Instrument,
  type InstrumentInput,
} from '../../../../lib/contracts/governance.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { useCurrentUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDate } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import {
  GOV_PAGE_SIZE,
  instrumentFileUrl,
  useExpiring,
  useInstruments,
  useSaveInstrument,
  useUploadInstrumentFile,
} from './governance-api.ts';
import { GovernanceTabs, StatusBadge } from './governance-ui.tsx';
import { useGovernanceText, type GovernanceKey } from './governance-text.ts';

type Group = 'regulation' | 'agreement';

const KINDS: Record<Group, readonly Instrument['kind'][]> = {
  regulation: [...REGULATION_KINDS, ...NATIONAL_KINDS],
  agreement: [...AGREEMENT_KINDS],
};

const ids = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

type Draft = Record<
  | 'kind'
  | 'stage'
  | 'number'
  | 'title'
  | 'signedOn'
  | 'effectiveFrom'
  | 'effectiveUntil'
  | 'issuer'
  | 'counterparty'
  | 'region'
  | 'regionsCovered'
  | 'status'
  | 'programIds'
  | 'targetIds',
  string
> & { subjectTags: string[] };

function draftOf(group: Group, region: string, i?: Instrument): Draft {
  return {
    kind: i?.kind ?? KINDS[group][0]!,
    stage: i?.stage ?? 'penyusunan',
    number: i?.number ?? '',
    title: i?.title ?? '',
    signedOn: i?.signedOn ?? '',
    effectiveFrom: i?.effectiveFrom ?? '',
    effectiveUntil: i?.effectiveUntil ?? '',
    issuer: i?.issuer ?? '',
    counterparty: i?.counterparty ?? '',
    region: i?.region ?? (region === '*' ? '' : region),
    regionsCovered: i?.regionsCovered.join(', ') ?? '',
    status: i?.status ?? 'enacted',
    programIds: i?.programIds.join(', ') ?? '',
    targetIds: i?.targetIds.join(', ') ?? '',
    subjectTags: i?.subjectTags ?? [],
  };
}

function inputOf(d: Draft): InstrumentInput {
  const raperda = d.kind === 'raperda';
  return {
    region: d.region.trim(),
    kind: d.kind as InstrumentInput['kind'],
    stage: raperda ? (d.stage as InstrumentInput['stage']) : null,
    number: d.number.trim() || null,
    title: d.title.trim(),
    signedOn: d.signedOn || null,
    effectiveFrom: d.effectiveFrom || null,
    effectiveUntil: d.effectiveUntil || null,
    issuer: d.issuer.trim(),
    counterparty: d.counterparty.trim() || null,
    regionsCovered: ids(d.regionsCovered),
    subjectTags: d.subjectTags as InstrumentInput['subjectTags'],
    status: raperda ? 'draft' : (d.status as InstrumentInput['status']),
    programIds: ids(d.programIds),
    targetIds: ids(d.targetIds),
  };
}

function InstrumentForm({ group, editing, onDone }: { group: Group; editing?: Instrument; onDone: () => void }) {
  const gt = useGovernanceText();
  const me = useCurrentUser();
  const save = useSaveInstrument();
  const [d, setD] = useState<Draft>(() => draftOf(group, me.region, editing));
  const set = (k: keyof Draft) => (v: string | null) => setD((x) => ({ ...x, [k]: v ?? '' }));
  const text = (k: keyof Draft, label: GovernanceKey, required = false, type = 'text') => (
    <TextInput
      type={type}
      label={gt(label)}
      value={d[k] as string}
      onChange={(e) => set(k)(e.target.value)}
      required={required}
    />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ id: editing?.id, body: inputOf(d) }, { onSuccess: onDone });
  };
  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} aria-labelledby="instrument-form">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="instrument-form">
          {editing ? gt('ins.edit') : gt('ins.new')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <Select
            label={gt('ins.kind')}
            data={KINDS[group].map((k) => ({ value: k, label: gt(`kind.${k}`) }))}
            value={d.kind}
            onChange={set('kind')}
            allowDeselect={false}
          />
          {d.kind === 'raperda' ? (
            <Select
              label={gt('ins.stage')}
              data={RAPERDA_STAGES.map((s) => ({ value: s, label: gt(`stage.${s}`) }))}
              value={d.stage}
              onChange={set('stage')}
              allowDeselect={false}
            />
          ) : (
            <Select
              label={gt('ins.status')}
              data={INSTRUMENT_STATUSES.map((s) => ({ value: s, label: gt(`status.${s}`) }))}
              value={d.status}
              onChange={set('status')}
              allowDeselect={false}
            />
          )}
          {text('number', 'ins.number')}
          {text('title', 'ins.title', true)}
          {text('issuer', 'ins.issuer', true)}
          {group === 'agreement' && text('counterparty', 'ins.counterparty')}
          {text('signedOn', 'ins.signedOn', false, 'date')}
          {text('effectiveFrom', 'ins.effectiveFrom', false, 'date')}
          {text('effectiveUntil', 'ins.effectiveUntil', false, 'date')}
          {text('region', 'ins.region', true)}
          {text('regionsCovered', 'ins.regionsCovered')}
          <MultiSelect
            label={gt('ins.tags')}
            data={SUBJECT_TAGS.map((t) => ({ value: t, label: gt(`tag.${t}`) }))}
            value={d.subjectTags}
            onChange={(v) => setD((x) => ({ ...x, subjectTags: v }))}
          />
          {text('programIds', 'ins.programIds')}
          {text('targetIds', 'ins.targetIds')}
        </SimpleGrid>
        {save.error && <ErrorAlert error={save.error} />}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {gt('ins.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {gt('ins.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Expiring() {
  const gt = useGovernanceText();
  const q = useExpiring(true);
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return null;
  if (q.data.items.length === 0) return <Text size="sm">{gt('agr.expiringEmpty')}</Text>;
  return (
    <Alert color="orange" title={gt('agr.expiring')}>
      <Stack gap={4}>
        {q.data.items.map((e) => (
          <Group key={e.instrument.id} gap="xs">
            <Badge color={e.level === 30 ? 'red' : 'orange'} variant="filled" radius="sm">
              {gt(e.level === 30 ? 'agr.level30' : 'agr.level90')}
            </Badge>
            <Text size="sm">
              {e.instrument.title} · {formatDate(e.instrument.effectiveUntil)} ·{' '}
              {gt('agr.daysLeft', { days: e.instrument.daysLeft ?? 0 })}
            </Text>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}

export function InstrumentsPage({ group }: { group: Group }) {
  const gt = useGovernanceText();
  const me = useCurrentUser();
  const mayEdit = GOVERNANCE_EDITORS.includes(me.role);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Instrument | 'new' | null>(null);
  const list = useInstruments(group, page);
  const upload = useUploadInstrumentFile();
  if (list.error) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data) return <PageLoader />;
  const title = group === 'regulation' ? gt('reg.title') : gt('agr.title');
  const description =
    group === 'regulation' ? gt('reg.description', { region: me.regionLabel }) : gt('agr.description');
  return (
    <>
      <PageHeader title={title} description={description} />
      <GovernanceTabs />
      <Stack gap="lg">
        {group === 'agreement' && <Expiring />}
        {mayEdit && editing === null && (
          <Group>
            <Button onClick={() => setEditing('new')}>{gt('ins.new')}</Button>
          </Group>
        )}
        {mayEdit && editing !== null && (
          <InstrumentForm
            key={editing === 'new' ? 'new' : editing.id}
            group={group}
            editing={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        )}
        {upload.error && <ErrorAlert error={upload.error} />}
        {list.data.items.length === 0 ? (
          <Text size="sm">{gt('ins.empty')}</Text>
        ) : (
          <TableScroll label={gt('ins.table')} minWidth={900}>
            <Table aria-label={gt('ins.table')} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{gt('ins.kind')}</Table.Th>
                  <Table.Th>{gt('ins.number')}</Table.Th>
                  <Table.Th>{gt('ins.title')}</Table.Th>
                  <Table.Th>{gt('ins.status')}</Table.Th>
                  <Table.Th>{gt('ins.effectiveFrom')}</Table.Th>
                  <Table.Th>{gt('ins.effectiveUntil')}</Table.Th>
                  <Table.Th>{gt('ins.file')}</Table.Th>
                  {mayEdit && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>{gt(`kind.${i.kind}`)}</Table.Td>
                    <Table.Td>{i.number ?? '—'}</Table.Td>
                    <Table.Td>
                      {i.title}
                      <Text size="xs" c="dimmed">
                        {i.issuer}
                        {i.counterparty ? ` · ${i.counterparty}` : ''}
                        {i.subjectTags.length > 0 &&
                          ` · ${i.subjectTags.map((t) => gt(`tag.${t}` as GovernanceKey)).join(', ')}`}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge instrument={i} />
                      <Text size="xs" c={i.inForce ? 'teal' : 'dimmed'}>
                        {i.inForce ? gt('ins.inForce') : gt('ins.notInForce')}
                      </Text>
                    </Table.Td>
                    <Table.Td>{i.effectiveFrom ? formatDate(i.effectiveFrom) : '—'}</Table.Td>
                    <Table.Td>{i.effectiveUntil ? formatDate(i.effectiveUntil) : '—'}</Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {i.file ? (
                          <Anchor href={instrumentFileUrl(i.id)} download title={`SHA-256 ${i.file.sha256}`}>
                            {gt('ins.download')}
                          </Anchor>
                        ) : (
                          <Text size="xs">{gt('ins.noFile')}</Text>
                        )}
                        {mayEdit && (
                          <FileButton
                            accept="application/pdf"
                            onChange={(f) => f && upload.mutate({ id: i.id, file: f })}
                          >
                            {(props) => (
                              <Button
                                {...props}
                                size="compact-sm"
                                variant="light"
                                loading={upload.isPending}
                                aria-label={`${gt('ins.upload')}: ${i.title}`}
                              >
                                {gt('ins.upload')}
                              </Button>
                            )}
                          </FileButton>
                        )}
                      </Stack>
                    </Table.Td>
                    {mayEdit && (
                      <Table.Td>
                        <Button size="compact-sm" variant="subtle" onClick={() => setEditing(i)}>
                          {gt('ins.edit')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
        {list.data.total > GOV_PAGE_SIZE && (
          <Pagination value={page} onChange={setPage} total={Math.ceil(list.data.total / GOV_PAGE_SIZE)} />
        )}
      </Stack>
    </>
  );
}

export const RegulationsPage = () => <InstrumentsPage group="regulation" />;
export const AgreementsPage = () => <InstrumentsPage group="agreement" />;
