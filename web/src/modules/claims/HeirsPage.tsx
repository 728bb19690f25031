import { Alert, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { HEIR_EDITORS, HEIR_RELATIONS, type HeirInput, type HeirRelation } from '../../../../lib/contracts/claims.ts';
import { useT } from '../../app/i18n.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { useCurrentUser } from '../../app/session.tsx';
import { ErrorAlert, errorMessage } from '../../ui/ErrorAlert.tsx';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { useWorker } from '../registry/registry-api.ts';
import { useAddHeir, useHousehold, useRemoveHeir, useSetKk } from './claims-api.ts';
import { useClaimsText } from './claims-text.ts';

const EMPTY_HEIR = {
  name: '',
  nik: '',
  relation: 'spouse' as HeirRelation,
  bankName: '',
  accountNumber: '',
  accountHolder: '',
};

/** `/klaim/ahli-waris/:workerId`: KK number and heirs of a worker, masked, and what a future claim still lacks. */
export function HeirsPage() {
  const { workerId = '' } = useParams();
  const ct = useClaimsText();
  const t = useT();
  const me = useCurrentUser();
  const mayEdit = HEIR_EDITORS.includes(me.role);
  const worker = useWorker(workerId);
  const household = useHousehold(workerId);
  const setKk = useSetKk(workerId);
  const addHeir = useAddHeir(workerId);
  const removeHeir = useRemoveHeir(workerId);
  const [kk, setKkText] = useState('');
  const [heir, setHeir] = useState(EMPTY_HEIR);

  if (household.error) return <ErrorAlert error={household.error} onRetry={() => void household.refetch()} />;
  if (!household.data) return <PageLoader />;
  const h = household.data;
  const change = setKk.error ?? addHeir.error ?? removeHeir.error;

  const saveKk = (e: FormEvent) => {
    e.preventDefault();
    setKk.mutate({ kkNumber: kk.trim() === '' ? null : kk.replace(/\s/g, '') }, { onSuccess: () => setKkText('') });
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    const input: HeirInput = {
      name: heir.name,
      relation: heir.relation,
      ...(heir.nik.trim() && { nik: heir.nik.replace(/\s/g, '') }),
      ...(heir.bankName.trim() && { bankName: heir.bankName }),
      ...(heir.accountNumber.trim() && { accountNumber: heir.accountNumber.replace(/\s/g, '') }),
      ...(heir.accountHolder.trim() && { accountHolder: heir.accountHolder }),
    };
    addHeir.mutate(input, { onSuccess: () => setHeir(EMPTY_HEIR) });
  };
  const field = (key: keyof typeof EMPTY_HEIR) => ({
    value: heir[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const v = e.currentTarget.value;
      setHeir((x) => ({ ...x, [key]: v }));
    },
  });

  return (
    <>
      <PageHeader
        title={ct('heirs.title', { name: worker.data?.fullName ?? '' })}
        description={ct('heirs.description')}
      />
      <Stack gap="lg" maw={900}>
        {h.missing.length > 0 ? (
          <Alert color="orange" variant="light" title={ct('heirs.missing')} data-testid="heirs-missing">
            {h.missing.map((m) => ct(`missing.${m}`)).join(', ')}
          </Alert>
        ) : (
          <Alert color="green" variant="light" data-testid="heirs-missing">
            {ct('heirs.complete')}
          </Alert>
        )}
        {change && (
          <Alert color="red" role="alert">
            {errorMessage(change, t)}
          </Alert>
        )}
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="kk-title">
          <Stack gap="sm">
            <Title order={2} fz="h4" id="kk-title">
              {ct('heirs.kk')}
            </Title>
            <Text ff="monospace" data-testid="kk-masked">
              {h.kkMasked ?? ct('heirs.kkNone')}
            </Text>
            {mayEdit && (
              <form onSubmit={saveKk}>
                <Group align="flex-end">
                  <TextInput
                    label={ct('heirs.kk')}
                    value={kk}
                    onChange={(e) => setKkText(e.currentTarget.value)}
                    inputMode="numeric"
                    maxLength={20}
                  />
                  <Button type="submit" variant="default" loading={setKk.isPending}>
                    {ct('heirs.kkSave')}
                  </Button>
                </Group>
              </form>
            )}
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="heirs-title">
          <Stack gap="sm">
            <Title order={2} fz="h4" id="heirs-title">
              {ct('heirs.list')}
            </Title>
            {h.heirs.length === 0 ? (
              <Text size="sm">{ct('heirs.none')}</Text>
            ) : (
              <TableScroll label={ct('heirs.list')} minWidth={640}>
                <Table aria-label={ct('heirs.list')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{ct('heirs.name')}</Table.Th>
                      <Table.Th>{ct('heirs.relation')}</Table.Th>
                      <Table.Th>{ct('heirs.nik')}</Table.Th>
                      <Table.Th>{ct('heirs.account')}</Table.Th>
                      {mayEdit && <Table.Th />}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {h.heirs.map((x) => (
                      <Table.Tr key={x.id}>
                        <Table.Td>{x.name}</Table.Td>
                        <Table.Td>{ct(`relation.${x.relation}`)}</Table.Td>
                        <Table.Td ff="monospace">{x.nikMasked ?? '—'}</Table.Td>
                        <Table.Td>
                          {x.accountMasked ? `${x.bankName ?? ''} ${x.accountMasked} (${x.accountHolder ?? ''})` : '—'}
                        </Table.Td>
                        {mayEdit && (
                          <Table.Td>
                            <Button
                              size="xs"
                              variant="subtle"
                              color="red"
                              onClick={() => removeHeir.mutate(x.id)}
                              aria-label={ct('heirs.remove', { name: x.name })}
                            >
                              ×
                            </Button>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )}
            {mayEdit && (
              <form onSubmit={add}>
                <Stack gap="xs">
                  <Group grow align="flex-end">
                    <TextInput label={ct('heirs.name')} required {...field('name')} />
                    <LabelledSelect
                      label={ct('heirs.relation')}
                      data={HEIR_RELATIONS.map((r) => ({ value: r, label: ct(`relation.${r}`) }))}
                      value={heir.relation}
                      onChange={(v) => v && setHeir((x) => ({ ...x, relation: v as HeirRelation }))}
                      allowDeselect={false}
                    />
                    <TextInput label={ct('heirs.nik')} inputMode="numeric" maxLength={20} {...field('nik')} />
                  </Group>
                  <Group grow align="flex-end">
                    <TextInput label={ct('heirs.bank')} {...field('bankName')} />
                    <TextInput label={ct('heirs.account')} inputMode="numeric" {...field('accountNumber')} />
                    <TextInput label={ct('heirs.holder')} {...field('accountHolder')} />
                  </Group>
                  <Group>
                    <Button type="submit" loading={addHeir.isPending}>
                      {ct('heirs.add')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            )}
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
