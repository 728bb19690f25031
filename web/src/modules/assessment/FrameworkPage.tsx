// `/paritrana/kerangka/:id`: one award year's framework, aspects → criteria → indicators with their weights, sources
// and scoring rules. A national administrator edits a draft here (the server checks the shape on saving and the
// weights adding up to 100 on publishing) and publishes it; a published framework is read-only, copied to change.
import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type { Framework, FrameworkDefinition } from '../../../../lib/contracts/assessment.ts';
import { WEIGHT_TOTAL, weightTotal } from '../../../../lib/rules/paritrana-scoring.ts';
import { useLocale } from '../../app/i18n.ts';
import { ROUTES } from '../../app/routes.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { useCurrentUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import * as q from './assessment-api.ts';
import { useAssessmentText } from './assessment-text.ts';
import { AspectEditor, SOURCE_ASSESSOR, SOURCE_MANUAL_NUMBER, SOURCE_MANUAL_YES_NO } from './FrameworkIndicators.tsx';

type Def = FrameworkDefinition;

function FrameworkForm({ f, editable }: { f: Framework; editable: boolean }) {
  const t = useAssessmentText();
  const [locale] = useLocale();
  const [def, setDef] = useState<Def>(f.definition);
  const [name, setName] = useState(f.name);
  const [note, setNote] = useState(f.note);
  const save = q.useUpdateFramework(f.id);
  const publish = q.usePublish();
  const total = weightTotal(def);
  const computations = new Set(
    def.aspects.flatMap((a) =>
      a.criteria.flatMap((c) =>
        c.indicators.flatMap((i) => (i.source.kind === 'computed' ? [i.source.computation] : [])),
      ),
    ),
  );
  const sources = [
    ...[...computations].map((c) => ({ value: `computed:${c}`, label: t('fw.sourceComputed', { name: c }) })),
    { value: SOURCE_MANUAL_NUMBER, label: t('fw.sourceManualNumber') },
    { value: SOURCE_MANUAL_YES_NO, label: t('fw.sourceManualYesNo') },
    { value: SOURCE_ASSESSOR, label: t('fw.sourceAssessor') },
  ];
  const dirty = def !== f.definition || name !== f.name || note !== f.note;
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Group align="end">
            <TextInput
              label={t('fw.name')}
              value={name}
              readOnly={!editable}
              onChange={(e) => setName(e.target.value)}
              w={480}
            />
            <Select
              label={t('fw.finalRule')}
              data={[
                { value: 'mean', label: t('fw.mean') },
                { value: 'median', label: t('fw.median') },
              ]}
              value={def.finalRule}
              readOnly={!editable}
              allowDeselect={false}
              onChange={(v) => v && setDef({ ...def, finalRule: v as Def['finalRule'] })}
            />
            <MultiSelect
              label={t('fw.tieBreak')}
              data={def.aspects.map((a) => ({ value: a.code, label: a.name[locale] }))}
              value={def.tieBreak}
              readOnly={!editable}
              onChange={(v) => setDef({ ...def, tieBreak: v })}
              w={420}
            />
          </Group>
          <Textarea
            label={t('fw.note')}
            value={note}
            readOnly={!editable}
            onChange={(e) => setNote(e.target.value)}
            autosize
          />
          <Text size="sm" fw={700} c={total === WEIGHT_TOTAL ? undefined : 'red.9'} role="status">
            {t(total === WEIGHT_TOTAL ? 'fw.weightsOk' : 'fw.weightsOff', { total, needed: WEIGHT_TOTAL })}
          </Text>
          {editable && (
            <Group>
              <Button
                onClick={() => save.mutate({ name, note, definition: def })}
                loading={save.isPending}
                disabled={!dirty}
              >
                {t('fw.save')}
              </Button>
              <Button variant="light" onClick={() => publish.mutate(f.id)} loading={publish.isPending} disabled={dirty}>
                {t('home.publish')}
              </Button>
              {dirty && <Text size="sm">{t('fw.unsaved')}</Text>}
            </Group>
          )}
          {(save.error ?? publish.error) && <ErrorAlert error={save.error ?? publish.error} />}
        </Stack>
      </Paper>
      {def.aspects.map((aspect, a) => (
        <AspectEditor
          key={`${aspect.code}-${a}`}
          def={def}
          a={a}
          editable={editable}
          setDef={setDef}
          sources={sources}
        />
      ))}
    </Stack>
  );
}

export function FrameworkPage() {
  const { id = '' } = useParams();
  const t = useAssessmentText();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const framework = q.useFramework(id);
  const copy = q.useCopy();
  if (framework.error) return <ErrorAlert error={framework.error} onRetry={() => void framework.refetch()} />;
  const f = framework.data;
  if (!f) return <PageLoader />;
  const national = me.role === 'admin' && me.region === '*';
  const editable = national && f.status === 'draft';
  return (
    <>
      <PageHeader title={t('fw.title', { year: f.year, name: f.name })} description={t('fw.description')} />
      <Stack gap="lg">
        <Group>
          <Badge variant="light" color={f.status === 'published' ? 'green' : 'yellow'}>
            {t(f.status === 'published' ? 'fw.published' : 'fw.draft')}
          </Badge>
          {national && f.status === 'published' && (
            <Button
              variant="light"
              loading={copy.isPending}
              onClick={() =>
                copy.mutate(
                  { id: f.id, year: f.year + 1, name: t('home.copyName', { name: f.name }) },
                  { onSuccess: (c) => void navigate(ROUTES.paritranaFramework(c.id)) },
                )
              }
            >
              {t('home.copy')}
            </Button>
          )}
        </Group>
        {f.status === 'published' && <Alert color="blue">{t('fw.frozen')}</Alert>}
        {copy.error && <ErrorAlert error={copy.error} />}
        {/* Keyed by the saved version, so the form starts again from what the server holds after each save. */}
        <FrameworkForm key={`${f.id}-${f.updatedAt}-${f.status}`} f={f} editable={editable} />
      </Stack>
    </>
  );
}
