// The field page for phones (issue 19 §3–4): the village worklist with the visit outcome in two taps (outcome,
// then save), registration that works offline (checked on the device with lib/rules), and the queue in IndexedDB,
// sent by itself when the connection returns; each entry shows its answer and can be edited, resent or deleted.
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type {
  Candidate,
  RegionCodes,
  SyncEntry,
  TargetDetail,
  TargetSummary,
  VisitOutcome,
  Worklist,
} from '../../../../lib/contracts/collection.ts';
import type { ProgramSummary } from '../../../../lib/contracts/programs.ts';
import { todayWib } from '../../../../lib/rules/eligibility.ts';
import { segmentFromText } from '../../../../lib/rules/segments.ts';
import { api } from '../../app/api.ts';
import { useMe } from '../../app/session.tsx';
import { useCollectionText } from './collection-text.ts';
import * as queue from './collection-queue.ts';
import { CandidateCard, TargetCard } from './field-cards.tsx';
import { openPrograms, ProposeForm, type FieldProgram, type ProposeSubject } from './FieldProposeForm.tsx';
import { RegisterForm, type CodeSets, type Draft } from './FieldRegisterForm.tsx';
import { registerFieldWorker } from './field-sw.ts';

function useOnline() {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

function subjectOf(entry: Extract<SyncEntry, { kind: 'register' }>, name: string): ProposeSubject {
  const p = entry.payload;
  return {
    name,
    registerClientId: entry.clientId,
    facts: { village: p.village, segment: p.segment, birthDate: p.birthDate },
  };
}

export function FieldPage() {
  const t = useCollectionText();
  const me = useMe().data;
  const online = useOnline();
  const [list, setList] = useState<Worklist | null>(null);
  const [entries, setEntries] = useState<queue.QueuedEntry[]>([]);
  const [targets, setTargets] = useState<TargetDetail[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [offlineReady, setOfflineReady] = useState(false);
  const [programs, setPrograms] = useState<FieldProgram[]>([]);
  const [codes, setCodes] = useState<CodeSets>(null);
  const [proposing, setProposing] = useState<ProposeSubject | null>(null);
  const user = me?.username ?? '';
  const refreshQueue = useCallback(async () => setEntries(await queue.queuedEntries()), []);
  // The worklist and the village's targets from the server when online, else the copies kept on the device.
  const load = useCallback(async () => {
    if (!user) return;
    try {
      const fresh = await api<Worklist>('/api/collection/worklist');
      await queue.keep('worklist', user, fresh);
      setList(fresh);
      const summaries = await api<{ items: TargetSummary[] }>('/api/collection/targets');
      const details = await Promise.all(
        summaries.items.map((s) => api<TargetDetail>(`/api/collection/targets/${s.id}`)),
      );
      await queue.keep('targets', user, details);
      setTargets(details);
      // What proposing and the NIK check need offline: the open programmes and the region code lists.
      const open = openPrograms(
        (await api<{ items: ProgramSummary[] }>('/api/programs', { query: { page: 1, pageSize: 200 } })).items,
      );
      await queue.keep('programs', user, open);
      setPrograms(open);
      if (!(await queue.cached<RegionCodes>('region-codes', ''))) {
        await queue.keep('region-codes', '', await api<RegionCodes>('/api/collection/region-codes'));
      }
    } catch {
      setList((await queue.cached<Worklist>('worklist', user)) ?? null);
      setTargets((await queue.cached<TargetDetail[]>('targets', user)) ?? []);
      setPrograms((await queue.cached<FieldProgram[]>('programs', user)) ?? []);
    }
    const kept = await queue.cached<RegionCodes>('region-codes', '');
    setCodes(kept ? { provinces: new Set(kept.provinces), districts: new Set(kept.districts) } : null);
  }, [user]);
  const send = useCallback(async () => {
    if (!user || !navigator.onLine) return;
    let answered = 0;
    try {
      answered = await queue.syncNow(user, navigator.userAgent.slice(0, 90));
    } finally {
      await refreshQueue();
    }
    if (answered > 0) await load();
  }, [user, refreshQueue, load]);

  useEffect(() => {
    if (!user) return;
    void refreshQueue();
    void (async () => {
      await load();
      if (navigator.onLine) {
        await queue.deviceId(user, navigator.userAgent.slice(0, 90)).catch(() => undefined);
        setOfflineReady(await registerFieldWorker());
      }
    })();
  }, [user, refreshQueue, load]);
  // The queue sends itself when the connection returns (and on opening the page online).
  useEffect(() => {
    if (online) void send();
  }, [online, send]);

  const queuedFor = new Set(
    entries
      .filter((q) => q.status !== 'accepted')
      .map((q) =>
        q.entry.kind === 'visit'
          ? q.entry.payload.candidateId
          : q.entry.kind === 'register'
            ? q.entry.candidateId
            : null,
      ),
  );
  const village = list?.village ?? me?.region ?? '';
  // Registrations and workers with a proposal in the queue (not refused) get no second proposal button.
  const proposedFor = new Set(
    entries.flatMap((q) =>
      q.entry.kind === 'propose' && q.status !== 'error'
        ? [q.entry.payload.registerClientId ?? q.entry.payload.workerId ?? '']
        : [],
    ),
  );
  const recordOutcome = async (c: Candidate, outcome: VisitOutcome) => {
    await queue.enqueue(
      { clientId: crypto.randomUUID(), kind: 'visit', payload: { candidateId: c.id, outcome, visitedOn: todayWib() } },
      `${c.fullName}: ${t(`outcome.${outcome}`)}`,
    );
    await refreshQueue();
    void send();
  };
  const closeForm = () => {
    setDraft(null);
    setProposing(null);
    void refreshQueue().then(send);
  };
  const count = (s: queue.QueueStatus[]) => entries.filter((q) => s.includes(q.status)).length;

  return (
    <Stack maw={560} mx="auto" p="xs">
      <Title order={1}>{t('field.title')}</Title>
      <Alert color={online ? 'green' : 'orange'} data-testid="network">
        {online ? t('field.online') : t('field.offline')}
        {online && offlineReady && <Text size="sm">{t('field.offlineReady')}</Text>}
      </Alert>
      {targets.map((target) => (
        <TargetCard key={target.id} target={target} t={t} />
      ))}
      {proposing && <ProposeForm subject={proposing} programs={programs} onDone={closeForm} t={t} />}
      {draft ? (
        <RegisterForm draft={draft} village={village} codes={codes} onDone={closeForm} t={t} />
      ) : (
        <Button
          size="lg"
          variant="outline"
          onClick={() => setDraft({ nik: '', fullName: '', birthDate: '', sex: 'L', phone: '', segment: 'other' })}
        >
          {t('field.newWorker')}
        </Button>
      )}
      <Title order={2}>{t('queue.title')}</Title>
      <Text data-testid="queue-counts">
        {t('queue.counts', {
          pending: count(['pending']),
          accepted: count(['accepted']),
          problems: count(['error', 'conflict']),
        })}
      </Text>
      {entries.length === 0 && <Text c="dimmed">{t('queue.empty')}</Text>}
      {entries.map((q) => (
        <Card key={q.entry.clientId} withBorder data-testid="queue-entry" data-status={q.status}>
          <Group justify="space-between">
            <Text fw={600}>{q.label}</Text>
            <Badge
              variant="light"
              color={{ pending: 'gray', accepted: 'green', error: 'red', conflict: 'orange' }[q.status]}
            >
              {t(`queue.${q.status}`)}
            </Badge>
          </Group>
          {q.entry.kind === 'register' &&
            (q.status === 'pending' || q.status === 'accepted') &&
            !proposedFor.has(q.entry.clientId) && (
              <Button
                mt="xs"
                variant="light"
                onClick={() => q.entry.kind === 'register' && setProposing(subjectOf(q.entry, q.label))}
              >
                {t('propose.button')}
              </Button>
            )}
          {q.message && (
            <Text size="sm" role={q.status === 'accepted' ? undefined : 'alert'}>
              {q.message}
            </Text>
          )}
          {(q.status === 'error' || q.status === 'conflict') && (
            <Group mt="xs" grow>
              {q.entry.kind === 'register' && (
                <Button
                  variant="light"
                  onClick={() => {
                    const p = q.entry.kind === 'register' ? q.entry.payload : null;
                    if (p)
                      setDraft({
                        clientId: q.entry.clientId,
                        nik: p.nik,
                        fullName: p.fullName,
                        birthDate: p.birthDate,
                        sex: p.sex,
                        phone: p.phone ?? '',
                        segment: p.segment,
                      });
                  }}
                >
                  {t('queue.edit')}
                </Button>
              )}
              <Button
                variant="light"
                onClick={() =>
                  void queue
                    .putEntry({ ...q, status: 'pending' })
                    .then(refreshQueue)
                    .then(send)
                }
              >
                {t('queue.resend')}
              </Button>
              {q.conflict === 'nik_registered' ? (
                <Button
                  variant="light"
                  onClick={() =>
                    void queue
                      .resolveWithRegisteredWorker(q, `${q.label}: ${t('outcome.registered')}`, todayWib())
                      .then(refreshQueue)
                      .then(send)
                  }
                >
                  {t('queue.resolveRegistered')}
                </Button>
              ) : (
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() => void queue.removeEntry(q.entry.clientId).then(refreshQueue)}
                >
                  {t('queue.discard')}
                </Button>
              )}
            </Group>
          )}
        </Card>
      ))}
      {count(['pending']) > 0 && online && (
        <Button size="lg" onClick={() => void send()}>
          {t('queue.send')}
        </Button>
      )}
      <Title order={2}>{t('field.worklist')}</Title>
      {list && list.items.filter((c) => !queuedFor.has(c.id)).length === 0 && (
        <Text c="dimmed">{t('field.worklistEmpty')}</Text>
      )}
      {list?.items
        .filter((c) => !queuedFor.has(c.id))
        .map((c) => (
          <CandidateCard
            key={c.id}
            c={c}
            t={t}
            onOutcome={(o) => void recordOutcome(c, o)}
            onPropose={
              c.workerId && !proposedFor.has(c.workerId)
                ? () => setProposing({ name: c.fullName, workerId: c.workerId ?? undefined })
                : undefined
            }
            onRegister={() =>
              setDraft({
                candidate: c,
                nik: '',
                fullName: c.fullName,
                birthDate: '',
                sex: 'L',
                phone: '',
                // The list's occupation suggests the segment (the same aliases as the importer's).
                segment: segmentFromText(c.occupation ?? '') ?? 'other',
              })
            }
          />
        ))}
    </Stack>
  );
}
