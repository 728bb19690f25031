// Proposing to a programme from the field page (issue 19 §3), offline too: the programmes the operator may propose
// to are kept on the device while online (segments, age limits, period), the choice is checked with the same
// lib/rules as the server (personReasons) when the worker's facts are known (a registration in the queue), and the
// proposal is queued after the registration it refers to by that entry's client id.
import { Alert, Button, Card, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { SyncEntry } from '../../../../lib/contracts/collection.ts';
import type { ProgramSummary } from '../../../../lib/contracts/programs.ts';
import {
  currentMonthWib,
  defaultFirstMonth,
  personReasons,
  REASON_MESSAGES,
} from '../../../../lib/rules/eligibility.ts';
import { useLocale } from '../../app/i18n.ts';
import type { CollectionT } from './collection-text.ts';
import * as queue from './collection-queue.ts';

/** What the device keeps of a programme to check a proposal offline. */
export type FieldProgram = Pick<
  ProgramSummary,
  'id' | 'name' | 'region' | 'targetSegments' | 'minAge' | 'maxAge' | 'startMonth' | 'months'
>;

/** The programmes still open (a month left to start in), as kept on the device. */
export function openPrograms(items: readonly ProgramSummary[], now: Date = new Date()): FieldProgram[] {
  return items
    .filter((p) => defaultFirstMonth(p, currentMonthWib(now)) !== null)
    .map(({ id, name, region, targetSegments, minAge, maxAge, startMonth, months }) => ({
      id,
      name,
      region,
      targetSegments,
      minAge,
      maxAge,
      startMonth,
      months,
    }));
}

/** Whom to propose: a registration in the queue (its facts known) or a registered worker of the worklist. */
export type ProposeSubject = {
  name: string;
  registerClientId?: string;
  workerId?: string;
  facts?: { village: string; segment: string; birthDate: string };
};

export function ProposeForm({
  subject,
  programs,
  onDone,
  t,
}: {
  subject: ProposeSubject;
  programs: readonly FieldProgram[];
  onDone: () => void;
  t: CollectionT;
}) {
  const [locale] = useLocale();
  const [programId, setProgramId] = useState(programs[0]?.id ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const save = async () => {
    const program = programs.find((p) => p.id === programId);
    if (!program) return;
    const first = defaultFirstMonth(program, currentMonthWib(new Date()));
    if (first === null) return setProblem(t('propose.closed'));
    if (subject.facts) {
      const reasons = personReasons(
        { ...subject.facts, nikValid: true, deceased: false, enrolledHere: false, coveredElsewhere: false },
        program,
        first,
      );
      if (reasons.length) return setProblem(reasons.map((r) => REASON_MESSAGES[r][locale]).join(' '));
    }
    const entry: SyncEntry = {
      clientId: crypto.randomUUID(),
      kind: 'propose',
      payload: {
        programId,
        ...(subject.workerId ? { workerId: subject.workerId } : { registerClientId: subject.registerClientId }),
      },
    };
    await queue.enqueue(entry, t('propose.label', { name: subject.name, program: program.name }));
    onDone();
  };
  return (
    <Card withBorder data-testid="propose-form">
      <Stack>
        <Text fw={700}>{t('propose.title', { name: subject.name })}</Text>
        {programs.length === 0 ? (
          <Text c="dimmed">{t('propose.none')}</Text>
        ) : (
          <NativeSelect
            size="lg"
            label={t('propose.program')}
            value={programId}
            onChange={(e) => {
              setProgramId(e.currentTarget.value);
              setProblem(null);
            }}
            data={programs.map((p) => ({ value: p.id, label: p.name }))}
          />
        )}
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Group grow>
          <Button size="lg" variant="default" onClick={onDone}>
            {t('field.cancel')}
          </Button>
          <Button size="lg" disabled={programs.length === 0} onClick={() => void save()}>
            {t('form.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
