import { Alert, Anchor, Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { dateName } from '../../../../lib/rules/lapse.ts';
import { useLocale } from '../../app/i18n.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { ROUTES } from '../../app/routes.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime, formatRupiah } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useClaim } from './claims-api.ts';
import { ClaimDocuments } from './ClaimDocuments.tsx';
import { ClaimWorkflowPanel } from './ClaimWorkflowPanel.tsx';
import { useClaimsText } from './claims-text.ts';
import { ClaimsTabs, CoveredBadge, EstimateTable } from './claims-ui.tsx';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}

/** `/klaim/:id`: the claim as recorded at intake: coverage on the event date with its reason, and the estimate. */
export function ClaimDetailPage() {
  const { id = '' } = useParams();
  const ct = useClaimsText();
  const [locale] = useLocale();
  const claim = useClaim(id);
  if (claim.error) return <ErrorAlert error={claim.error} onRetry={() => void claim.refetch()} />;
  if (!claim.data) return <PageLoader />;
  const c = claim.data;
  return (
    <>
      <PageHeader
        title={ct('detail.title', { type: ct(`typeShort.${c.type}`), name: c.workerName })}
        description={`${c.nikMasked} · ${c.regionLabel}`}
      />
      <ClaimsTabs />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="claim-coverage">
          <Stack gap="sm">
            <Title order={2} fz="h4" id="claim-coverage">
              {ct('detail.coverage')}
            </Title>
            <div data-testid="claim-covered">
              <CoveredBadge claim={c} />
            </div>
            <Text size="sm" data-testid="coverage-reason">
              {c.coverageReason}
            </Text>
            <Grid>
              <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                <Fact label={ct('detail.program')}>
                  {c.programName ?? '—'}
                  {c.funder ? ` (${c.funder})` : ''}
                </Fact>
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                <Fact label={ct('detail.kpj')}>{c.kpj ?? '—'}</Fact>
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                <Fact label={ct('detail.contributionMonths')}>
                  {ct('detail.monthsValue', { n: c.contributionMonths })}
                </Fact>
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                <Fact label={ct('detail.wage')}>{c.wage === null ? '—' : formatRupiah(c.wage, locale)}</Fact>
              </Grid.Col>
            </Grid>
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="claim-estimate">
          <Stack gap="sm">
            <Title order={2} fz="h4" id="claim-estimate">
              {c.covered ? ct('detail.estimate') : ct('detail.missed')}
            </Title>
            {!c.covered && (
              <Alert color="orange" variant="light">
                {ct('detail.gapNote')}{' '}
                <Anchor component={Link} to={ROUTES.claimGaps}>
                  {ct('tabs.gaps')}
                </Anchor>
              </Alert>
            )}
            <EstimateTable items={c.items} total={c.estimateTotal} caption={ct('estimate.table')} />
          </Stack>
        </Paper>
        <ClaimWorkflowPanel claimId={c.id} />
        <ClaimDocuments claimId={c.id} />
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="claim-event">
          <Stack gap="sm">
            <Title order={2} fz="h4" id="claim-event">
              {ct('detail.event')}
            </Title>
            <Grid>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <Fact label={ct('col.eventDate')}>{dateName(c.eventDate, locale)}</Fact>
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <Fact label={ct('col.type')}>
                  {ct(`type.${c.type}`)}
                  {c.outcome ? ` — ${ct(`outcome.${c.outcome}`)}` : ''}
                </Fact>
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <Fact label={ct('detail.place')}>{c.place}</Fact>
              </Grid.Col>
            </Grid>
            <Fact label={ct('detail.chronology')}>{c.chronology}</Fact>
            {c.witnesses.length > 0 && (
              <Fact label={ct('detail.witnesses')}>{c.witnesses.map((w) => w.name).join(', ')}</Fact>
            )}
            <Text size="xs" c="dimmed">
              {ct('detail.reportedBy', { user: c.createdBy, at: formatDateTime(c.createdAt, locale) })}
            </Text>
            <Anchor component={Link} to={ROUTES.claimHeirs(c.workerId)} size="sm">
              {ct('detail.heirs')}
            </Anchor>
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
