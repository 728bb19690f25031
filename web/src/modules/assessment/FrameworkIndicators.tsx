// The indicator editor of the framework page: one aspect's criteria and indicators, each with its names, code,
// weight, source and unit, and its scoring rule (threshold steps, yes/no scores or the assessors' maximum). Read-only
// unless the page says the framework is editable.
import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type {
  AspectDef,
  FrameworkDefinition,
  IndicatorDef,
  ScoringRule,
} from '../../../../lib/contracts/assessment.ts';
import { INDICATOR_UNITS } from '../../../../lib/contracts/assessment.ts';
import { useLocale } from '../../app/i18n.ts';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { useAssessmentText, type AssessmentT } from './assessment-text.ts';

type Def = FrameworkDefinition;
type Ind = IndicatorDef;

/** Where an indicator sits: aspect, criterion, indicator index. */
type At = [number, number, number];

function withIndicator(def: Def, [a, c, i]: At, change: (x: Ind) => Ind | null): Def {
  const next = structuredClone(def);
  const list = next.aspects[a]!.criteria[c]!.indicators;
  const changed = change(list[i]!);
  if (changed === null) list.splice(i, 1);
  else list[i] = changed;
  return next;
}

export const SOURCE_MANUAL_NUMBER = 'manual:number';
export const SOURCE_MANUAL_YES_NO = 'manual:yes_no';
export const SOURCE_ASSESSOR = 'assessor';

function sourceKey(i: Ind): string {
  if (i.source.kind === 'computed') return `computed:${i.source.computation}`;
  if (i.source.kind === 'manual') return `manual:${i.source.value}`;
  return SOURCE_ASSESSOR;
}

/** The indicator with another source; the rule follows where it must (assessor ↔ assessor, yes/no ↔ yes/no). */
function withSource(i: Ind, key: string): Ind {
  if (key === SOURCE_ASSESSOR)
    return { ...i, unit: 'score', source: { kind: 'assessor' }, rule: { kind: 'assessor', max: 100 } };
  const rule: ScoringRule =
    i.rule.kind === 'thresholds' ? i.rule : { kind: 'thresholds', steps: [{ min: 1, score: 100 }] };
  if (key === SOURCE_MANUAL_YES_NO)
    return {
      ...i,
      unit: 'yes_no',
      source: { kind: 'manual', value: 'yes_no' },
      rule: { kind: 'yes_no', yes: 100, no: 0 },
    };
  if (key === SOURCE_MANUAL_NUMBER) return { ...i, source: { kind: 'manual', value: 'number' }, rule };
  return { ...i, source: { kind: 'computed', computation: key.slice('computed:'.length) }, rule };
}

