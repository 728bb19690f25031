// `/pemberi-kerja/cek`: the licensing office (DPMPTSP) and procurement ask whether a business is compliant, by NIB.
import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useLocale } from '../../app/i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDate } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useComplianceCheck } from './employers-api.ts';
import { useEmployersText } from './employers-text.ts';
import { EmployersTabs } from './employers-ui.tsx';

export function CompliancePage() {
  const et = useEmployersText();
  const [locale] = useLocale();
  const [nib, setNib] = useState('');
  const check = useComplianceCheck();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    check.mutate(nib.trim());
  };
  const a = check.data;
  return (
    <>
      <PageHeader title={et('check.title')} description={et('check.description')} />
      <EmployersTabs />
      <Stack gap="lg" maw="40rem">
        <Paper withBorder radius="md" p="md" component="form" onSubmit={submit}>
          <Group align="end">
            <TextInput
              label={et('check.nib')}
              value={nib}
              onChange={(e) => setNib(e.target.value)}
              inputMode="numeric"
              required
            />
            <Button type="submit" loading={check.isPending}>
              {et('check.submit')}
            </Button>
          </Group>
        </Paper>
        {check.error && <ErrorAlert error={check.error} />}
        {a && (
          <Paper withBorder radius="md" p="md" role="status" aria-live="polite" data-testid="compliance-answer">
            <Stack gap="xs">
              <Group>
                <Badge size="lg" color={a.compliant ? 'teal' : 'red'} variant="light" radius="sm">
                  {a.compliant ? et('check.compliant') : et('check.noncompliant')}
                </Badge>
                <Title order={2} fz="h4">
                  {a.name ?? a.nib}
                </Title>
              </Group>
              <Text>{a.reason}</Text>
              {!a.found && a.name && <Text size="sm">{et('check.notListed')}</Text>}
              <Text size="sm" c="dimmed">
                {a.snapshotAsOf ? et('check.asOf', { date: formatDate(a.snapshotAsOf, locale) }) : et('check.noData')}
              </Text>
            </Stack>
          </Paper>
        )}
      </Stack>
    </>
  );
}
