// The field page for phones (issue 19 §3–4): the village worklist with the visit outcome in two taps (outcome,
// then save), registration that works offline (checked on the device with lib/rules), and the queue in IndexedDB,
// sent by itself when the connection returns; each entry shows its answer and can be edited, resent or deleted.
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type {
  Candidate,
  SyncEntry,
  TargetDetail,
  TargetSummary,
  VisitOutcome,
  Worklist,
} from '../../../../lib/contracts/collection.ts';
import { parsePhone } from '../../../../lib/rules/import-values.ts';
import { cleanNikInput, nikPrefill, validateNik } from '../../../../lib/rules/nik.ts';
import { todayWib } from '../../../../lib/rules/eligibility.ts';
import { SEGMENT_CODES, SEGMENTS, segmentFromText, type SegmentCode } from '../../../../lib/rules/segments.ts';
import { useLocale } from '../../app/i18n.ts';
import { api } from '../../app/api.ts';
import { useMe } from '../../app/session.tsx';
import { formatDate, formatNumber } from '../../ui/format.ts';
import { useCollectionText, type CollectionT } from './collection-text.ts';
import * as queue from './collection-queue.ts';
import { registerFieldWorker } from './field-sw.ts';

const OUTCOMES: VisitOutcome[] = ['not_found', 'refused', 'moved', 'already_covered'];
type Draft = {
  clientId?: string;
  candidate?: Candidate;
  nik: string;
  fullName: string;
  birthDate: string;
  sex: 'L' | 'P';
  phone: string;
  segment: SegmentCode;
};

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

/** The same rules as the server: NIK (format, date, serial), the phone when given. */
function problems(d: Draft, t: CollectionT): Partial<Record<'nik' | 'fullName' | 'birthDate' | 'phone', string>> {
  const out: Partial<Record<'nik' | 'fullName' | 'birthDate' | 'phone', string>> = {};
  const checked = validateNik(d.nik, {
    provinceExists: () => true,
    districtExists: () => true,
    birthDate: d.birthDate,
    sex: d.sex,
  });
  const error = checked.issues.find((i) => i.severity === 'error');
  if (error) out.nik = t('form.nikInvalid', { message: error.message.id });
  if (d.fullName.trim().length < 2) out.fullName = t('form.required');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.birthDate) || d.birthDate > todayWib()) out.birthDate = t('form.required');
  if (d.phone.trim() !== '') {
    const phone = parsePhone(d.phone);
    if (!phone.ok) out.phone = phone.message.id;
  }
  return out;
}

