// `/paritrana/:id`: one regency's self-assessment. Disnaker prepares Lindung's figures at the cut-off (each with the
// rows behind it), enters manual figures, narratives and evidence; the pimpinan approves and submits, which freezes
// the snapshot. Everyone who may read it downloads the evidence pack (PDF) and the figures (XLSX).
import {
  Alert,
  Anchor,
  Button,
  FileButton,
  Group,
  Menu,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  ASSESSMENT_PREPARERS,
  ASSESSMENT_SUBMITTERS,
  type Assessment,
  type Figure,
  type Framework,
  type RegisterCandidates,
} from '../../../../lib/contracts/assessment.ts';
import { formatNumber, formatRupiah } from '../../../../lib/rules/money.ts';
import { indicatorsOf } from '../../../../lib/rules/paritrana-scoring.ts';
import { useLocale } from '../../app/i18n.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { useCurrentUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import * as q from './assessment-api.ts';
import { useAssessmentText, type AssessmentT } from './assessment-text.ts';

type Ind = ReturnType<typeof indicatorsOf>[number];

export function figureLabel(t: AssessmentT, ind: Ind, f: Figure | undefined): string {
  if (!f || f.value === null)
    return f?.source === 'assessor' ? t('fig.pending') : f?.available === false ? t('fig.unavailable') : t('fig.none');
  if (ind.unit === 'rupiah') return formatRupiah(f.value);
  if (ind.unit === 'percent') return `${formatNumber(f.value)}%`;
  if (ind.unit === 'yes_no') return f.value > 0 ? t('fig.yes') : t('fig.no');
  return formatNumber(f.value);
}

function ManualInput({ a, ind }: { a: Assessment; ind: Ind }) {
  const t = useAssessmentText();
  const [locale] = useLocale();
  const save = q.useManual(a.id);
  const current = a.figures.find((f) => f.code === ind.code)?.value ?? null;
  const [value, setValue] = useState<string | number>(current ?? '');
  const label = t('manual.value', { name: ind.name[locale] });
  const yesNo = ind.source.kind === 'manual' && ind.source.value === 'yes_no';
  return (
    <Group gap="xs" align="end" wrap="nowrap">
      {yesNo ? (
        <Select
          aria-label={label}
          size="xs"
          w={100}
          data={[
            { value: '1', label: t('fig.yes') },
            { value: '0', label: t('fig.no') },
          ]}
          value={value === '' ? null : String(value)}
          onChange={(v) => setValue(v ?? '')}
        />
      ) : (
        <NumberInput aria-label={label} size="xs" w={110} min={0} value={value} onChange={setValue} />
      )}
      <Button
        size="compact-xs"
        loading={save.isPending}
        onClick={() => save.mutate({ indicatorCode: ind.code, value: value === '' ? null : Number(value), note: '' })}
      >
        {t('manual.save')}
      </Button>
    </Group>
  );
}

