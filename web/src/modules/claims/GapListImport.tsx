// The gap-list import on /klaim/tak-terlindungi (issue 15 §6): check a village death list or an election incident
// list, see each row's problem (row, column, what to do) or its coverage answer and missed benefit, then save it.
import { Alert, Button, Paper, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { GapImportResult } from '../../../../lib/contracts/claims.ts';
import { dateName } from '../../../../lib/rules/lapse.ts';
import { useLocale } from '../../app/i18n.ts';
import { formatNumber, formatRupiah } from '../../ui/format.ts';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { UploadForm } from '../../ui/UploadForm.tsx';
import { useGapImport } from './claims-api.ts';
import { useClaimsText } from './claims-text.ts';

function Preview({ result }: { result: GapImportResult }) {
  const ct = useClaimsText();
  const [locale] = useLocale();
  if (result.issues.length > 0) {
    return (
      <TableScroll label={ct('gapImport.issues', { n: String(result.issues.length) })} minWidth={600}>
        <Alert color="red" mb="sm" role="alert">
          {ct('gapImport.issues', { n: formatNumber(result.issues.length, locale) })}
        </Alert>
        <Table aria-label={ct('gapImport.issues', { n: String(result.issues.length) })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{ct('gapImport.col.row')}</Table.Th>
              <Table.Th>{ct('gapImport.col.column')}</Table.Th>
              <Table.Th>{ct('gapImport.col.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.issues.map((i, n) => (
              <Table.Tr key={n}>
                <Table.Td>{i.row ?? '—'}</Table.Td>
                <Table.Td>{i.column ?? '—'}</Table.Td>
                <Table.Td>{i.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    );
  }
  const words = {
    added: formatNumber(result.added, locale),
    missed: formatRupiah(result.missed, locale),
    covered: formatNumber(result.covered, locale),
    already: formatNumber(result.already, locale),
  };
  return (
    <>
      <Alert color={result.saved ? 'green' : 'blue'} mb="sm" role="status" data-testid="gap-import-summary">
        {result.saved ? ct('gapImport.saved', words) : ct('gapImport.summary', words)}
      </Alert>
      {!result.saved && (
        <TableScroll label={ct('gapImport.preview')} minWidth={800}>
          <Table aria-label={ct('gapImport.preview')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{ct('gapImport.col.row')}</Table.Th>
                <Table.Th>{ct('col.worker')}</Table.Th>
                <Table.Th>{ct('col.eventDate')}</Table.Th>
                <Table.Th>{ct('gapImport.col.status')}</Table.Th>
                <Table.Th>{ct('col.reason')}</Table.Th>
                <Table.Th ta="right">{ct('col.missed')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.preview.map((r) => (
                <Table.Tr key={r.row}>
                  <Table.Td>{r.row}</Table.Td>
                  <Table.Td>
                    {r.name}{' '}
                    <Text span size="xs" c="dimmed">
                      {r.nikMasked}
                    </Text>
                  </Table.Td>
                  <Table.Td>{dateName(r.eventDate, locale)}</Table.Td>
                  <Table.Td>{ct(`gapImport.status.${r.status}`)}</Table.Td>
                  <Table.Td>
                    {r.gapReason
                      ? `${ct(`gap.${r.gapReason}`)}${r.gapSince ? ` ${ct('gap.since', { date: dateName(r.gapSince, locale) })}` : ''}`
                      : r.reason}
                  </Table.Td>
                  <Table.Td ta="right">{r.status === 'new' ? formatRupiah(r.missed, locale) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </>
  );
}

export function GapListImport() {
  const ct = useClaimsText();
  const [file, setFile] = useState<File | null>(null);
  const run = useGapImport();
  const result = run.data;
  const checking = run.isPending && run.variables.dryRun;
  const saving = run.isPending && !run.variables.dryRun;
  const canSave = result !== undefined && !result.saved && result.issues.length === 0 && result.added > 0;
  return (
    <Paper withBorder radius="md" p="md" component="section">
      <UploadForm
        title={ct('gapImport.title')}
        description={ct('gapImport.description')}
        file={file}
        onFileChange={(f) => {
          setFile(f);
          run.reset();
        }}
        fileLabel={ct('gapImport.file')}
        onSubmit={() => file && run.mutate({ file, dryRun: true })}
        error={run.error}
        maw="100%"
        actions={
          <>
            <Button type="submit" variant="default" loading={checking}>
              {ct('gapImport.check')}
            </Button>
            {canSave && (
              <Button onClick={() => file && run.mutate({ file, dryRun: false })} loading={saving}>
                {ct('gapImport.save', { n: String(result.added) })}
              </Button>
            )}
          </>
        }
      >
        {result && <Preview result={result} />}
      </UploadForm>
    </Paper>
  );
}
