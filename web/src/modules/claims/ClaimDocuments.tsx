// The document checklist of a claim (issue 15 §4): each item with "required" or not, its files (download links,
// audited by the server), an upload per item, and "Berkas lengkap" only when every required item has a file.
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { DocumentChecklist } from '../../../../lib/contracts/claims-workflow.ts';
import type { DocumentItem } from '../../../../lib/rules/claim-workflow.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { documentFileUrl, useChecklist, useRemoveDocument, useUploadDocument } from './claims-api.ts';
import { useClaimsText } from './claims-text.ts';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

function UploadInput({ claimId, item, label }: { claimId: string; item: DocumentItem; label: string }) {
  const upload = useUploadDocument(claimId);
  const ct = useClaimsText();
  return (
    <Stack gap={4}>
      <input
        type="file"
        accept={ACCEPT}
        aria-label={ct('doc.upload', { item: label })}
        disabled={upload.isPending}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) upload.mutate({ item, file });
        }}
      />
      {upload.error && <ErrorAlert error={upload.error} />}
    </Stack>
  );
}

function Files({ list, entry }: { list: DocumentChecklist; entry: DocumentChecklist['items'][number] }) {
  const ct = useClaimsText();
  const remove = useRemoveDocument();
  if (entry.documents.length === 0) return <Text size="sm">—</Text>;
  return (
    <Stack gap={2}>
      {entry.documents.map((d) => (
        <Group key={d.id} gap="xs" wrap="nowrap">
          <Anchor href={documentFileUrl(d.id)} size="sm" download>
            {d.fileName}
          </Anchor>
          <Text size="xs" c="dimmed">
            {Math.ceil(d.sizeBytes / 1024)} KB
          </Text>
          {list.editable && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              aria-label={ct('doc.remove', { file: d.fileName })}
              loading={remove.isPending}
              onClick={() => remove.mutate(d.id)}
            >
              ×
            </Button>
          )}
        </Group>
      ))}
      {remove.error && <ErrorAlert error={remove.error} />}
    </Stack>
  );
}

export function ClaimDocuments({ claimId }: { claimId: string }) {
  const ct = useClaimsText();
  const checklist = useChecklist(claimId);
  if (checklist.error) return <ErrorAlert error={checklist.error} onRetry={() => void checklist.refetch()} />;
  if (!checklist.data) return <PageLoader />;
  const list = checklist.data;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="claim-documents">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="h4" id="claim-documents">
            {ct('doc.title')}
          </Title>
          <Badge color={list.complete ? 'teal' : 'orange'} variant="light" size="lg" data-testid="documents-state">
            {list.complete ? ct('doc.complete') : ct('doc.incomplete', { n: list.missing.length })}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {list.editable ? ct('doc.hint', { size: Math.floor(list.maxBytes / (1024 * 1024)) }) : ct('doc.frozen')}
        </Text>
        <TableScroll label={ct('doc.table')} minWidth={600}>
          <Table aria-label={ct('doc.table')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{ct('doc.col.item')}</Table.Th>
                <Table.Th>{ct('doc.col.files')}</Table.Th>
                {list.editable && <Table.Th>{ct('doc.col.upload')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((entry) => {
                const label = ct(`item.${entry.item}`);
                return (
                  <Table.Tr key={entry.item} data-item={entry.item}>
                    <Table.Td>
                      <Text size="sm">{label}</Text>
                      <Text size="xs" c={entry.required && entry.documents.length === 0 ? 'red.8' : 'dimmed'}>
                        {entry.required ? ct('doc.required') : ct('doc.optional')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Files list={list} entry={entry} />
                    </Table.Td>
                    {list.editable && (
                      <Table.Td>
                        <UploadInput claimId={claimId} item={entry.item} label={label} />
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
        {!list.editable && !list.complete && <Alert color="orange">{ct('doc.frozen')}</Alert>}
      </Stack>
    </Paper>
  );
}
