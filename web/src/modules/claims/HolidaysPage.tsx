// `/klaim/hari-libur`: the days that are not working days for the claim service levels (weekends never are).
// Everyone who reads claims sees them; administrators add and remove them.
import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { dateName } from '../../../../lib/rules/lapse.ts';
import { useLocale } from '../../app/i18n.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { useCurrentUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { useAddHoliday, useHolidays, useRemoveHoliday } from './claims-api.ts';
import { useClaimsText } from './claims-text.ts';
import { ClaimsTabs } from './claims-ui.tsx';

export function HolidaysPage() {
  const ct = useClaimsText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const mayEdit = me.role === 'admin';
  const holidays = useHolidays();
  const add = useAddHoliday();
  const remove = useRemoveHoliday();
  const [day, setDay] = useState('');
  const [name, setName] = useState('');
  if (holidays.error) return <ErrorAlert error={holidays.error} onRetry={() => void holidays.refetch()} />;
  if (!holidays.data) return <PageLoader />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ day, name: name.trim() }, { onSuccess: () => (setDay(''), setName('')) });
  };
  return (
    <>
      <PageHeader title={ct('holiday.title')} description={ct('holiday.description')} />
      <ClaimsTabs />
      <Stack gap="lg">
        {mayEdit && (
          <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} aria-labelledby="holiday-add">
            <Stack gap="sm">
              <Title order={2} fz="h4" id="holiday-add">
                {ct('holiday.add')}
              </Title>
              <Group align="end">
                <TextInput
                  type="date"
                  label={ct('holiday.day')}
                  value={day}
                  onChange={(e) => setDay(e.target.value)}
                  required
                />
                <TextInput label={ct('holiday.name')} value={name} onChange={(e) => setName(e.target.value)} required />
                <Button type="submit" loading={add.isPending}>
                  {ct('holiday.add')}
                </Button>
              </Group>
              {add.error && <ErrorAlert error={add.error} />}
            </Stack>
          </Paper>
        )}
        {holidays.data.items.length === 0 ? (
          <Text size="sm">{ct('holiday.empty')}</Text>
        ) : (
          <TableScroll label={ct('holiday.table')} minWidth={420}>
            <Table aria-label={ct('holiday.table')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{ct('holiday.day')}</Table.Th>
                  <Table.Th>{ct('holiday.name')}</Table.Th>
                  {mayEdit && <Table.Th>{ct('holiday.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {holidays.data.items.map((h) => (
                  <Table.Tr key={h.day}>
                    <Table.Td>{dateName(h.day, locale)}</Table.Td>
                    <Table.Td>{h.name}</Table.Td>
                    {mayEdit && (
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          loading={remove.isPending}
                          aria-label={ct('holiday.remove', { day: dateName(h.day, locale) })}
                          onClick={() => remove.mutate(h.day)}
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
        {remove.error && <ErrorAlert error={remove.error} />}
      </Stack>
    </>
  );
}
