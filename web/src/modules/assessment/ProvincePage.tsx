// `/paritrana/provinsi`: the provincial team's view. Every submitted self-assessment of the province side by side,
// the ranking (final score per the framework's rule, ties broken by its aspects), each assessor's own scores of the
// interview indicators, comments, and the ranking as XLSX.
import { Anchor, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ASSESSORS, type RankedEntry } from '../../../../lib/contracts/assessment.ts';
import { formatNumber } from '../../../../lib/rules/money.ts';
import { indicatorsOf } from '../../../../lib/rules/paritrana-scoring.ts';
import { useLocale } from '../../app/i18n.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { useCurrentUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import * as q from './assessment-api.ts';
import { useAssessmentText } from './assessment-text.ts';

function ScoreForm({ e, code, name, max }: { e: RankedEntry; code: string; name: string; max: number }) {
  const t = useAssessmentText();
  const score = q.useScore();
  const [value, setValue] = useState<string | number>(e.myScores[code] ?? '');
  const label = t('prov.myScore', { name, max, region: e.regionLabel });
  return (
    <Group gap="xs" wrap="nowrap" align="end">
      <NumberInput aria-label={label} size="xs" w={90} min={0} max={max} value={value} onChange={setValue} />
      <Button
        size="compact-xs"
        loading={score.isPending}
        aria-label={`${t('prov.save')}: ${label}`}
        onClick={() =>
          value !== '' &&
          score.mutate({ assessmentId: e.assessmentId, indicatorCode: code, score: Number(value), comment: '' })
        }
      >
        {t('prov.save')}
      </Button>
      {score.isSuccess && <Text size="xs">{t('prov.saved')}</Text>}
      {score.error && <ErrorAlert error={score.error} />}
    </Group>
  );
}

function CommentForm({ e }: { e: RankedEntry }) {
  const t = useAssessmentText();
  const add = q.useComment();
  const [body, setBody] = useState('');
  return (
    <Stack gap={2}>
      {e.comments.map((c, i) => (
        <Text key={i} size="xs">
          {c.author}: {c.body}
        </Text>
      ))}
      <Group gap="xs" wrap="nowrap">
        <TextInput
          size="xs"
          aria-label={t('prov.comment', { region: e.regionLabel })}
          value={body}
          onChange={(x) => setBody(x.target.value)}
        />
        <Button
          size="compact-xs"
          variant="light"
          loading={add.isPending}
          onClick={() =>
            body.trim() && add.mutate({ assessmentId: e.assessmentId, body }, { onSuccess: () => setBody('') })
          }
        >
          {t('prov.addComment')}
        </Button>
      </Group>
    </Stack>
  );
}

export function ProvincePage() {
  const t = useAssessmentText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const province = me.region === '*' ? '34' : me.region.slice(0, 2);
  const frameworks = q.useFrameworks();
  const published = (frameworks.data?.items ?? []).filter((f) => f.status === 'published');
  const [chosen, setChosen] = useState<string | null>(null);
  const frameworkId = chosen ?? published[0]?.id ?? null;
  const view = q.useProvince(frameworkId, province);
  // A refusal (an asesor of a regency has no province to rank) still names the page it refuses.
  const refused = frameworks.error ?? view.error;
  if (refused)
    return (
      <>
        <PageHeader title={t('prov.title', { province })} />
        <ErrorAlert error={refused} onRetry={() => void view.refetch()} />
      </>
    );
  if (!frameworks.data || (frameworkId && !view.data)) return <PageLoader />;
  const v = view.data;
  const def = v?.framework.definition;
  const assessorIndicators = def ? indicatorsOf(def).filter((i) => i.rule.kind === 'assessor') : [];
  const isAssessor = ASSESSORS.includes(me.role);
  const aspectName = (code: string) => def?.aspects.find((a) => a.code === code)?.name[locale] ?? code;
  return (
    <>
      <PageHeader
        title={t('prov.title', { province: v?.provinceLabel ?? province })}
        description={t('prov.description', {
          rule: def?.finalRule ?? '',
          tieBreak: (def?.tieBreak ?? []).map(aspectName).join(', '),
        })}
      />
      <Stack gap="lg">
        <Group align="end">
          <Select
            label={t('home.framework')}
            data={published.map((f) => ({ value: f.id, label: `${f.year}: ${f.name}` }))}
            value={frameworkId}
            onChange={setChosen}
            allowDeselect={false}
            w={420}
          />
          {frameworkId && (
            <Button component="a" href={q.rankingXlsxUrl(frameworkId, province)} variant="light">
              {t('prov.xlsx')}
            </Button>
          )}
        </Group>
        {!v || v.entries.length === 0 ? (
          <Text size="sm">{t('prov.empty')}</Text>
        ) : (
          <TableScroll label={t('prov.title', { province: v.provinceLabel })} minWidth={900}>
            <Table aria-label={t('prov.title', { province: v.provinceLabel })}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('prov.rank')}</Table.Th>
                  <Table.Th>{t('prov.region')}</Table.Th>
                  <Table.Th>{t('prov.total')}</Table.Th>
                  {def!.aspects.map((a) => (
                    <Table.Th key={a.code}>{a.name[locale]}</Table.Th>
                  ))}
                  <Table.Th>{t('prov.tie')}</Table.Th>
                  <Table.Th>{t('prov.assessors')}</Table.Th>
                  {isAssessor && assessorIndicators.map((i) => <Table.Th key={i.code}>{i.name[locale]}</Table.Th>)}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {v.entries.map((e) => (
                  <Table.Tr key={e.assessmentId}>
                    <Table.Td>{e.rank}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/paritrana/${e.assessmentId}`}>
                        {e.regionLabel}
                      </Anchor>
                      <CommentForm e={e} />
                    </Table.Td>
                    <Table.Td>{formatNumber(e.scores.total)}</Table.Td>
                    {def!.aspects.map((a) => (
                      <Table.Td key={a.code}>
                        {formatNumber(e.scores.aspects.find((s) => s.code === a.code)?.score ?? 0)}
                      </Table.Td>
                    ))}
                    <Table.Td>{e.tieBrokenBy ? aspectName(e.tieBrokenBy) : ''}</Table.Td>
                    <Table.Td>{e.assessorCount}</Table.Td>
                    {isAssessor &&
                      assessorIndicators.map((i) => (
                        <Table.Td key={i.code}>
                          <ScoreForm
                            e={e}
                            code={i.code}
                            name={i.name[locale]}
                            max={i.rule.kind === 'assessor' ? i.rule.max : 100}
                          />
                        </Table.Td>
                      ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </Stack>
    </>
  );
}
