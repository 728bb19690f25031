import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDatabase, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { SnapshotResult, SnapshotSummary } from '../../../../lib/contracts/exchange.ts';
import { useLocale } from '../../app/i18n.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { DataTable, type Column, queryState } from '../../ui/DataTable.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useUrlFilters } from '../../ui/url-state.ts';
import { useSnapshots, useSnapshotUpload } from './exchange-api.ts';
import { useExchangeText } from './exchange-text.ts';
import { ExchangeNav, IssueTable } from './exchange-ui.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { UploadForm } from '../../ui/UploadForm.tsx';

export function SnapshotPage() {
  const xt = useExchangeText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const { page, setPage } = useUrlFilters([] as const);
  const snapshots = useSnapshots(page);
  const upload = useSnapshotUpload();
  const [file, setFile] = useState<File | null>(null);
  const [region, setRegion] = useState('');
  const [asOf, setAsOf] = useState('');
  const [result, setResult] = useState<SnapshotResult | null>(null);
  const n = (v: number) => formatNumber(v, locale);

  const columns: Column<SnapshotSummary>[] = [
    {
      key: 'asOf',
      header: xt('snapshot.col.asOf'),
      nowrap: true,
      cell: (s) => (
        <Group gap="xs">
          <Text size="sm">{formatDate(s.asOf, locale)}</Text>
          {s.current && (
            <Badge size="sm" variant="light" color="green">
              {xt('snapshot.current')}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: 'region', header: xt('snapshot.col.region'), cell: (s) => s.regionLabel },
    { key: 'persons', header: xt('snapshot.col.persons'), align: 'right', cell: (s) => n(s.persons) },
    { key: 'inRegistry', header: xt('snapshot.col.inRegistry'), align: 'right', cell: (s) => n(s.inRegistry) },
    {
      key: 'source',
      header: xt('snapshot.col.source'),
      cell: (s) => (
        <Stack gap={0}>
          <Text size="sm">{xt(`snapshot.source.${s.source}`)}</Text>
          {s.fileName && (
            <Text size="xs" c="dimmed">
              {s.fileName}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'by',
      header: xt('snapshot.col.by'),
      cell: (s) => `${s.importedBy}, ${formatDateTime(s.importedAt, locale)}`,
    },
  ];

  return (
    <>
      <PageHeader title={xt('snapshot.title')} description={xt('snapshot.description')} />
      <ExchangeNav />
      <Stack gap="lg">
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <UploadForm
            onSubmit={() => {
              if (!file) return;
              upload.mutate(
                { file, ...(region && { region }), ...(asOf && { asOf }) },
                { onSuccess: (r) => setResult(r) },
              );
            }}
            file={file}
            onFileChange={(f) => {
              setFile(f);
              setResult(null);
            }}
            fileLabel={xt('snapshot.file')}
            fileDescription={xt('snapshot.fileHelp')}
            templateHref="/api/exchange/snapshot-template.xlsx"
            fields={
              <Group grow align="flex-start">
                <TextInput
                  label={xt('snapshot.region')}
                  description={xt('snapshot.regionHelp', { region: me.regionLabel })}
                  placeholder={me.region}
                  value={region}
                  onChange={(e) => setRegion(e.currentTarget.value.trim())}
                />
                <DateField label={xt('snapshot.asOf')} value={asOf} onChange={(v) => setAsOf(v)} />
              </Group>
            }
            error={upload.error}
            actions={
              <Button
                type="submit"
                leftSection={<IconUpload size={18} aria-hidden />}
                disabled={!file}
                loading={upload.isPending}
              >
                {xt('snapshot.upload')}
              </Button>
            }
          />
          {result && (
            <Stack gap="sm" mt="md">
              {result.imported && result.snapshot ? (
                <Alert color="green" variant="light" role="status">
                  {xt('snapshot.imported', {
                    persons: n(result.snapshot.persons),
                    inRegistry: n(result.snapshot.inRegistry),
                  })}
                </Alert>
              ) : (
                <>
                  <Alert color="red" variant="light" role="status">
                    {xt('snapshot.refused', { n: n(result.issues.length) })}
                  </Alert>
                  <IssueTable issues={result.issues} label={xt('response.issues')} />
                </>
              )}
            </Stack>
          )}
        </Paper>
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <Stack gap="sm">
            <Title order={2} fz="h4">
              {xt('snapshot.list')}
            </Title>
            <DataTable
              label={xt('snapshot.list')}
              columns={columns}
              rows={snapshots.data?.items}
              rowKey={(s) => s.id}
              total={snapshots.data?.total}
              page={page}
              pageSize={25}
              onPageChange={setPage}
              {...queryState(snapshots)}
              minWidth={760}
              empty={
                <EmptyState
                  icon={<IconDatabase size={26} stroke={1.5} />}
                  title={xt('snapshot.empty.title')}
                  body={xt('snapshot.empty.body')}
                />
              }
            />
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
