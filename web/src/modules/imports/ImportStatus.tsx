import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import type { ImportJob, ImportStatus } from '../../../../lib/contracts/imports.ts';
import { useLocale } from '../../app/i18n.ts';
import { formatNumber } from '../../ui/format.ts';
import { useImportsText, type ImportsT } from './imports-text.ts';

const COLORS: Record<ImportStatus, string> = {
  needs_mapping: 'orange',
  queued: 'gray',
  running: 'blue',
  validated: 'teal',
  committed: 'green',
  failed: 'red',
  cancelled: 'gray',
};

export function statusLabel(job: Pick<ImportJob, 'status' | 'mode'>, t: ImportsT): string {
  if (job.status === 'queued' || job.status === 'running') {
    return t(job.mode === 'commit' ? 'imports.status.saving' : 'imports.status.checking');
  }
  return t(`imports.status.${job.status}`);
}

export function StatusBadge({ job }: { job: Pick<ImportJob, 'status' | 'mode'> }) {
  const t = useImportsText();
  return (
    <Badge variant="light" color={COLORS[job.status]}>
      {statusLabel(job, t)}
    </Badge>
  );
}

/** The progress bar of a running job: percent, rows read, rows per second and the time left. */
export function ImportProgress({ job }: { job: ImportJob }) {
  const t = useImportsText();
  const [locale] = useLocale();
  const p = job.progress;
  const phase = p.phase ?? 'waiting';
  return (
    <Stack gap={6} aria-live="polite">
      <Group justify="space-between" gap="xs">
        <Text fw={600}>{t(`imports.phase.${phase}`)}</Text>
        <Text fw={600}>{p.percent}%</Text>
      </Group>
      <Progress
        value={p.percent}
        size="lg"
        animated
        striped
        aria-label={t('imports.progressLabel')}
        role="progressbar"
        aria-valuenow={p.percent}
      />
      <Text size="sm" c="dimmed">
        {t('imports.progressDetail', {
          rows: formatNumber(p.rowsDone, locale),
          estimated: p.rowsEstimated === null ? '?' : formatNumber(p.rowsEstimated, locale),
          rate: p.rowsPerSecond === null ? '—' : formatNumber(p.rowsPerSecond, locale),
        })}
        {p.secondsLeft !== null
          ? ` · ${t('imports.secondsLeft', { seconds: formatNumber(p.secondsLeft, locale) })}`
          : ''}
      </Text>
    </Stack>
  );
}