function RuleEditor({
  ind,
  at,
  editable,
  onChange,
  t,
}: {
  ind: Ind;
  at: At;
  editable: boolean;
  onChange: (change: (x: Ind) => Ind | null) => void;
  t: AssessmentT;
}) {
  const label = (key: Parameters<AssessmentT>[0], extra: Record<string, string | number> = {}) =>
    t(key, { code: ind.code, ...extra });
  const rule = ind.rule;
  if (rule.kind === 'assessor')
    return (
      <NumberInput
        size="xs"
        w={110}
        label={label('fw.assessorMax')}
        min={1}
        value={rule.max}
        readOnly={!editable}
        onChange={(v) => onChange((x) => ({ ...x, rule: { kind: 'assessor', max: Number(v) || 0 } }))}
      />
    );
  if (rule.kind === 'yes_no')
    return (
      <Group gap="xs" wrap="nowrap">
        {(['yes', 'no'] as const).map((k) => (
          <NumberInput
            key={k}
            size="xs"
            w={90}
            label={label(k === 'yes' ? 'fw.yesScore' : 'fw.noScore')}
            min={0}
            max={100}
            value={rule[k]}
            readOnly={!editable}
            onChange={(v) => onChange((x) => ({ ...x, rule: { ...rule, [k]: Number(v) || 0 } }))}
          />
        ))}
      </Group>
    );
  const setStep = (n: number, key: 'min' | 'score', v: number) =>
    onChange((x) => ({
      ...x,
      rule: { kind: 'thresholds', steps: rule.steps.map((s, j) => (j === n ? { ...s, [key]: v } : s)) },
    }));
  return (
    <Stack gap={4}>
      {rule.steps.map((s, n) => (
        <Group key={`${at.join('.')}-${n}`} gap="xs" wrap="nowrap" align="end">
          <NumberInput
            size="xs"
            w={130}
            label={label('fw.stepMin', { n: n + 1 })}
            value={s.min}
            readOnly={!editable}
            onChange={(v) => setStep(n, 'min', Number(v) || 0)}
          />
          <NumberInput
            size="xs"
            w={90}
            label={label('fw.stepScore', { n: n + 1 })}
            min={0}
            max={100}
            value={s.score}
            readOnly={!editable}
            onChange={(v) => setStep(n, 'score', Number(v) || 0)}
          />
          {editable && rule.steps.length > 1 && (
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={label('fw.removeStep', { n: n + 1 })}
              onClick={() =>
                onChange((x) => ({ ...x, rule: { kind: 'thresholds', steps: rule.steps.filter((_, j) => j !== n) } }))
              }
            >
              ×
            </ActionIcon>
          )}
        </Group>
      ))}
      {editable && (
        <Button
          size="compact-xs"
          variant="subtle"
          aria-label={label('fw.addStep')}
          onClick={() => {
            const last = rule.steps[rule.steps.length - 1] ?? { min: 0, score: 0 };
            onChange((x) => ({
              ...x,
              rule: {
                kind: 'thresholds',
                steps: [...rule.steps, { min: last.min + 1, score: Math.min(100, last.score) }],
              },
            }));
          }}
        >
          {t('fw.addStepShort')}
        </Button>
      )}
    </Stack>
  );
}

/** What every part of the editor gets: the definition being edited, whether it may be, and the sources offered. */
type EditorProps = {
  def: Def;
  editable: boolean;
  setDef: (d: Def) => void;
  sources: { value: string; label: string }[];
};

function IndicatorRows({ def, a, c, editable, setDef, sources }: EditorProps & { a: number; c: number }) {
  const t = useAssessmentText();
  const [locale] = useLocale();
  return def.aspects[a]!.criteria[c]!.indicators.map((ind, i) => {
    const at: At = [a, c, i];
    const change = (f: (x: Ind) => Ind | null) => setDef(withIndicator(def, at, f));
    return (
      <Table.Tr key={`${ind.code}-${i}`}>
        <Table.Td>
          <Stack gap={4}>
            <TextInput
              size="xs"
              label={t('fw.indicatorName', { code: ind.code })}
              value={ind.name.id}
              readOnly={!editable}
              onChange={(e) => {
                const v = e.target.value;
                change((x) => ({ ...x, name: { ...x.name, id: v } }));
              }}
            />
            <TextInput
              size="xs"
              label={t('fw.indicatorNameEn', { code: ind.code })}
              value={ind.name.en}
              readOnly={!editable}
              onChange={(e) => {
                const v = e.target.value;
                change((x) => ({ ...x, name: { ...x.name, en: v } }));
              }}
            />
            <TextInput
              size="xs"
              label={t('fw.indicatorCode', { name: ind.name[locale] })}
              value={ind.code}
              readOnly={!editable}
              onChange={(e) => {
                const v = e.target.value;
                change((x) => ({ ...x, code: v }));
              }}
            />
          </Stack>
        </Table.Td>
        <Table.Td>
          <NumberInput
            size="xs"
            w={90}
            label={t('fw.weightOf', { code: ind.code })}
            min={0}
            max={1000}
            allowDecimal={false}
            value={ind.weight}
            readOnly={!editable}
            onChange={(v) => change((x) => ({ ...x, weight: Number(v) || 0 }))}
          />
        </Table.Td>
        <Table.Td>
          <Stack gap={4}>
            <Select
              size="xs"
              label={t('fw.source', { code: ind.code })}
              data={sources}
              value={sourceKey(ind)}
              readOnly={!editable}
              allowDeselect={false}
              onChange={(v) => v && change((x) => withSource(x, v))}
            />
            <Select
              size="xs"
              label={t('fw.unit', { code: ind.code })}
              data={INDICATOR_UNITS.map((u) => ({ value: u, label: t(`unit.${u}`) }))}
              value={ind.unit}
              readOnly={!editable}
              allowDeselect={false}
              onChange={(v) => v && change((x) => ({ ...x, unit: v as Ind['unit'] }))}
            />
          </Stack>
        </Table.Td>
        <Table.Td>
          <RuleEditor ind={ind} at={at} editable={editable} onChange={change} t={t} />
        </Table.Td>
        {editable && (
          <Table.Td>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('fw.removeIndicator', { code: ind.code })}
              onClick={() => change(() => null)}
            >
              ×
            </ActionIcon>
          </Table.Td>
        )}
      </Table.Tr>
    );
  });
}

