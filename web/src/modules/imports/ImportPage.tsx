import { Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { ImportJob } from '../../../../lib/contracts/imports.ts';
import { useLocale } from '../../app/i18n.ts';
import { ROUTES } from '../../app/routes.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { DataTable, type Column, queryState } from '../../ui/DataTable.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { formatDateTime, formatNumber } from '../../ui/format.ts';
import { useImports, useUpload } from './imports-api.ts';
import { StatusBadge } from './ImportStatus.tsx';
import { UploadForm } from '../../ui/UploadForm.tsx';
import { useImportsText } from './imports-text.ts';
import { useRegistryText } from '../registry/registry-text.ts';
import { ChannelSelect } from '../governance/ChannelSelect.tsx';

/** Upload a CSV/XLSX list of workers; the recent imports of the region below. */
export function ImportPage() {
  const t = useImportsText();
  const rt = useRegistryText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState('');
  const [channel, setChannel] = useState<string | null | undefined>(undefined);
  const [page, setPage] = useState(1);
  const upload = useUpload();
  const history = useImports(page);

  const submit = () => {
    if (!file) return;
    upload.mutate(
      { file, ...(sheet.trim() && { sheet: sheet.trim() }), ...(channel && { channelId: channel }) },
      { onSuccess: (job) => navigate(ROUTES.importJob(job.id)) },
    );
  };

  const columns: Column<ImportJob>[] = [
    {
      key: 'file',
      header: t('imports.col.file'),
      cell: (j) => (
        <Anchor component={Link} to={ROUTES.importJob(j.id)} size="sm">
          {j.fileName}
        </Anchor>
      ),
    },
    { key: 'at', header: t('imports.col.at'), nowrap: true, cell: (j) => formatDateTime(j.createdAt, locale) },
    { key: 'by', header: t('imports.col.by'), cell: (j) => j.createdBy },
    { key: 'status', header: t('imports.col.status'), cell: (j) => <StatusBadge job={j} /> },
    {
      key: 'rows',
      header: t('imports.col.rows'),
      align: 'right',
      cell: (j) => (j.summary ? formatNumber(j.summary.total, locale) : '—'),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('imports.title')}
        description={t('imports.description', { region: me.regionLabel })}
        above={
          <Anchor component={Link} to={ROUTES.workers} size="sm">
            ← {rt('workers.title')}
          </Anchor>
        }
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <UploadForm
            onSubmit={submit}
            file={file}
            onFileChange={setFile}
            fileLabel={t('imports.file')}
            fileDescription={t('imports.fileHelp')}
            filePlaceholder={t('imports.filePlaceholder')}
            templateHref="/api/imports/template.xlsx"
            fields={
              <>
                <TextInput
                  label={t('imports.sheet')}
                  description={t('imports.sheetHelp')}
                  value={sheet}
                  onChange={(e) => setSheet(e.currentTarget.value)}
                  maxLength={100}
                />
                <ChannelSelect value={channel} onChange={setChannel} />
              </>
            }
            error={upload.error}
            errorTitle={t('imports.uploadFailed')}
            actions={
              <Button
                type="submit"
                leftSection={<IconUpload size={18} aria-hidden />}
                disabled={!file}
                loading={upload.isPending}
              >
                {t('imports.upload')}
              </Button>
            }
          >
            <Text size="xs" c="dimmed" maw="40rem">
              {t('imports.privacy')}
            </Text>
          </UploadForm>
        </Paper>
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={2} fz="h4">
                {t('imports.history')}
              </Title>
              <Badge variant="light" color="gray">
                {formatNumber(history.data?.total ?? 0, locale)}
              </Badge>
            </Group>
            <DataTable
              label={t('imports.history')}
              columns={columns}
              rows={history.data?.items}
              rowKey={(j) => j.id}
              total={history.data?.total}
              page={page}
              pageSize={10}
              onPageChange={setPage}
              {...queryState(history)}
              minWidth={640}
              empty={<EmptyState title={t('imports.historyEmpty')} body={t('imports.historyEmptyBody')} />}
            />
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
