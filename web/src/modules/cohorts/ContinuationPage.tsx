// "Lanjutkan mandiri" (issue 18 §5): who left a funded cohort and what continuing self-paid would cost them, with
// the XLSX export and a letter per person.
import { Anchor, Button, Paper, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ContinuationPerson } from '../../../../lib/contracts/programs.ts';
import { useLocale } from '../../app/i18n.ts';
import { DataTable, queryState } from '../../ui/DataTable.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { formatRupiah } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { formatMonth } from '../contributions/rule-format.ts';
import { useRegistryText } from '../registry/registry-text.ts';
import { BackToPrograms } from '../programs/program-ui.tsx';
import { continuationLetterUrl, continuationXlsxUrl, useContinuation } from '../programs/programs-api.ts';
import { useProgramsText } from '../programs/programs-text.ts';
import { useCohortsText } from './cohorts-text.ts';

export function ContinuationPage() {
  const t = useCohortsText();
  const pt = useProgramsText();
  const rt = useRegistryText();
  const [locale] = useLocale();
  const [page, setPage] = useState(1);
  const [params] = useSearchParams();
  const list = useContinuation(page, params.get('program'));
  return (
    <>
      <PageHeader
        title={t('continuation.title')}
        description={t('continuation.description')}
        above={<BackToPrograms />}
        actions={
          <Button component="a" href={continuationXlsxUrl} variant="default" leftSection={<IconDownload size={18} />}>
            {t('continuation.xlsx')}
          </Button>
        }
      />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <DataTable<ContinuationPerson>
          label={t('continuation.table')}
          columns={[
            {
              key: 'name',
              header: pt('people.col.name'),
              cell: (p) => (
                <Stack gap={0}>
                  <Text size="sm">{p.fullName}</Text>
                  <Text size="xs" c="dimmed">
                    {p.nikMasked}
                  </Text>
                </Stack>
              ),
            },
            { key: 'village', header: rt('workers.col.village'), cell: (p) => p.villageLabel, visibleFrom: 'md' },
            { key: 'program', header: t('continuation.col.program'), cell: (p) => p.programName },
            {
              key: 'last',
              header: t('continuation.col.lastMonth'),
              cell: (p) => formatMonth(p.lastMonth, locale),
              nowrap: true,
            },
            { key: 'reason', header: t('continuation.col.reason'), cell: (p) => t(`continuation.reason.${p.reason}`) },
            {
              key: 'earnings',
              header: t('continuation.col.earnings'),
              align: 'right',
              cell: (p) => formatRupiah(p.earnings),
            },
            {
              key: 'monthly',
              header: t('continuation.col.monthly'),
              align: 'right',
              cell: (p) => <b>{formatRupiah(p.monthly)}</b>,
            },
            { key: 'treatment', header: t('continuation.col.treatment'), cell: (p) => p.treatment, visibleFrom: 'lg' },
            {
              key: 'letter',
              header: t('continuation.letter'),
              cell: (p) => (
                <Anchor
                  href={continuationLetterUrl(p.workerId)}
                  download
                  aria-label={t('continuation.letterFor', { name: p.fullName })}
                >
                  <IconFileTypePdf size={18} aria-hidden /> {t('continuation.letter')}
                </Anchor>
              ),
            },
          ]}
          rows={list.data?.items}
          rowKey={(p) => p.workerId}
          total={list.data?.total}
          page={page}
          pageSize={50}
          onPageChange={setPage}
          {...queryState(list)}
          minWidth={960}
          empty={<EmptyState title={t('continuation.empty.title')} body={t('continuation.empty.body')} />}
        />
      </Paper>
    </>
  );
}
