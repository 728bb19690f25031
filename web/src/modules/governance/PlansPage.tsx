// `/tata-kelola/rencana-kerja`: joint work plans with signatories and action items; each item's progress with the
// numbers behind it, its standing in colour (cut-offs in lib/rules/work-plan.ts) and the trend arrow against the
// previous computation. Disnaker records plans and items and asks for a recomputation; the others read.
import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import {
  GOVERNANCE_EDITORS,
  INSTRUMENT_KINDS,
  MEASURE_KINDS,
  type ItemInput,
  type Organisation,
  type Plan,
  type PlanItem,
} from '../../../../lib/contracts/governance.ts';
import { STANDING_COLOR } from '../../../../lib/rules/work-plan.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { useCurrentUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import {
  useAddItem,
  useCreatePlan,
  useOrganisations,
  usePlan,
  usePlans,
  useRecompute,
  useSetItemDone,
} from './governance-api.ts';
import { useGovernanceText } from './governance-text.ts';
import { GovernanceTabs } from './governance-ui.tsx';

const orgOptions = (orgs: Organisation[] | undefined) =>
  (orgs ?? []).filter((o) => o.active).map((o) => ({ value: o.id, label: o.name }));

const TREND_ICON = { up: IconArrowUpRight, down: IconArrowDownRight, flat: IconArrowRight } as const;

function Progress({ item }: { item: PlanItem }) {
  const wt = useGovernanceText();
  if (item.measureKind !== 'manual' && item.value === null) return <Text size="sm">{wt('plans.notComputed')}</Text>;
  const Arrow = item.trend ? TREND_ICON[item.trend] : null;
  return (
    <Stack gap={0}>
      <Group gap={4} wrap="nowrap">
        <Text size="sm" fw={600} data-testid="item-progress">
          {formatNumber(item.value ?? 0)} / {formatNumber(item.target)}
        </Text>
        {Arrow && item.trend && (
          <Arrow size={18} aria-label={wt(`trend.${item.trend}`)} role="img" color="var(--mantine-color-dimmed)" />
        )}
      </Group>
      {item.previousValue !== null && (
        <Text size="xs" c="dimmed">
          {wt('plans.previous', { value: formatNumber(item.previousValue) })}
        </Text>
      )}
      {item.computedAt && (
        <Text size="xs" c="dimmed">
          {wt('plans.computedAt', { at: formatDateTime(item.computedAt) })}
        </Text>
      )}
    </Stack>
  );
}

