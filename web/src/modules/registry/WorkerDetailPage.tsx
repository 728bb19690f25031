import { Alert, Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconEye, IconGitMerge, IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { NIK_REVEALERS, WORKER_EDITORS } from '../../../../lib/access/roles.ts';
import type { NikWarning, Worker } from '../../../../lib/contracts/workers.ts';
import { PARTICIPATION_CATEGORY_LABELS, SEGMENTS, VULNERABILITY_FLAG_LABELS } from '../../../../lib/rules/segments.ts';
import { useLocale } from '../../app/i18n.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { ROUTES } from '../../app/routes.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDate, formatNumber } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useRegistryText } from './registry-text.ts';
import { useRevealNik, useWorker, useWorkerProtection } from './registry-api.ts';
import { WorkerHistoryTimeline } from './WorkerHistory.tsx';
import { WorkerProtectionBlock } from './WorkerProtection.tsx';
import { BackToWorkers } from './WorkerForm.tsx';
import { PersonalDataButtons } from '../privacy/PersonalDataButtons.tsx';
import { HeirsLink } from '../claims/HeirsLink.tsx';

/** Set by the create and edit pages after saving: the NIK warnings to look at. */
type SavedState = { saved?: 'created' | 'updated'; warnings?: NikWarning[] } | null;

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

export function WorkerDetailPage() {
  const t = useRegistryText();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const worker = useWorker(id);
  const saved = useLocation().state as SavedState;

  if (worker.isPending) return <PageLoader />;
  if (worker.isError) {
    return (
      <>
        <PageHeader title={t('nav.workers')} above={<BackToWorkers />} />
        <ErrorAlert error={worker.error} onRetry={() => void worker.refetch()} />
      </>
    );
  }
  const w = worker.data;
  const editButton =
    WORKER_EDITORS.includes(me.role) && w.mergedInto === null ? (
      <Button leftSection={<IconPencil size={18} aria-hidden />} onClick={() => navigate(ROUTES.workerEdit(w.id))}>
        {t('workerDetail.edit')}
      </Button>
    ) : undefined;
  return (
    <>
      <PageHeader
        title={w.fullName}
        description={w.villageLabel}
        above={<BackToWorkers />}
        actions={
          <Group gap="xs">
            {editButton}
            <PersonalDataButtons workerId={w.id} />
            <HeirsLink workerId={w.id} />
          </Group>
        }
      />
      <Stack gap="md" maw={920}>
        {saved?.saved && <SavedNotice kind={saved.saved} warnings={saved.warnings ?? []} />}
        {w.mergedInto !== null && (
          <Alert color="gray" variant="light" icon={<IconGitMerge aria-hidden />} title={t('workerDetail.merged')}>
            <Text size="sm">
              {t('workerDetail.mergedBody')}{' '}
              <Anchor component={Link} to={ROUTES.workerDetail(w.mergedInto)}>
                {t('workerDetail.mergedLink', { id: w.mergedInto })}
              </Anchor>
            </Text>
          </Alert>
        )}
        <WorkerCard worker={w} />
        <WorkerProtectionBlock workerId={w.id} />
        <WorkerHistoryTimeline workerId={w.id} />
      </Stack>
    </>
  );
}