function newIndicator(def: Def): Ind {
  const used = new Set(def.aspects.flatMap((a) => a.criteria.flatMap((c) => c.indicators.map((i) => i.code))));
  let n = 1;
  while (used.has(`indikator_${n}`)) n++;
  return {
    code: `indikator_${n}`,
    name: { id: `Indikator baru ${n}`, en: `New indicator ${n}` },
    weight: 0,
    unit: 'count',
    source: { kind: 'manual', value: 'number' },
    rule: { kind: 'thresholds', steps: [{ min: 1, score: 100 }] },
  };
}

export function AspectEditor({ def, a, editable, setDef, sources }: EditorProps & { a: number }) {
  const t = useAssessmentText();
  const [locale] = useLocale();
  const aspect: AspectDef = def.aspects[a]!;
  const edit = (f: (d: Def) => void) => {
    const next = structuredClone(def);
    f(next);
    setDef(next);
  };
  const aspectWeight = aspect.criteria.reduce((s, c) => s + c.indicators.reduce((x, i) => x + i.weight, 0), 0);
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('fw.aspectTitle', { name: aspect.name[locale], weight: aspectWeight })}
        </Title>
        <Group align="end">
          <TextInput
            label={t('fw.aspectName', { code: aspect.code })}
            value={aspect.name.id}
            readOnly={!editable}
            onChange={(e) => {
              const v = e.target.value;
              edit((d) => (d.aspects[a]!.name.id = v));
            }}
            w={360}
          />
          <TextInput
            label={t('fw.aspectNameEn', { code: aspect.code })}
            value={aspect.name.en}
            readOnly={!editable}
            onChange={(e) => {
              const v = e.target.value;
              edit((d) => (d.aspects[a]!.name.en = v));
            }}
            w={360}
          />
        </Group>
        {aspect.criteria.map((criterion, c) => (
          <Stack key={`${criterion.code}-${c}`} gap="xs">
            <Text fw={700} size="sm">
              {t('fw.criterion')}: {criterion.name[locale]}
            </Text>
            <TableScroll label={criterion.name[locale]} minWidth={900}>
              <Table aria-label={t('fw.criterionTable', { name: criterion.name[locale] })} verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('col.indicator')}</Table.Th>
                    <Table.Th>{t('col.weight')}</Table.Th>
                    <Table.Th>{t('fw.sourceHead')}</Table.Th>
                    <Table.Th>{t('fw.ruleHead')}</Table.Th>
                    {editable && <Table.Th aria-label={t('fw.actions')} />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  <IndicatorRows def={def} a={a} c={c} editable={editable} setDef={setDef} sources={sources} />
                </Table.Tbody>
              </Table>
            </TableScroll>
            {editable && (
              <Group>
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => edit((d) => d.aspects[a]!.criteria[c]!.indicators.push(newIndicator(def)))}
                >
                  {t('fw.addIndicator', { name: criterion.name[locale] })}
                </Button>
              </Group>
            )}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
