// `/tata-kelola/rapat`: coordination meetings, FGDs and sosialisasi with attendance per organisation and village,
// the minutes (PDF), decisions that become action items of a plan in one click, and the village list showing which
// villages have not been briefed yet this year. Disnaker records; the others read.
import {
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import {
  GOVERNANCE_EDITORS,
  MEETING_KINDS,
  type Meeting,
  type MeetingInput,
} from '../../../../lib/contracts/governance.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { useCurrentUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDate, formatNumber } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import {
  minutesUrl,
  useBriefing,
  useCreateMeeting,
  useMeetings,
  useOrganisations,
  usePlans,
  usePromoteDecision,
  useUploadMinutes,
} from './governance-api.ts';
import { useGovernanceText } from './governance-text.ts';
import { GovernanceTabs } from './governance-ui.tsx';

type Row = { organisationId: string | null; villageCode: string; attendees: number | string };

function MeetingForm({ onDone }: { onDone: () => void }) {
  const wt = useGovernanceText();
  const me = useCurrentUser();
  const orgs = useOrganisations();
  const create = useCreateMeeting();
  const [d, setD] = useState({
    region: me.region === '*' ? '' : me.region,
    kind: 'sosialisasi' as MeetingInput['kind'],
    title: '',
    heldOn: '',
    place: '',
    organiserId: null as string | null,
    decisions: '',
  });
  const [rows, setRows] = useState<Row[]>([{ organisationId: null, villageCode: '', attendees: '' }]);
  const options = (orgs.data?.items ?? []).filter((o) => o.active).map((o) => ({ value: o.id, label: o.name }));
  const setRow = (n: number, p: Partial<Row>) => setRows((all) => all.map((r, i) => (i === n ? { ...r, ...p } : r)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        region: d.region.trim(),
        kind: d.kind,
        title: d.title.trim(),
        heldOn: d.heldOn,
        place: d.place.trim(),
        organiserId: d.organiserId,
        attendance: rows
          .filter((r) => Number(r.attendees) > 0)
          .map((r) => ({
            organisationId: r.organisationId,
            villageCode: r.villageCode.trim() || null,
            attendees: Number(r.attendees),
          })),
        decisions: d.decisions
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} aria-labelledby="meeting-form">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="meeting-form">
          {wt('meet.new')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <Select
            label={wt('meet.kind')}
            data={MEETING_KINDS.map((k) => ({ value: k, label: wt(`meet.kind.${k}`) }))}
            value={d.kind}
            onChange={(v) => setD((x) => ({ ...x, kind: (v ?? 'sosialisasi') as MeetingInput['kind'] }))}
            allowDeselect={false}
          />
          <TextInput
            label={wt('meet.name')}
            value={d.title}
            onChange={(e) => setD({ ...d, title: e.target.value })}
            required
          />
          <TextInput
            type="date"
            label={wt('meet.heldOn')}
            value={d.heldOn}
            onChange={(e) => setD({ ...d, heldOn: e.target.value })}
            required
          />
          <TextInput
            label={wt('meet.place')}
            value={d.place}
            onChange={(e) => setD({ ...d, place: e.target.value })}
            required
          />
          <Select
            label={wt('meet.organiser')}
            data={options}
            value={d.organiserId}
            onChange={(v) => setD((x) => ({ ...x, organiserId: v }))}
            searchable
          />
          <TextInput
            label={wt('meet.region')}
            value={d.region}
            onChange={(e) => setD({ ...d, region: e.target.value })}
            required
          />
        </SimpleGrid>
        <Title order={3} fz="h5">
          {wt('meet.attendance')}
        </Title>
        {rows.map((r, n) => (
          <SimpleGrid key={n} cols={{ base: 1, sm: 3 }}>
            <Select
              label={wt('meet.attOrg', { n: n + 1 })}
              data={options}
              value={r.organisationId}
              onChange={(v) => setRow(n, { organisationId: v })}
              searchable
              clearable
            />
            <TextInput
              label={wt('meet.attVillage', { n: n + 1 })}
              value={r.villageCode}
              onChange={(e) => setRow(n, { villageCode: e.target.value })}
            />
            <NumberInput
              label={wt('meet.attCount', { n: n + 1 })}
              value={r.attendees}
              onChange={(v) => setRow(n, { attendees: v })}
              min={1}
            />
          </SimpleGrid>
        ))}
        <Group>
          <Button
            variant="light"
            onClick={() => setRows((all) => [...all, { organisationId: null, villageCode: '', attendees: '' }])}
          >
            {wt('meet.addRow')}
          </Button>
        </Group>
        <Textarea
          label={wt('meet.decisions')}
          value={d.decisions}
          onChange={(e) => setD({ ...d, decisions: e.target.value })}
          autosize
          minRows={2}
        />
        {create.error && <ErrorAlert error={create.error} />}
        <Group>
          <Button type="submit" loading={create.isPending}>
            {wt('meet.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {wt('meet.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Decisions({ meeting, mayEdit }: { meeting: Meeting; mayEdit: boolean }) {
  const wt = useGovernanceText();
  const plans = usePlans();
  const promote = usePromoteDecision();
  const [planId, setPlanId] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState('');
  if (meeting.decisions.length === 0) return null;
  const open = meeting.decisions.some((x) => x.actionItemId === null);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {wt('meet.decision')}
      </Text>
      {mayEdit && open && (
        <Group align="flex-end">
          <Select
            label={wt('meet.promotePlan')}
            data={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
            value={planId}
            onChange={setPlanId}
            size="xs"
          />
          <TextInput
            type="date"
            label={wt('meet.promoteDue')}
            value={dueOn}
            onChange={(e) => setDueOn(e.target.value)}
            size="xs"
          />
        </Group>
      )}
      {meeting.decisions.map((x) => (
        <Group key={x.id} gap="xs" wrap="nowrap">
          <Text size="sm">• {x.text}</Text>
          {x.actionItemId ? (
            <Badge color="teal" variant="light" radius="sm">
              {wt('meet.promoted')}
            </Badge>
          ) : (
            mayEdit && (
              <Button
                size="compact-xs"
                variant="light"
                disabled={!planId || !dueOn}
                loading={promote.isPending}
                aria-label={`${wt('meet.promote')}: ${x.text}`}
                onClick={() =>
                  planId &&
                  promote.mutate({
                    meetingId: meeting.id,
                    decisionId: x.id,
                    planId,
                    ownerOrganisationId: null,
                    dueOn,
                  })
                }
              >
                {wt('meet.promote')}
              </Button>
            )
          )}
        </Group>
      ))}
      {promote.error && <ErrorAlert error={promote.error} />}
    </Stack>
  );
}

function MeetingCard({ meeting, mayEdit }: { meeting: Meeting; mayEdit: boolean }) {
  const wt = useGovernanceText();
  const upload = useUploadMinutes();
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <div>
            <Title order={3} fz="h5">
              {meeting.title}
            </Title>
            <Text size="sm" c="dimmed">
              {wt(`meet.kind.${meeting.kind}`)} · {formatDate(meeting.heldOn)} · {meeting.place}
              {meeting.organiser ? ` · ${meeting.organiser}` : ''}
            </Text>
          </div>
          <Badge variant="light" radius="sm" color="gray" c="dark">
            {wt('meet.attendees', { n: formatNumber(meeting.attendees) })}
          </Badge>
        </Group>
        {meeting.attendance.length > 0 && (
          <Text size="sm">
            {meeting.attendance
              .map((a) => `${a.villageName ?? a.organisation ?? a.villageCode}: ${formatNumber(a.attendees)}`)
              .join(' · ')}
          </Text>
        )}
        <Group gap="sm">
          <Text size="sm" fw={600}>
            {wt('meet.minutes')}:
          </Text>
          {meeting.minutes ? (
            <Anchor href={minutesUrl(meeting.id)} download size="sm" title={`SHA-256 ${meeting.minutes.sha256}`}>
              {wt('meet.minutesDownload')}
            </Anchor>
          ) : (
            <Text size="sm">{wt('meet.noMinutes')}</Text>
          )}
          {mayEdit && (
            <FileButton accept="application/pdf" onChange={(f) => f && upload.mutate({ id: meeting.id, file: f })}>
              {(props) => (
                <Button {...props} size="compact-sm" variant="light" loading={upload.isPending}>
                  {wt('meet.minutesUpload')}
                </Button>
              )}
            </FileButton>
          )}
        </Group>
        {upload.error && <ErrorAlert error={upload.error} />}
        <Decisions meeting={meeting} mayEdit={mayEdit} />
      </Stack>
    </Paper>
  );
}

function Briefing() {
  const wt = useGovernanceText();
  const q = useBriefing();
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return null;
  const rows = [...q.data.items].sort((a, b) => a.meetings - b.meetings || a.villageName.localeCompare(b.villageName));
  return (
    <Stack gap="xs">
      <Title order={2} fz="h4">
        {wt('brief.title')}
      </Title>
      <Text size="sm">
        {wt('brief.summary', {
          briefed: formatNumber(q.data.briefed),
          villages: formatNumber(q.data.villages),
          from: formatDate(q.data.from),
          to: formatDate(q.data.to),
        })}
      </Text>
      <TableScroll label={wt('brief.table')} minWidth={480}>
        <Table aria-label={wt('brief.table')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{wt('brief.village')}</Table.Th>
              <Table.Th>{wt('brief.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((v) => (
              <Table.Tr key={v.villageCode}>
                <Table.Td>
                  {v.villageName}{' '}
                  <Text span size="xs" c="dimmed">
                    {v.villageCode}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {v.meetings === 0 ? (
                    <Badge color="red" variant="filled" radius="sm">
                      {wt('brief.notYet')}
                    </Badge>
                  ) : (
                    <Text size="sm">
                      {wt('brief.done', { meetings: v.meetings, attendees: formatNumber(v.attendees) })}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Stack>
  );
}

export function MeetingsPage() {
  const wt = useGovernanceText();
  const me = useCurrentUser();
  const mayEdit = GOVERNANCE_EDITORS.includes(me.role);
  const list = useMeetings();
  const [creating, setCreating] = useState(false);
  if (list.error) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data) return <PageLoader />;
  return (
    <>
      <PageHeader title={wt('meet.title')} description={wt('meet.description')} />
      <GovernanceTabs />
      <Stack gap="lg">
        {mayEdit && !creating && (
          <Group>
            <Button onClick={() => setCreating(true)}>{wt('meet.new')}</Button>
          </Group>
        )}
        {creating && <MeetingForm onDone={() => setCreating(false)} />}
        {list.data.items.length === 0 ? (
          <Text size="sm">{wt('meet.empty')}</Text>
        ) : (
          list.data.items.map((m) => <MeetingCard key={m.id} meeting={m} mayEdit={mayEdit} />)
        )}
        {me.region !== '*' && <Briefing />}
      </Stack>
    </>
  );
}