/** Picks an instrument of the governance register (in force on the cut-off, with its signed PDF) as evidence. */
function RegisterMenu({ a, ind, candidates }: { a: Assessment; ind: Ind; candidates: RegisterCandidates['items'] }) {
  const t = useAssessmentText();
  const [locale] = useLocale();
  const attach = q.useAttachInstrument(a.id);
  return (
    <>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button
            size="compact-xs"
            variant="light"
            loading={attach.isPending}
            aria-label={t('evidence.register', { name: ind.name[locale] })}
          >
            {t('evidence.registerShort')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {candidates.length === 0 && <Menu.Label>{t('evidence.registerNone')}</Menu.Label>}
          {candidates.map((c) => (
            <Menu.Item
              key={c.id}
              onClick={() => attach.mutate({ indicatorCode: ind.code, instrumentId: c.id })}
              title={`SHA-256 ${c.sha256}`}
            >
              {c.label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {attach.error && <ErrorAlert error={attach.error} />}
    </>
  );
}

function EvidenceCell({
  a,
  ind,
  editable,
  candidates,
}: {
  a: Assessment;
  ind: Ind;
  editable: boolean;
  candidates: RegisterCandidates['items'];
}) {
  const t = useAssessmentText();
  const [locale] = useLocale();
  const upload = q.useUploadEvidence(a.id);
  const remove = q.useRemoveEvidence(a.id);
  const files = a.evidence.filter((e) => e.indicatorCode === ind.code);
  return (
    <Stack gap={2}>
      {files.map((e) => (
        <Group key={e.id} gap={4} wrap="nowrap">
          <Stack gap={0}>
            <Anchor href={q.evidenceUrl(a.id, e.id)} size="xs" title={`SHA-256 ${e.sha256}`}>
              {e.fileName}
            </Anchor>
            {e.instrument && (
              <Text size="xs" c="dimmed">
                {t('evidence.fromRegister', { label: e.instrument.label })}
              </Text>
            )}
          </Stack>
          {editable && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              aria-label={t('evidence.remove', { name: e.fileName })}
              onClick={() => remove.mutate(e.id)}
            >
              ×
            </Button>
          )}
        </Group>
      ))}
      {editable && (
        <Group gap={4} wrap="nowrap">
          <FileButton
            accept="application/pdf,image/jpeg,image/png"
            onChange={(file) => file && upload.mutate({ indicatorCode: ind.code, file })}
          >
            {(props) => (
              <Button
                {...props}
                size="compact-xs"
                variant="light"
                loading={upload.isPending}
                aria-label={t('evidence.upload', { name: ind.name[locale] })}
              >
                +
              </Button>
            )}
          </FileButton>
          <RegisterMenu a={a} ind={ind} candidates={candidates} />
        </Group>
      )}
      {(upload.error ?? remove.error) && <ErrorAlert error={upload.error ?? remove.error} />}
    </Stack>
  );
}

function Narrative({ a, code, title, editable }: { a: Assessment; code: string; title: string; editable: boolean }) {
  const t = useAssessmentText();
  const save = q.useNarrative(a.id);
  const [text, setText] = useState(a.narratives[code] ?? '');
  if (!editable)
    return a.narratives[code] ? (
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {a.narratives[code]}
      </Text>
    ) : null;
  return (
    <Stack gap={4}>
      <Textarea
        label={t('narrative.title', { aspect: title })}
        value={text}
        onChange={(e) => setText(e.target.value)}
        autosize
        minRows={2}
      />
      <Group>
        <Button
          size="compact-sm"
          variant="light"
          loading={save.isPending}
          onClick={() => save.mutate({ aspectCode: code, text })}
        >
          {t('narrative.save')}
        </Button>
      </Group>
      {save.error && <ErrorAlert error={save.error} />}
    </Stack>
  );
}

function Indicators({ a, f, editable }: { a: Assessment; f: Framework; editable: boolean }) {
  const t = useAssessmentText();
  const [locale] = useLocale();
  const [open, setOpen] = useState<string | null>(null);
  const candidates = q.useRegisterCandidates(a.id, editable).data?.items ?? [];
  const figures = new Map(a.figures.map((x) => [x.code, x]));
  const scores = new Map(a.scores.indicators.map((x) => [x.code, x]));
  return (
    <Stack gap="lg">
      {f.definition.aspects.map((aspect) => (
        <Paper key={aspect.code} withBorder radius="md" p="md">
          <Stack gap="sm">
            <Title order={2} fz="h4">
              {aspect.name[locale]} · {formatNumber(a.scores.aspects.find((s) => s.code === aspect.code)?.score ?? 0)}
            </Title>
            <TableScroll label={aspect.name[locale]} minWidth={720}>
              <Table aria-label={aspect.name[locale]}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('col.indicator')}</Table.Th>
                    <Table.Th>{t('col.figure')}</Table.Th>
                    <Table.Th>{t('col.score')}</Table.Th>
                    <Table.Th>{t('col.weight')}</Table.Th>
                    <Table.Th>{t('col.evidence')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {indicatorsOf(f.definition)
                    .filter((i) => i.aspect === aspect.code)
                    .map((ind) => {
                      const fig = figures.get(ind.code);
                      const score = scores.get(ind.code)?.score ?? null;
                      return (
                        <Table.Tr key={ind.code}>
                          <Table.Td>
                            <Text size="sm">{ind.name[locale]}</Text>
                            <Text size="xs" c="dimmed">
                              {fig?.note}
                            </Text>
                            {fig && fig.rows.length > 0 && (
                              <Anchor
                                component="button"
                                size="xs"
                                onClick={() => setOpen(open === ind.code ? null : ind.code)}
                                aria-expanded={open === ind.code}
                              >
                                {t('fig.rows', { n: fig.rows.length })}
                              </Anchor>
                            )}
                            {open === ind.code && fig && (
                              <Table fz="xs" aria-label={t('fig.rows', { n: fig.rows.length })}>
                                <Table.Tbody>
                                  {fig.rows.map((r) => (
                                    <Table.Tr key={r.key}>
                                      <Table.Td>{r.label}</Table.Td>
                                      <Table.Td>{formatNumber(r.value)}</Table.Td>
                                      <Table.Td>{r.extra}</Table.Td>
                                    </Table.Tr>
                                  ))}
                                </Table.Tbody>
                              </Table>
                            )}
                          </Table.Td>
                          <Table.Td>
                            {ind.source.kind === 'manual' && editable ? (
                              <ManualInput a={a} ind={ind} />
                            ) : (
                              figureLabel(t, ind, fig)
                            )}
                          </Table.Td>
                          <Table.Td>{score === null ? t('fig.pending') : formatNumber(score)}</Table.Td>
                          <Table.Td>{ind.weight}</Table.Td>
                          <Table.Td>
                            <EvidenceCell a={a} ind={ind} editable={editable} candidates={candidates} />
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                </Table.Tbody>
              </Table>
            </TableScroll>
            <Narrative a={a} code={aspect.code} title={aspect.name[locale]} editable={editable} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

export function AssessmentPage() {
  const { id = '' } = useParams();
  const t = useAssessmentText();
  const me = useCurrentUser();
  const assessment = q.useAssessment(id);
  const framework = q.useFramework(assessment.data?.frameworkId ?? null);
  const prepare = q.usePrepare(id);
  const submit = q.useSubmit(id);
  if (assessment.error) return <ErrorAlert error={assessment.error} onRetry={() => void assessment.refetch()} />;
  if (framework.error) return <ErrorAlert error={framework.error} />;
  const a = assessment.data;
  const f = framework.data;
  if (!a || !f) return <PageLoader />;
  const draft = a.status === 'draft';
  const editable = draft && ASSESSMENT_PREPARERS.includes(me.role);
  const prepared = a.figures.some((x) => x.source === 'computed' && (x.value !== null || x.note !== ''));
  return (
    <>
      <PageHeader
        title={t('a.title', { year: a.year, region: a.regionLabel })}
        description={t('a.description', {
          framework: f.name,
          cutoff: a.cutoff,
          status: t(draft ? 'status.draft' : 'status.submitted'),
        })}
      />
      <Stack gap="lg">
        <Group>
          {editable && (
            <Button onClick={() => prepare.mutate(undefined)} loading={prepare.isPending}>
              {t('a.prepare')}
            </Button>
          )}
          {draft && ASSESSMENT_SUBMITTERS.includes(me.role) && (
            <Button onClick={() => submit.mutate()} loading={submit.isPending} title={t('a.submitConfirm')}>
              {t('a.submit')}
            </Button>
          )}
          <Button component="a" href={q.packPdfUrl(a.id)} variant="light">
            {t('a.pdf')}
          </Button>
          <Button component="a" href={q.figuresXlsxUrl(a.id)} variant="light">
            {t('a.xlsx')}
          </Button>
        </Group>
        {(prepare.error ?? submit.error) && <ErrorAlert error={prepare.error ?? submit.error} />}
        {draft && !prepared && <Alert color="yellow">{t('a.notPrepared')}</Alert>}
        {!draft && (
          <Alert color="green">
            {t('a.frozen', { at: a.submittedAt ?? '', by: a.submittedBy ?? '', sha: a.snapshotSha256 ?? '' })}
          </Alert>
        )}
        <Title order={2} fz="h3">
          {t('a.total', { total: formatNumber(a.scores.total) })}
        </Title>
        {!a.scores.complete && <Text size="sm">{t('a.incomplete')}</Text>}
        <Indicators a={a} f={f} editable={editable} />
      </Stack>
    </>
  );
}
