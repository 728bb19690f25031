// The election roster guard (issue 18 §3): upload the KPU/Bawaslu roster, see per village and TPS who is covered
// for the service months (the one definition), in process or not yet proposed, and "Usulkan semua".
import { Alert, Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconUsersPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import type { ElectionOfficer, ElectionRoster } from '../../../../lib/contracts/election.ts';
import { PROGRAM_MANAGERS } from '../../../../lib/contracts/programs.ts';
import { useLocale } from '../../app/i18n.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { DataTable, queryState } from '../../ui/DataTable.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDate, formatNumber, formatRupiah } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { UploadForm } from '../../ui/UploadForm.tsx';
import { formatMonth } from '../contributions/rule-format.ts';
import { BackToPrograms } from '../programs/program-ui.tsx';
import { useCohortsText } from './cohorts-text.ts';
import { useElectionRoster, useProposeAll, useRosterUpload } from './election-api.ts';

type Place = ElectionRoster['villages'][number]['tps'][number] & { village: string; villageLabel: string };

export function ElectionRosterPage() {
  const { id = '' } = useParams();
  const t = useCohortsText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const roster = useElectionRoster(id);
  const r = roster.data;
  const n = (v: number) => formatNumber(v, locale);
  const places: Place[] = (r?.villages ?? []).flatMap((v) =>
    v.tps.map((p) => ({ ...p, village: v.village, villageLabel: v.villageLabel })),
  );
  return (
    <>
      <PageHeader
        title={r ? t('election.title', { program: r.programName }) : t('election.open')}
        description={t('election.description')}
        above={<BackToPrograms />}
      />
      <Stack gap="lg">
        {roster.error ? <ErrorAlert error={roster.error} /> : null}
        {r && (
          <Text size="sm" data-testid="election-months">
            {t('election.months', {
              months: r.guardMonths.map((m) => formatMonth(m, locale)).join(', '),
              day: r.pollingDay ? formatDate(r.pollingDay, locale) : t('election.noDay'),
            })}
          </Text>
        )}
        {PROGRAM_MANAGERS.includes(me.role) && <RosterUpload programId={id} />}
        {r && r.totals.officers > 0 && (
          <Text fw={600} data-testid="election-totals">
            {t('election.totals', {
              officers: n(r.totals.officers),
              covered: n(r.totals.covered),
              inProcess: n(r.totals.inProcess),
              uncovered: n(r.totals.uncovered),
            })}
          </Text>
        )}
        {r && r.totals.officers > 0 && <ProposeAll programId={id} count={r.totals.uncovered} />}
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <Title order={2} fz="h4" mb="sm">
            {t('election.villages')}
          </Title>
          <DataTable<Place>
            label={t('election.villages')}
            columns={[
              { key: 'village', header: t('election.col.village'), cell: (p) => p.villageLabel },
              {
                key: 'tps',
                header: t('election.col.tps'),
                cell: (p) => (p.tps === null ? t('election.noTps') : String(p.tps).padStart(3, '0')),
              },
              { key: 'officers', header: t('election.col.officers'), align: 'right', cell: (p) => n(p.officers) },
              { key: 'covered', header: t('election.col.covered'), align: 'right', cell: (p) => n(p.covered) },
              { key: 'process', header: t('election.col.inProcess'), align: 'right', cell: (p) => n(p.inProcess) },
              { key: 'uncovered', header: t('election.col.uncovered'), align: 'right', cell: (p) => n(p.uncovered) },
            ]}
            rows={r ? places : undefined}
            rowKey={(p) => `${p.village}/${p.tps ?? '-'}`}
            {...queryState(roster)}
            fetching={false}
            empty={<EmptyState title={t('election.empty.title')} body={t('election.empty.body')} />}
          />
        </Paper>
        {r && r.notCovered.length > 0 && (
          <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
            <Title order={2} fz="h4" mb="sm">
              {t('election.notCovered')}
            </Title>
            <DataTable<ElectionOfficer>
              label={t('election.notCovered')}
              columns={[
                {
                  key: 'name',
                  header: t('election.col.name'),
                  cell: (o) => (
                    <Stack gap={0}>
                      <Text size="sm">{o.fullName}</Text>
                      <Text size="xs" c="dimmed">
                        {o.nikMasked}
                      </Text>
                    </Stack>
                  ),
                },
                { key: 'role', header: t('election.col.role'), cell: (o) => t(`election.role.${o.role}`) },
                { key: 'village', header: t('election.col.village'), cell: (o) => o.villageLabel },
                { key: 'tps', header: t('election.col.tps'), cell: (o) => (o.tps === null ? '—' : String(o.tps)) },
                {
                  key: 'honorarium',
                  header: t('election.col.honorarium'),
                  align: 'right',
                  cell: (o) => formatRupiah(o.honorarium),
                },
                {
                  key: 'status',
                  header: t('election.col.status'),
                  cell: (o) => (o.inProcess ? t('election.status.inProcess') : t('election.status.uncovered')),
                },
              ]}
              rows={r.notCovered}
              rowKey={(o) => o.workerId}
              minWidth={760}
              empty={null}
            />
          </Paper>
        )}
      </Stack>
    </>
  );
}

function RosterUpload({ programId }: { programId: string }) {
  const t = useCohortsText();
  const upload = useRosterUpload(programId);
  const [file, setFile] = useState<File | null>(null);
  const result = upload.data;
  return (
    <UploadForm
      title={t('election.upload')}
      description={t('election.uploadHelp')}
      file={file}
      onFileChange={setFile}
      fileLabel={t('election.file')}
      onSubmit={() => file && upload.mutate(file)}
      error={upload.error}
      actions={
        <Button type="submit" loading={upload.isPending}>
          {t('election.upload')}
        </Button>
      }
    >
      {result?.imported && (
        <Alert color="teal" role="status">
          {t('election.uploaded', { officers: result.officers, rows: result.rows, registered: result.registered })}
        </Alert>
      )}
      {result && !result.imported && (
        <Alert color="red" role="alert" title={t('election.refused')}>
          <List size="sm">
            {result.issues.slice(0, 50).map((i, k) => (
              <List.Item key={k}>
                {t('election.issue', { row: i.row ?? '-', column: i.column ?? '-', message: i.message })}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </UploadForm>
  );
}

function ProposeAll({ programId, count }: { programId: string; count: number }) {
  const t = useCohortsText();
  const [locale] = useLocale();
  const propose = useProposeAll(programId);
  // The outcome stays shown after the roster refreshes (the button then counts those left).
  const done = propose.data;
  return (
    <Stack gap="xs">
      <Button
        w="fit-content"
        onClick={() => propose.mutate(undefined)}
        loading={propose.isPending}
        disabled={count === 0}
        leftSection={<IconUsersPlus size={18} aria-hidden />}
      >
        {t('election.proposeAll', { n: formatNumber(count, locale) })}
      </Button>
      {propose.error ? <ErrorAlert error={propose.error} /> : null}
      {done && (
        <Alert color={done.notProposed.length ? 'orange' : 'teal'} role="status" data-testid="election-proposed">
          {t('election.proposed', {
            n: formatNumber(done.proposed, locale),
            from: formatMonth(done.firstMonth, locale),
            to: formatMonth(done.lastMonth, locale),
            cost: formatRupiah(done.cost),
          })}
          {done.notProposed.length > 0 && (
            <List size="sm" mt="xs">
              {done.notProposed.map((p) => (
                <List.Item key={p.workerId}>
                  <span lang="id">{p.fullName}</span>: {p.reasons.map((x) => x.message).join('; ')}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Stack>
  );
}