function SavedNotice({ kind, warnings }: { kind: 'created' | 'updated'; warnings: NikWarning[] }) {
  const t = useRegistryText();
  if (warnings.length === 0) {
    return (
      <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
        {kind === 'created' ? t('workerDetail.saved') : t('workerDetail.updated')}
      </Alert>
    );
  }
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={kind === 'created' ? t('workerDetail.savedWithWarnings') : t('workerDetail.updatedWithWarnings')}
      role="status"
    >
      <List size="sm" spacing={4}>
        {warnings.map((w) => (
          <List.Item key={w.code}>{w.message}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

function NikField({ worker }: { worker: Worker }) {
  const t = useRegistryText();
  const me = useCurrentUser();
  const reveal = useRevealNik(worker.id);
  const mayReveal = NIK_REVEALERS.includes(me.role);
  return (
    <Stack gap={4}>
      <Group gap="sm" wrap="nowrap">
        <Text size="sm" ff="monospace" data-testid="worker-nik">
          {reveal.data?.nik ?? worker.nikMasked}
        </Text>
        {mayReveal && !reveal.data && (
          <Button
            size="compact-xs"
            variant="light"
            leftSection={<IconEye size={14} aria-hidden />}
            loading={reveal.isPending}
            onClick={() => reveal.mutate()}
          >
            {t('workerDetail.revealNik')}
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {reveal.data ? t('workerDetail.revealed') : mayReveal ? t('workerDetail.revealHint') : t('workerDetail.masked')}
      </Text>
      {reveal.isError && <ErrorAlert error={reveal.error} />}
    </Stack>
  );
}

/** The registry's own KPJ; when it has none, the one the branch gave (answer or snapshot), saying so. */
function KpjField({ worker }: { worker: Worker }) {
  const pt = useRegistryText();
  const t = useRegistryText();
  const protection = useWorkerProtection(worker.id);
  const fromRecord = protection.data?.kpj?.number;
  if (worker.kpjNumber || !fromRecord) return <>{worker.kpjNumber ?? t('ui.none')}</>;
  return (
    <>
      {fromRecord}{' '}
      <Text span size="xs" c="dimmed">
        {pt('protection.kpj.fromRecord')}
      </Text>
    </>
  );
}

function WorkerCard({ worker: w }: { worker: Worker }) {
  const t = useRegistryText();
  const [locale] = useLocale();
  const dash = t('ui.none');
  const rtRw = w.rt || w.rw ? `RegistryT ${w.rt ?? dash} / RW ${w.rw ?? dash}` : dash;
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="lg">
        <Field label={t('workerForm.nik')}>
          <NikField worker={w} />
        </Field>
        <Field label={t('workerForm.fullName')}>{w.fullName}</Field>
        <Field label={t('workerDetail.birth')}>
          {[w.birthPlace, formatDate(w.birthDate, locale)].filter(Boolean).join(', ')}
        </Field>
        <Field label={t('workerForm.sex')}>{t(`workerForm.sex.${w.sex}`)}</Field>
        <Field label={t('workerForm.domicile')}>{w.villageLabel}</Field>
        <Field label={t('workerForm.address')}>
          {w.address ?? dash} · {rtRw}
        </Field>
        <Field label={t('workerForm.phone')}>{w.phone ?? dash}</Field>
        <Field label={t('workerDetail.kpj')}>
          <KpjField worker={w} />
        </Field>
        <Field label={t('workerForm.segment')}>{SEGMENTS[w.segment].label[locale]}</Field>
        <Field label={t('workerForm.category')}>{PARTICIPATION_CATEGORY_LABELS[w.category][locale]}</Field>
        <Field label={t('workerForm.income')}>
          {w.monthlyIncome === null ? dash : `Rp${formatNumber(w.monthlyIncome, locale)}`}
        </Field>
        <Field label={t('workerForm.vulnerability')}>
          {w.vulnerability.length === 0 ? (
            dash
          ) : (
            <Group gap={6}>
              {w.vulnerability.map((f) => (
                <Badge key={f} variant="light" tt="none">
                  {VULNERABILITY_FLAG_LABELS[f][locale]}
                </Badge>
              ))}
            </Group>
          )}
        </Field>
        <Field label={t('workerDetail.lifeStatus')}>
          {w.lifeStatus === 'alive'
            ? t('workerDetail.alive')
            : t('workerDetail.deceased', { date: formatDate(w.deathDate, locale) })}
        </Field>
        <Field label={t('workerDetail.source')}>{w.source}</Field>
      </SimpleGrid>
    </Paper>
  );
}
