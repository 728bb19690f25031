// Proposing workers to a programme from a CSV/XLSX file of NIKs: check first, then propose.
import { Alert, Anchor, Button, Paper, Stack, Table, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { FileProposalResult, ProposalResult } from '../../../../lib/contracts/programs.ts';
import { useLocale } from '../../app/i18n.ts';
import { ROUTES } from '../../app/routes.ts';
import { formatNumber } from '../../ui/format.ts';
import { useFileProposal } from './programs-api.ts';
import { useProgramsText } from './programs-text.ts';
import { ProposalPreview } from './ProposalPreview.tsx';
import { UploadForm } from '../../ui/UploadForm.tsx';

/**
 * Proposal from a spreadsheet with a NIK column: "Periksa berkas" previews (nothing saved), the rows that cannot be
 * used are listed with their row and column, and the confirmation proposes the workers found.
 */
export function FileProposeForm({ programId }: { programId: string }) {
  const t = useProgramsText();
  const [locale] = useLocale();
  const send = useFileProposal(programId);
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<FileProposalResult | null>(null);
  const [done, setDone] = useState<ProposalResult | null>(null);

  const check = () => {
    if (!file) return;
    setDone(null);
    send.mutate({ file, dryRun: true }, { onSuccess: (r) => setChecked(r) });
  };
  const confirm = () => {
    if (!file) return;
    send.mutate(
      { file, dryRun: false },
      {
        onSuccess: (r) => {
          setDone(r.proposal);
          setChecked(null);
        },
      },
    );
  };

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <UploadForm
        onSubmit={check}
        title={t('proposals.fileTitle')}
        description={t('proposals.fileHint')}
        file={file}
        onFileChange={(f) => {
          setFile(f);
          setChecked(null);
          setDone(null);
          send.reset();
        }}
        fileLabel={t('proposals.fileLabel')}
        templateHref="/api/programs/proposal-template.xlsx"
        required={false}
        error={send.error}
        actions={
          <Button type="submit" variant="default" disabled={!file} loading={send.isPending && !checked}>
            {t('proposals.fileCheck')}
          </Button>
        }
      >
        {checked && (
          <Stack gap="sm" data-testid="file-proposal-preview">
            <Text fw={600}>
              {t('proposals.fileSummary', {
                rows: formatNumber(checked.rows, locale),
                found: formatNumber(checked.found, locale),
              })}
            </Text>
            {checked.issues.length > 0 && (
              <>
                <Text size="sm" fw={600}>
                  {t('proposals.fileIssues', { n: formatNumber(checked.issues.length, locale) })}
                </Text>
                <Table aria-label={t('proposals.fileIssuesTable')} striped verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('proposals.col.row')}</Table.Th>
                      <Table.Th scope="col">{t('proposals.col.column')}</Table.Th>
                      <Table.Th scope="col">{t('proposals.col.problem')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {checked.issues.slice(0, 200).map((i) => (
                      <Table.Tr key={`${i.row}-${i.code}`}>
                        <Table.Td>{i.row}</Table.Td>
                        <Table.Td>{i.column}</Table.Td>
                        <Table.Td>
                          <Text size="sm">{i.message}</Text>
                          <Text size="xs" c="dimmed" ff="monospace">
                            {i.code}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </>
            )}
            {checked.proposal ? (
              <ProposalPreview
                result={checked.proposal}
                onConfirm={confirm}
                confirming={send.isPending}
                testId="file-proposal-result"
              />
            ) : (
              <Alert color="yellow" variant="light">
                {t('proposals.fileNoneFound')}
              </Alert>
            )}
          </Stack>
        )}
        {done && (
          <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
            {t('proposals.done', { n: formatNumber(done.proposed, locale) })}{' '}
            <Anchor component={Link} to={ROUTES.programDetail(programId)} size="sm">
              {t('proposals.toProgram')}
            </Anchor>
          </Alert>
        )}
      </UploadForm>
    </Paper>
  );
}
