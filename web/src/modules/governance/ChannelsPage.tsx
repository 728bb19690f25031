// `/tata-kelola/saluran`: the organisations of the region and above (the channels through which workers are brought
// in). Disnaker adds and edits them and sets a user's organisation (their default channel); the others read.
import {
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { GOVERNANCE_EDITORS, ORGANISATION_KINDS, type Organisation } from '../../../../lib/contracts/governance.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { useCurrentUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { useOrganisations, useSaveOrganisation, useSetMember } from './governance-api.ts';
import { useGovernanceText } from './governance-text.ts';
import { GovernanceTabs } from './governance-ui.tsx';

function OrganisationForm({ editing, onDone }: { editing?: Organisation; onDone: () => void }) {
  const wt = useGovernanceText();
  const me = useCurrentUser();
  const save = useSaveOrganisation();
  const [region, setRegion] = useState(editing?.region ?? (me.region === '*' ? '' : me.region));
  const [kind, setKind] = useState<Organisation['kind']>(editing?.kind ?? 'opd');
  const [name, setName] = useState(editing?.name ?? '');
  const [active, setActive] = useState(editing?.active ?? true);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = editing
      ? { kind, name: name.trim(), active }
      : { region: region.trim(), kind, name: name.trim(), active };
    save.mutate({ id: editing?.id, body }, { onSuccess: onDone });
  };
  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} aria-labelledby="org-form">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="org-form">
          {editing ? `${wt('ch.edit')}: ${editing.name}` : wt('ch.new')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          {!editing && (
            <TextInput label={wt('ch.region')} value={region} onChange={(e) => setRegion(e.target.value)} required />
          )}
          <Select
            label={wt('ch.kind')}
            data={ORGANISATION_KINDS.map((k) => ({ value: k, label: wt(`orgkind.${k}`) }))}
            value={kind}
            onChange={(v) => setKind((v ?? 'opd') as Organisation['kind'])}
            allowDeselect={false}
          />
          <TextInput label={wt('ch.name')} value={name} onChange={(e) => setName(e.target.value)} required />
          <Switch
            label={wt('ch.active')}
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
            mt="lg"
          />
        </SimpleGrid>
        {save.error && <ErrorAlert error={save.error} />}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {wt('ch.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {wt('ch.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function MemberForm({ orgs }: { orgs: Organisation[] }) {
  const wt = useGovernanceText();
  const set = useSetMember();
  const [username, setUsername] = useState('');
  const [org, setOrg] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (org) set.mutate({ username: username.trim(), organisationId: org });
  };
  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} aria-labelledby="member-form">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="member-form">
          {wt('ch.member')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={wt('ch.memberUser')}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
          <Select
            label={wt('ch.memberOrg')}
            data={orgs.filter((o) => o.active).map((o) => ({ value: o.id, label: o.name }))}
            value={org}
            onChange={setOrg}
            searchable
          />
        </SimpleGrid>
        {set.error && <ErrorAlert error={set.error} />}
        {set.isSuccess && <Text size="sm">{wt('ch.memberDone')}</Text>}
        <Group>
          <Button type="submit" loading={set.isPending} disabled={!org}>
            {wt('ch.memberSave')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function ChannelsPage() {
  const wt = useGovernanceText();
  const me = useCurrentUser();
  const mayEdit = GOVERNANCE_EDITORS.includes(me.role);
  const q = useOrganisations();
  const [editing, setEditing] = useState<Organisation | 'new' | null>(null);
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <PageLoader />;
  return (
    <>
      <PageHeader title={wt('ch.title')} description={wt('ch.description')} />
      <GovernanceTabs />
      <Stack gap="lg">
        {mayEdit && editing === null && (
          <Group>
            <Button onClick={() => setEditing('new')}>{wt('ch.new')}</Button>
          </Group>
        )}
        {mayEdit && editing !== null && (
          <OrganisationForm
            key={editing === 'new' ? 'new' : editing.id}
            editing={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        )}
        {q.data.items.length === 0 ? (
          <Text size="sm">{wt('ch.empty')}</Text>
        ) : (
          <TableScroll label={wt('ch.table')} minWidth={640}>
            <Table aria-label={wt('ch.table')} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{wt('ch.name')}</Table.Th>
                  <Table.Th>{wt('ch.kind')}</Table.Th>
                  <Table.Th>{wt('ch.region')}</Table.Th>
                  <Table.Th>{wt('ch.status')}</Table.Th>
                  {mayEdit && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.items.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>{o.name}</Table.Td>
                    <Table.Td>{wt(`orgkind.${o.kind}`)}</Table.Td>
                    <Table.Td>{o.region}</Table.Td>
                    <Table.Td>
                      <Badge color={o.active ? 'teal' : 'gray'} variant="light" radius="sm" c="dark">
                        {o.active ? wt('ch.active') : wt('ch.inactive')}
                      </Badge>
                    </Table.Td>
                    {mayEdit && (
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => setEditing(o)}
                          aria-label={`${wt('ch.edit')}: ${o.name}`}
                        >
                          {wt('ch.edit')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
        {mayEdit && <MemberForm orgs={q.data.items} />}
      </Stack>
    </>
  );
}