function RegisterForm({
  draft,
  village,
  onDone,
  t,
}: {
  draft: Draft;
  village: string;
  onDone: () => void;
  t: CollectionT;
}) {
  const [d, setD] = useState(draft);
  const [locale] = useLocale();
  const [shown, setShown] = useState<ReturnType<typeof problems>>({});
  const setNik = (typed: string) => {
    const nik = cleanNikInput(typed);
    const implied = nikPrefill(nik);
    setD((p) => (implied ? { ...p, nik, birthDate: implied.birthDate, sex: implied.sex } : { ...p, nik }));
  };
  const save = async () => {
    const found = problems(d, t);
    setShown(found);
    if (Object.keys(found).length) return;
    const entry = {
      clientId: d.clientId ?? crypto.randomUUID(),
      kind: 'register',
      candidateId: d.candidate?.id ?? null,
      payload: {
        nik: d.nik,
        fullName: d.fullName.trim(),
        birthDate: d.birthDate,
        sex: d.sex,
        village,
        segment: d.segment,
        category: SEGMENTS[d.segment].defaultCategory,
        phone: d.phone.trim() || null,
      },
    } as SyncEntry;
    const existing = d.clientId
      ? (await queue.queuedEntries()).find((q) => q.entry.clientId === d.clientId)
      : undefined;
    if (existing)
      await queue.putEntry({ ...existing, entry, label: d.fullName, status: 'pending', message: null, conflict: null });
    else await queue.enqueue(entry, d.fullName.trim());
    onDone();
  };
  return (
    <Card withBorder>
      <Stack>
        <TextInput
          size="lg"
          label={t('form.nik')}
          inputMode="numeric"
          value={d.nik}
          onChange={(e) => setNik(e.currentTarget.value)}
          error={shown.nik}
        />
        <TextInput
          size="lg"
          label={t('form.name')}
          value={d.fullName}
          onChange={(e) => setD({ ...d, fullName: e.currentTarget.value })}
          error={shown.fullName}
        />
        <TextInput
          size="lg"
          type="date"
          label={t('form.birthDate')}
          value={d.birthDate}
          onChange={(e) => setD({ ...d, birthDate: e.currentTarget.value })}
          error={shown.birthDate}
        />
        <SegmentedControl
          size="lg"
          aria-label={t('form.sex')}
          value={d.sex}
          onChange={(v) => setD({ ...d, sex: v as 'L' | 'P' })}
          data={[
            { value: 'L', label: t('form.male') },
            { value: 'P', label: t('form.female') },
          ]}
        />
        <NativeSelect
          size="lg"
          label={t('form.segment')}
          value={d.segment}
          onChange={(e) => setD({ ...d, segment: e.currentTarget.value as SegmentCode })}
          data={SEGMENT_CODES.map((code) => ({ value: code, label: SEGMENTS[code].label[locale] }))}
        />
        <TextInput
          size="lg"
          label={t('form.phone')}
          inputMode="tel"
          value={d.phone}
          onChange={(e) => setD({ ...d, phone: e.currentTarget.value })}
          error={shown.phone}
        />
        <Group grow>
          <Button size="lg" variant="default" onClick={onDone}>
            {t('field.cancel')}
          </Button>
          <Button size="lg" onClick={() => void save()}>
            {t('form.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function CandidateCard({
  c,
  onOutcome,
  onRegister,
  t,
}: {
  c: Candidate;
  onOutcome: (o: VisitOutcome) => void;
  onRegister: () => void;
  t: CollectionT;
}) {
  const [chosen, setChosen] = useState<VisitOutcome | null>(null);
  return (
    <Card withBorder data-testid="candidate">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={700} size="lg">
            {c.fullName}
          </Text>
          <Group gap={4}>
            {c.decile !== null && <Badge>{t('field.decile', { decile: c.decile })}</Badge>}
            {c.extremePoor && (
              <Badge variant="light" color="red">
                {t('field.extreme')}
              </Badge>
            )}
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {[c.nikMasked, c.address, c.occupation].filter(Boolean).join(' · ')}
        </Text>
        {c.state === 'not_enrolled' && <Text size="sm">{t('field.notEnrolled')}</Text>}
        {chosen ? (
          <Group grow>
            <Button size="lg" variant="default" onClick={() => setChosen(null)}>
              {t('field.cancel')}
            </Button>
            <Button size="lg" onClick={() => onOutcome(chosen)}>
              {t('field.confirm', { outcome: t(`outcome.${chosen}`) })}
            </Button>
          </Group>
        ) : (
          <Stack gap="xs">
            {c.state === 'not_registered' && (
              <Button size="lg" onClick={onRegister}>
                {t('field.register')}
              </Button>
            )}
            <SimpleGrid cols={2} spacing="xs">
              {OUTCOMES.map((o) => (
                <Button key={o} size="md" variant="light" onClick={() => setChosen(o)}>
                  {t(`outcome.${o}`)}
                </Button>
              ))}
            </SimpleGrid>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/** The village's part of each collection target, in big figures: quota, registered, proposed, active, left. */
function TargetCard({ target, t }: { target: TargetDetail; t: CollectionT }) {
  const v = target.villages[0];
  if (!v) return null;
  const figures = [
    ['target.quota', v.quota],
    ['target.registered', v.registered],
    ['target.proposed', v.proposed],
    ['target.active', v.active],
    ['target.left', v.left],
  ] as const;
  return (
    <Card withBorder data-testid="village-target" data-registered={v.registered} data-left={v.left}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={700}>{target.name}</Text>
          {v.overdue && (
            <Badge variant="light" color="red">
              {t('target.overdue')}
            </Badge>
          )}
        </Group>
        <Text size="sm">{t('target.due', { date: formatDate(target.dueOn) })}</Text>
        <SimpleGrid cols={3} spacing="xs" verticalSpacing="xs">
          {figures.map(([key, n]) => (
            <Stack key={key} gap={0} align="center">
              <Text fw={700} fz={26}>
                {formatNumber(n)}
              </Text>
              <Text size="xs">{t(key)}</Text>
            </Stack>
          ))}
        </SimpleGrid>
      </Stack>
    </Card>
  );
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
    } catch {
      setList((await queue.cached<Worklist>('worklist', user)) ?? null);
      setTargets((await queue.cached<TargetDetail[]>('targets', user)) ?? []);
    }
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
      {draft ? (
        <RegisterForm draft={draft} village={village} onDone={closeForm} t={t} />
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
