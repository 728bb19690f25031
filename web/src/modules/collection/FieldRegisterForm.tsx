// The field page's registration form (issue 19 §3): checked on the device with the same lib/rules as the server
// (NIK, birth date, phone) before the entry is queued in IndexedDB; an entry sent back with an error or conflict is
// edited here and queued again under the same client id.
import { Button, Card, Group, NativeSelect, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Candidate, SyncEntry } from '../../../../lib/contracts/collection.ts';
import { parsePhone } from '../../../../lib/rules/import-values.ts';
import { cleanNikInput, nikPrefill, validateNik } from '../../../../lib/rules/nik.ts';
import { todayWib } from '../../../../lib/rules/eligibility.ts';
import { SEGMENT_CODES, SEGMENTS, type SegmentCode } from '../../../../lib/rules/segments.ts';
import { useLocale } from '../../app/i18n.ts';
import type { CollectionT } from './collection-text.ts';
import * as queue from './collection-queue.ts';

export type Draft = {
  clientId?: string;
  candidate?: Candidate;
  nik: string;
  fullName: string;
  birthDate: string;
  sex: 'L' | 'P';
  phone: string;
  segment: SegmentCode;
};

/** Province and district codes kept on the device; without them (never online yet) the prefix is not checked. */
export type CodeSets = { provinces: ReadonlySet<string>; districts: ReadonlySet<string> } | null;

/**
 * The same rules as the server: NIK (format, region prefix against the kept code lists, date, serial), the phone
 * when given. An unknown district is the server's warning (the NIK stays usable): shown once, the next save keeps it.
 */
function problems(
  d: Draft,
  t: CollectionT,
  codes: CodeSets,
  acknowledged: string | null,
): Partial<Record<'nik' | 'fullName' | 'birthDate' | 'phone', string>> {
  const out: Partial<Record<'nik' | 'fullName' | 'birthDate' | 'phone', string>> = {};
  const checked = validateNik(d.nik, {
    provinceExists: (c) => codes?.provinces.has(c) ?? true,
    districtExists: (c) => codes?.districts.has(c) ?? true,
    birthDate: d.birthDate,
    sex: d.sex,
  });
  const error = checked.issues.find((i) => i.severity === 'error');
  const district = checked.issues.find((i) => i.code === 'NIK_DISTRICT_UNKNOWN');
  if (error) out.nik = t('form.nikInvalid', { message: error.message.id });
  else if (district && acknowledged !== d.nik) out.nik = t('form.nikWarning', { message: district.message.id });
  if (d.fullName.trim().length < 2) out.fullName = t('form.required');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.birthDate) || d.birthDate > todayWib()) out.birthDate = t('form.required');
  if (d.phone.trim() !== '') {
    const phone = parsePhone(d.phone);
    if (!phone.ok) out.phone = phone.message.id;
  }
  return out;
}

export function RegisterForm({
  draft,
  village,
  codes,
  onDone,
  t,
}: {
  draft: Draft;
  village: string;
  codes: CodeSets;
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
  const [acknowledged, setAcknowledged] = useState<string | null>(null);
  const save = async () => {
    const found = problems(d, t, codes, acknowledged);
    setShown(found);
    // A warning shown for this NIK is acknowledged by saving again.
    if (found.nik && !problems(d, t, codes, d.nik).nik) setAcknowledged(d.nik);
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