function ItemsTable({ plan, mayEdit }: { plan: Plan; mayEdit: boolean }) {
  const wt = useGovernanceText();
  const done = useSetItemDone();
  return (
    <TableScroll label={wt('plans.items')} minWidth={900}>
      <Table aria-label={wt('plans.items')} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{wt('plans.col.item')}</Table.Th>
            <Table.Th>{wt('plans.col.owner')}</Table.Th>
            <Table.Th>{wt('plans.col.due')}</Table.Th>
            <Table.Th>{wt('plans.col.measure')}</Table.Th>
            <Table.Th>{wt('plans.col.progress')}</Table.Th>
            <Table.Th>{wt('plans.col.standing')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>
                {i.title}
                {i.evidence && (
                  <Text size="xs" c="dimmed">
                    {i.evidence}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{i.ownerOrganisation ?? '—'}</Table.Td>
              <Table.Td>{formatDate(i.dueOn)}</Table.Td>
              <Table.Td>
                {wt(`measure.${i.measureKind}`)}
                {(i.channel || i.areaCode) && (
                  <Text size="xs" c="dimmed">
                    {[i.channel, i.areaCode, i.segment, i.instrumentKind].filter(Boolean).join(' · ')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Progress item={i} />
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <Badge color={STANDING_COLOR[i.standing]} variant="light" radius="sm" c="dark.9">
                    {wt(`standing.${i.standing}`)}
                  </Badge>
                  {mayEdit && i.measureKind === 'manual' && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      loading={done.isPending}
                      onClick={() => done.mutate({ planId: plan.id, itemId: i.id, done: !i.done, evidence: null })}
                    >
                      {i.done ? wt('item.markUndone') : wt('item.markDone')}
                    </Button>
                  )}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

type ItemDraft = {
  title: string;
  owner: string | null;
  dueOn: string;
  measureKind: ItemInput['measureKind'];
  target: number | string;
  areaCode: string;
  channelId: string | null;
  instrumentKind: string | null;
};

const itemOf = (d: ItemDraft): ItemInput => ({
  title: d.title.trim(),
  ownerOrganisationId: d.owner,
  dueOn: d.dueOn,
  measureKind: d.measureKind,
  target: d.measureKind === 'participants' || d.measureKind === 'programme_quota' ? Number(d.target) || null : null,
  areaCode: d.measureKind === 'manual' ? null : d.areaCode.trim() || null,
  channelId: d.measureKind === 'participants' ? d.channelId : null,
  segment: null,
  instrumentKind: d.measureKind === 'instrument_enacted' ? (d.instrumentKind as ItemInput['instrumentKind']) : null,
});

function ItemFields({ d, set, orgs }: { d: ItemDraft; set: (p: Partial<ItemDraft>) => void; orgs: Organisation[] }) {
  const wt = useGovernanceText();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
      <TextInput label={wt('item.title')} value={d.title} onChange={(e) => set({ title: e.target.value })} required />
      <Select label={wt('item.owner')} data={orgOptions(orgs)} value={d.owner} onChange={(v) => set({ owner: v })} />
      <TextInput
        type="date"
        label={wt('item.due')}
        value={d.dueOn}
        onChange={(e) => set({ dueOn: e.target.value })}
        required
      />
      <Select
        label={wt('item.measure')}
        data={MEASURE_KINDS.map((m) => ({ value: m, label: wt(`measure.${m}`) }))}
        value={d.measureKind}
        onChange={(v) => set({ measureKind: (v ?? 'manual') as ItemDraft['measureKind'] })}
        allowDeselect={false}
      />
      {(d.measureKind === 'participants' || d.measureKind === 'programme_quota') && (
        <NumberInput label={wt('item.target')} value={d.target} onChange={(v) => set({ target: v })} min={1} />
      )}
      {d.measureKind !== 'manual' && (
        <TextInput label={wt('item.area')} value={d.areaCode} onChange={(e) => set({ areaCode: e.target.value })} />
      )}
      {d.measureKind === 'participants' && (
        <Select
          label={wt('item.channel')}
          data={orgOptions(orgs)}
          value={d.channelId}
          onChange={(v) => set({ channelId: v })}
          searchable
        />
      )}
      {d.measureKind === 'instrument_enacted' && (
        <Select
          label={wt('item.instrumentKind')}
          data={INSTRUMENT_KINDS.map((k) => ({ value: k, label: wt(`kind.${k}`) }))}
          value={d.instrumentKind}
          onChange={(v) => set({ instrumentKind: v })}
        />
      )}
    </SimpleGrid>
  );
}

const emptyItem = (region: string): ItemDraft => ({
  title: '',
  owner: null,
  dueOn: '',
  measureKind: 'manual',
  target: '',
  areaCode: region === '*' ? '' : region,
  channelId: null,
  instrumentKind: null,
});

function AddItem({ plan, orgs }: { plan: Plan; orgs: Organisation[] }) {
  const wt = useGovernanceText();
  const add = useAddItem();
  const [d, setD] = useState<ItemDraft>(() => emptyItem(plan.region));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ planId: plan.id, body: itemOf(d) }, { onSuccess: () => setD(emptyItem(plan.region)) });
  };
  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} aria-labelledby="item-form">
      <Stack gap="sm">
        <Title order={3} fz="h5" id="item-form">
          {wt('item.new')}
        </Title>
        <ItemFields d={d} set={(p) => setD((x) => ({ ...x, ...p }))} orgs={orgs} />
        {add.error && <ErrorAlert error={add.error} />}
        <Group>
          <Button type="submit" loading={add.isPending}>
            {wt('item.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

type Signatory = { organisationId: string | null; personName: string };

function PlanForm({ orgs, onDone }: { orgs: Organisation[]; onDone: (id?: string) => void }) {
  const wt = useGovernanceText();
  const me = useCurrentUser();
  const create = useCreatePlan();
  const [title, setTitle] = useState('');
  const [region, setRegion] = useState(me.region === '*' ? '' : me.region);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [signedOn, setSignedOn] = useState('');
  const [signatories, setSignatories] = useState<Signatory[]>([
    { organisationId: null, personName: '' },
    { organisationId: null, personName: '' },
    { organisationId: null, personName: '' },
  ]);
  const [item, setItem] = useState<ItemDraft>(() => emptyItem(me.region));
  const setSig = (n: number, p: Partial<Signatory>) =>
    setSignatories((all) => all.map((s, i) => (i === n ? { ...s, ...p } : s)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        region: region.trim(),
        title: title.trim(),
        periodStart: start,
        periodEnd: end,
        signedOn: signedOn || null,
        signatories: signatories
          .filter((s) => s.personName.trim())
          .map((s) => ({ organisationId: s.organisationId, personName: s.personName.trim(), position: null })),
        items: item.title.trim() ? [itemOf(item)] : [],
      },
      { onSuccess: (p) => onDone(p.id) },
    );
  };
  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} aria-labelledby="plan-form">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="plan-form">
          {wt('plans.new')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <TextInput label={wt('plans.name')} value={title} onChange={(e) => setTitle(e.target.value)} required />
          <TextInput label={wt('plans.region')} value={region} onChange={(e) => setRegion(e.target.value)} required />
          <TextInput
            type="date"
            label={wt('plans.signedOn')}
            value={signedOn}
            onChange={(e) => setSignedOn(e.target.value)}
          />
          <TextInput
            type="date"
            label={wt('plans.start')}
            value={start}
            onChange={(e) => setStart(e.target.value)}
            required
          />
          <TextInput
            type="date"
            label={wt('plans.end')}
            value={end}
            onChange={(e) => setEnd(e.target.value)}
            required
          />
        </SimpleGrid>
        <Title order={3} fz="h5">
          {wt('plans.signatories')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {signatories.map((s, n) => [
            <Select
              key={`o${n}`}
              label={wt('plans.signatory', { n: n + 1 })}
              data={orgOptions(orgs)}
              value={s.organisationId}
              onChange={(v) => setSig(n, { organisationId: v })}
              searchable
            />,
            <TextInput
              key={`p${n}`}
              label={wt('plans.person', { n: n + 1 })}
              value={s.personName}
              onChange={(e) => setSig(n, { personName: e.target.value })}
            />,
          ])}
        </SimpleGrid>
        <Title order={3} fz="h5">
          {wt('item.new')}
        </Title>
        <ItemFields d={item} set={(p) => setItem((x) => ({ ...x, ...p }))} orgs={orgs} />
        {create.error && <ErrorAlert error={create.error} />}
        <Group>
          <Button type="submit" loading={create.isPending}>
            {wt('plans.save')}
          </Button>
          <Button variant="default" onClick={() => onDone()}>
            {wt('plans.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function PlanView({
  id,
  mayEdit,
  orgs,
  watch,
}: {
  id: string;
  mayEdit: boolean;
  orgs: Organisation[];
  watch: boolean;
}) {
  const wt = useGovernanceText();
  const q = usePlan(id, watch);
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <PageLoader />;
  const p = q.data;
  return (
    <Stack gap="md">
      <div>
        <Title order={2} fz="h3">
          {p.title}
        </Title>
        <Text size="sm" c="dimmed">
          {wt('plans.period', { from: formatDate(p.periodStart), to: formatDate(p.periodEnd) })}
        </Text>
        {p.signatories.length > 0 && (
          <Text size="sm">
            {wt('plans.signedBy', { date: p.signedOn ? formatDate(p.signedOn) : '—' })}{' '}
            {p.signatories.map((s) => [s.personName, s.organisation].filter(Boolean).join(', ')).join('; ')}
          </Text>
        )}
      </div>
      <ItemsTable plan={p} mayEdit={mayEdit} />
      <Text size="xs" c="dimmed">
        {wt('plans.legend')}
      </Text>
      {mayEdit && <AddItem plan={p} orgs={orgs} />}
    </Stack>
  );
}

export function PlansPage() {
  const wt = useGovernanceText();
  const me = useCurrentUser();
  const mayEdit = GOVERNANCE_EDITORS.includes(me.role);
  const plans = usePlans();
  const orgs = useOrganisations();
  const recompute = useRecompute();
  const [chosen, setChosen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  if (plans.error) return <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />;
  if (!plans.data) return <PageLoader />;
  const current = chosen ?? plans.data.items[0]?.id ?? null;
  return (
    <>
      <PageHeader title={wt('plans.title')} description={wt('plans.description')} />
      <GovernanceTabs />
      <Stack gap="lg">
        <Group align="flex-end">
          {plans.data.items.length > 0 && (
            <Select
              label={wt('plans.pick')}
              data={plans.data.items.map((p) => ({ value: p.id, label: p.title }))}
              value={current}
              onChange={setChosen}
              allowDeselect={false}
              miw={320}
            />
          )}
          {mayEdit && !creating && <Button onClick={() => setCreating(true)}>{wt('plans.new')}</Button>}
          {mayEdit && (
            <Button variant="light" loading={recompute.isPending} onClick={() => recompute.mutate()}>
              {wt('plans.recompute')}
            </Button>
          )}
        </Group>
        {recompute.isSuccess && <Alert color="blue">{wt('plans.recomputeQueued')}</Alert>}
        {recompute.error && <ErrorAlert error={recompute.error} />}
        {creating && (
          <PlanForm
            orgs={orgs.data?.items ?? []}
            onDone={(id) => {
              setCreating(false);
              if (id) setChosen(id);
            }}
          />
        )}
        {current === null ? (
          <Text size="sm">{wt('plans.empty')}</Text>
        ) : (
          <PlanView id={current} mayEdit={mayEdit} orgs={orgs.data?.items ?? []} watch={recompute.isSuccess} />
        )}
      </Stack>
    </>
  );
}
