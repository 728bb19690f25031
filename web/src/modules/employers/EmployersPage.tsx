// `/pemberi-kerja`: the register with each employer's status as of the latest branch snapshot, the two uploads
// (licensing list, branch snapshot) for Disnaker, and the projects about to start without Jakon.
import {
  Alert,
  Anchor,
  Button,
  Group,
  Pagination,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { EMPLOYER_EDITORS } from '../../../../lib/contracts/employers.ts';
import { useLocale } from '../../app/i18n.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { ROUTES } from '../../app/routes.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Figure } from '../../ui/Figure.tsx';
import { formatDate, formatNumber } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { UploadForm } from '../../ui/UploadForm.tsx';
import { EMPLOYERS_PAGE_SIZE, useEmployers, useLicensingUpload, useSnapshotUpload } from './employers-api.ts';
import { useEmployersText } from './employers-text.ts';
import { EmployersTabs, StatusBadge, UploadOutcome } from './employers-ui.tsx';
import { ProjectsStartingSoon } from './ProjectsStartingSoon.tsx';

const FILTERS = ['', 'noncompliant', 'paying', 'arrears', 'partial', 'not_registered'] as const;

function Uploads() {
  const et = useEmployersText();
  const licensing = useLicensingUpload();
  const snapshot = useSnapshotUpload();
  const [licFile, setLicFile] = useState<File | null>(null);
  const [snapFile, setSnapFile] = useState<File | null>(null);
  const [asOf, setAsOf] = useState('');
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <UploadForm
        title={et('upload.licensing')}
        description={et('upload.licensingHelp')}
        file={licFile}
        onFileChange={setLicFile}
        fileLabel={et('upload.file')}
        onSubmit={() => licFile && licensing.mutate(licFile)}
        error={licensing.error}
        actions={
          <Button type="submit" loading={licensing.isPending}>
            {et('upload.licensing')}
          </Button>
        }
      >
        <UploadOutcome result={licensing.data} />
      </UploadForm>
      <UploadForm
        title={et('upload.snapshot')}
        description={et('upload.snapshotHelp')}
        file={snapFile}
        onFileChange={setSnapFile}
        fileLabel={et('upload.file')}
        fields={<DateField label={et('upload.asOf')} value={asOf} onChange={setAsOf} />}
        onSubmit={() => snapFile && snapshot.mutate({ file: snapFile, asOf })}
        error={snapshot.error}
        actions={
          <Button type="submit" loading={snapshot.isPending}>
            {et('upload.snapshot')}
          </Button>
        }
      >
        <UploadOutcome result={snapshot.data} />
      </UploadForm>
    </SimpleGrid>
  );
}

export function EmployersPage() {
  const et = useEmployersText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filter = params.get('status') ?? '';
  const page = Number(params.get('page') ?? 1) || 1;
  const list = useEmployers({
    page,
    status: filter === 'noncompliant' ? undefined : filter,
    compliant: filter === 'noncompliant' ? 'false' : undefined,
  });
  const mayEdit = EMPLOYER_EDITORS.includes(me.role);
  const setFilter = (v: string) => setParams(v ? { status: v } : {});
  const data = list.data;
  const noncompliant = data ? data.counts.arrears + data.counts.partial + data.counts.not_registered : 0;
  return (
    <>
      <PageHeader title={et('list.title')} description={et('list.description')} />
      <EmployersTabs />
      <Stack gap="lg">
        {mayEdit && <Uploads />}
        {mayEdit && <ProjectsStartingSoon />}
        {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        {!data ? (
          !list.error && <PageLoader />
        ) : (
          <>
            <Text size="sm">
              {data.snapshotAsOf
                ? et('list.asOf', { date: formatDate(data.snapshotAsOf, locale) })
                : et('list.noSnapshot')}
            </Text>
            <SimpleGrid cols={{ base: 2, md: 5 }}>
              <Figure
                label={et('fig.noncompliant')}
                value={formatNumber(noncompliant)}
                testId="employers-noncompliant"
              />
              {(['paying', 'arrears', 'partial', 'not_registered'] as const).map((s) => (
                <Figure key={s} label={et(`status.${s}`)} value={formatNumber(data.counts[s])} />
              ))}
            </SimpleGrid>
            {data.unmatchedSnapshotRows > 0 && (
              <Alert color="yellow">{et('list.unmatched', { count: data.unmatchedSnapshotRows })}</Alert>
            )}
            <Group>
              <SegmentedControl
                aria-label={et('list.filter')}
                value={filter}
                onChange={setFilter}
                data={FILTERS.map((f) => ({
                  value: f,
                  label: f === '' ? et('list.all') : f === 'noncompliant' ? et('list.noncompliant') : et(`status.${f}`),
                }))}
              />
            </Group>
            {data.total === 0 ? (
              filter ? (
                <Text size="sm">{et('list.emptyFiltered')}</Text>
              ) : (
                <EmptyState title={et('list.empty.title')} body={et('list.empty.body')} />
              )
            ) : (
              <TableScroll label={et('list.table')} minWidth={900}>
                <Table aria-label={et('list.table')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{et('col.name')}</Table.Th>
                      <Table.Th>{et('col.nib')}</Table.Th>
                      <Table.Th>{et('col.village')}</Table.Th>
                      <Table.Th>{et('col.npp')}</Table.Th>
                      <Table.Th>{et('col.status')}</Table.Th>
                      <Table.Th>{et('col.reason')}</Table.Th>
                      <Table.Th>{et('col.warnings')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((e) => (
                      <Table.Tr key={e.id}>
                        <Table.Td>
                          <Anchor component={Link} to={ROUTES.employerDetail(e.id)}>
                            {e.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{e.nib}</Table.Td>
                        <Table.Td>{e.villageLabel}</Table.Td>
                        <Table.Td>
                          {e.npp ?? '–'}
                          {e.matchBy && (
                            <Text size="xs" c="dimmed">
                              {et(`match.${e.matchBy}`)}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <StatusBadge status={e.status} />
                        </Table.Td>
                        <Table.Td>{e.reason}</Table.Td>
                        <Table.Td>{e.warnings}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )}
            {data.total > EMPLOYERS_PAGE_SIZE && (
              <Pagination
                total={Math.ceil(data.total / EMPLOYERS_PAGE_SIZE)}
                value={page}
                onChange={(p) => setParams({ ...(filter && { status: filter }), page: String(p) })}
              />
            )}
          </>
        )}
      </Stack>
    </>
  );
}
