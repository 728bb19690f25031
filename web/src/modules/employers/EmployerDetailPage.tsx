// `/pemberi-kerja/:id`: one employer, its status and warning history; Disnaker records warnings and, when the branch
// asks, downloads the sanction request letter (PP 86/2013).
import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { SANCTION_LETTER_WRITERS, EMPLOYER_EDITORS } from '../../../../lib/contracts/employers.ts';
import { useLocale } from '../../app/i18n.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { useCurrentUser } from '../../app/session.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDate, formatNumber } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { sanctionLetterUrl, useEmployer, useRecordWarning } from './employers-api.ts';
import { useEmployersText } from './employers-text.ts';
import { EmployersTabs, StatusBadge } from './employers-ui.tsx';

export function EmployerDetailPage() {
  const { id = '' } = useParams();
  const et = useEmployersText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const employer = useEmployer(id);
  const warn = useRecordWarning(id);
  const [issuedOn, setIssuedOn] = useState('');
  const [reference, setReference] = useState('');
  const [branchRef, setBranchRef] = useState('');
  const [branchDate, setBranchDate] = useState('');
  if (employer.error) return <ErrorAlert error={employer.error} onRetry={() => void employer.refetch()} />;
  const e = employer.data;
  if (!e) return <PageLoader />;
  const facts: [string, string][] = [
    [et('col.nib'), e.nib],
    [et('detail.npwp'), e.npwp ?? '–'],
    [et('col.npp'), e.npp ?? '–'],
    [et('col.village'), e.villageLabel],
    [et('detail.address'), e.address ?? '–'],
    [et('detail.contact'), e.contact ?? '–'],
    [et('detail.reported'), e.reportedWorkers === null ? '–' : formatNumber(e.reportedWorkers)],
    [et('detail.active'), e.activeWorkers === null ? '–' : formatNumber(e.activeWorkers)],
    [et('detail.paidThrough'), e.paidThrough ? formatDate(e.paidThrough, locale) : '–'],
  ];
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    warn.mutate({ issuedOn, reference: reference.trim() }, { onSuccess: () => (setIssuedOn(''), setReference('')) });
  };
  return (
    <>
      <PageHeader title={e.name} description={e.reason} />
      <EmployersTabs />
      <Stack gap="lg">
        <Group>
          <StatusBadge status={e.status} />
          {e.snapshotAsOf && <Text size="sm">{et('list.asOf', { date: formatDate(e.snapshotAsOf, locale) })}</Text>}
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Paper withBorder radius="md" p="md">
            <Title order={2} fz="h4" mb="sm">
              {et('detail.facts')}
            </Title>
            <Table>
              <Table.Tbody>
                {facts.map(([k, v]) => (
                  <Table.Tr key={k}>
                    <Table.Th>{k}</Table.Th>
                    <Table.Td>{v}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          <Paper withBorder radius="md" p="md">
            <Stack gap="sm">
              <Title order={2} fz="h4">
                {et('detail.warnings')}
              </Title>
              {e.warningHistory.length === 0 ? (
                <Text size="sm">{et('detail.noWarnings')}</Text>
              ) : (
                e.warningHistory.map((w) => (
                  <Text key={w.seq} size="sm">
                    {et('detail.warningN', { seq: w.seq })}: {w.reference} · {formatDate(w.issuedOn, locale)}
                  </Text>
                ))
              )}
              {EMPLOYER_EDITORS.includes(me.role) && e.warningHistory.length < 2 && (
                <form onSubmit={submit}>
                  <Group align="end">
                    <DateField label={et('detail.warningDate')} value={issuedOn} onChange={setIssuedOn} required />
                    <TextInput
                      label={et('detail.warningRef')}
                      value={reference}
                      onChange={(ev) => setReference(ev.target.value)}
                      required
                    />
                    <Button type="submit" loading={warn.isPending}>
                      {et('detail.addWarning')}
                    </Button>
                  </Group>
                </form>
              )}
              {warn.error && <ErrorAlert error={warn.error} />}
            </Stack>
          </Paper>
        </SimpleGrid>
        {SANCTION_LETTER_WRITERS.includes(me.role) && e.warningHistory.length === 2 && !e.compliant && (
          <Paper withBorder radius="md" p="md">
            <Stack gap="sm">
              <Title order={2} fz="h4">
                {et('detail.letter')}
              </Title>
              <Text size="sm">{et('detail.letterHelp')}</Text>
              <Group align="end">
                <TextInput
                  label={et('detail.branchRef')}
                  value={branchRef}
                  onChange={(ev) => setBranchRef(ev.target.value)}
                />
                <DateField label={et('detail.branchDate')} value={branchDate} onChange={setBranchDate} />
                {branchRef.trim() && branchDate ? (
                  <Anchor href={sanctionLetterUrl(id, branchRef.trim(), branchDate)} download>
                    {et('detail.letterDownload')}
                  </Anchor>
                ) : (
                  <Text size="sm" c="dimmed">
                    {et('detail.letterDownload')}
                  </Text>
                )}
              </Group>
            </Stack>
          </Paper>
        )}
      </Stack>
    </>
  );
}
