// Proposing the workers of a village who match a filter (segment, category, search) to a programme.
import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck, IconListSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { ProposalRequest, ProposalResult, WorkerFilter } from '../../../../lib/contracts/programs.ts';
import {
  PARTICIPATION_CATEGORIES,
  PARTICIPATION_CATEGORY_LABELS,
  SEGMENT_CODES,
  SEGMENTS,
  VULNERABILITY_FLAG_LABELS,
  VULNERABILITY_FLAGS,
  type ParticipationCategory,
  type SegmentCode,
  type VulnerabilityFlag,
} from '../../../../lib/rules/segments.ts';
import { useLocale } from '../../app/i18n.ts';
import { ROUTES } from '../../app/routes.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatNumber } from '../../ui/format.ts';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { RegionPicker } from '../regions/RegionPicker.tsx';
import { searchQuery } from '../registry/registry-api.ts';
import { ChannelSelect } from '../governance/ChannelSelect.tsx';
import { usePropose, useProposalPreview } from './programs-api.ts';
import { useProgramsText } from './programs-text.ts';
import { useRegistryText } from '../registry/registry-text.ts';
import { ProposalPreview } from './ProposalPreview.tsx';

type Draft = {
  q: string;
  segment: SegmentCode | '';
  category: ParticipationCategory | '';
  vulnerability: VulnerabilityFlag | '';
  region: string;
  fromMonth: string;
};

export function ProposeForm({ programId }: { programId: string }) {
  const t = useProgramsText();
  const rt = useRegistryText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const preview = useProposalPreview(programId);
  const propose = usePropose(programId);
  const [draft, setDraft] = useState<Draft>({
    q: '',
    segment: '',
    category: '',
    vulnerability: '',
    region: me.region,
    fromMonth: '',
  });
  const [checked, setChecked] = useState<ProposalRequest | null>(null);
  const [channel, setChannel] = useState<string | null | undefined>(undefined);
  const [done, setDone] = useState<ProposalResult | null>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setChecked(null);
  };

  const request = (): ProposalRequest => {
    const filter: WorkerFilter = {
      ...searchQuery(draft.q),
      ...(draft.segment && { segment: draft.segment }),
      ...(draft.category && { category: draft.category }),
      ...(draft.vulnerability && { vulnerability: draft.vulnerability }),
      ...(draft.region && draft.region !== '*' && draft.region !== me.region && { region: draft.region }),
    };
    return { filter, ...(draft.fromMonth && { fromMonth: draft.fromMonth }) };
  };

  const check = (event: FormEvent) => {
    event.preventDefault();
    const input = request();
    setDone(null);
    propose.reset();
    preview.mutate(input, { onSuccess: () => setChecked(input) });
  };

  const confirm = () => {
    if (!checked) return;
    propose.mutate(channel === undefined ? checked : { ...checked, channelId: channel }, {
      onSuccess: (result) => {
        setDone(result);
        setChecked(null);
        preview.reset();
      },
    });
  };

  const result = checked ? preview.data : undefined;
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <form onSubmit={check} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('proposals.filterHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }} spacing="sm">
            <ChannelSelect value={channel} onChange={setChannel} />
            <TextInput
              label={t('proposals.search')}
              placeholder={rt('workers.searchPlaceholder')}
              value={draft.q}
              onChange={(e) => set('q', e.currentTarget.value)}
            />
            <LabelledSelect
              label={rt('workers.filterSegment')}
              data={[
                { value: '', label: rt('workers.allSegments') },
                ...SEGMENT_CODES.map((c) => ({ value: c, label: SEGMENTS[c].label[locale] })),
              ]}
              value={draft.segment}
              onChange={(v) => set('segment', (v ?? '') as SegmentCode | '')}
              allowDeselect={false}
              searchable
            />
            <LabelledSelect
              label={rt('workers.filterCategory')}
              data={[
                { value: '', label: rt('workers.allCategories') },
                ...PARTICIPATION_CATEGORIES.map((c) => ({ value: c, label: PARTICIPATION_CATEGORY_LABELS[c][locale] })),
              ]}
              value={draft.category}
              onChange={(v) => set('category', (v ?? '') as ParticipationCategory | '')}
              allowDeselect={false}
            />
            <LabelledSelect
              label={t('proposals.vulnerability')}
              data={[
                { value: '', label: t('proposals.anyVulnerability') },
                ...VULNERABILITY_FLAGS.map((f) => ({ value: f, label: VULNERABILITY_FLAG_LABELS[f][locale] })),
              ]}
              value={draft.vulnerability}
              onChange={(v) => set('vulnerability', (v ?? '') as VulnerabilityFlag | '')}
              allowDeselect={false}
            />
            <TextInput
              label={t('proposals.fromMonth')}
              description={t('proposals.fromMonthHint')}
              type="month"
              value={draft.fromMonth}
              onChange={(e) => set('fromMonth', e.currentTarget.value)}
            />
          </SimpleGrid>
          {me.region.split('.').length < 4 && (
            <RegionPicker
              scope={me.region}
              value={draft.region}
              onChange={(code) => set('region', code)}
              legend={t('proposals.region')}
              withQuickFind={false}
            />
          )}
          <Group>
            <Button
              type="submit"
              variant="default"
              leftSection={<IconListSearch size={18} aria-hidden />}
              loading={preview.isPending}
            >
              {t('proposals.check')}
            </Button>
          </Group>

          {preview.error ? <ErrorAlert error={preview.error} /> : null}
          {result && (
            <ProposalPreview
              result={result}
              onConfirm={confirm}
              confirming={propose.isPending}
              testId="proposal-preview"
            />
          )}
          {propose.error ? <ErrorAlert error={propose.error} /> : null}
          {done && (
            <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
              {t('proposals.done', { n: formatNumber(done.proposed, locale) })}{' '}
              <Anchor component={Link} to={ROUTES.programDetail(programId)} size="sm">
                {t('proposals.toProgram')}
              </Anchor>
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
