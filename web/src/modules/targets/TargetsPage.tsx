// Coverage targets per region and year: the cards (TargetCard.tsx) with progress and cost, and the form to set or
// change a target (TargetForm.tsx).
import { Button, Group, Modal, Pagination, Paper, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChartBar, IconFilterOff, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { TARGET_EDITORS, type TargetProgress } from '../../../../lib/contracts/targets.ts';
import { useT } from '../../app/i18n.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert, errorMessage } from '../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useUrlFilters } from '../../ui/url-state.ts';
import { TARGETS_PAGE_SIZE, useDeleteTarget, useTargets } from './targets-api.ts';
import { useTargetsText, type TargetsT } from './targets-text.ts';
import { PlanningLinks, ScopeRegionSelect } from './targets-ui.tsx';
import { TargetCard } from './TargetCard.tsx';
import { yearOptions, TargetForm } from './TargetForm.tsx';

function confirmText(tt: TargetsT, target: TargetProgress) {
  return tt('targets.deleteConfirm', {
    kind: tt(`kind.${target.kind}`),
    region: target.regionLabel,
    year: target.year,
  });
}

export function TargetsPage() {
  const tt = useTargetsText();
  const t = useT();
  const me = useCurrentUser();
  const { values, page, setFilters, setPage, clear, filtered } = useUrlFilters(['year', 'region'] as const);
  const targets = useTargets({ year: values.year, region: values.region, page });
  const remove = useDeleteTarget();
  const [form, setForm] = useState<{ open: boolean; editing: TargetProgress | null }>({ open: false, editing: null });
  const mayEdit = TARGET_EDITORS.includes(me.role);

  const createButton = mayEdit ? (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setForm({ open: true, editing: null })}>
      {tt('targets.create')}
    </Button>
  ) : undefined;

  const items = targets.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={tt('targets.title')}
        description={tt('targets.description')}
        actions={createButton}
        above={<PlanningLinks />}
      />
      <Stack gap="md">
        <Group align="flex-end">
          <Select
            label={tt('targets.filterYear')}
            data={yearOptions()}
            value={values.year || null}
            onChange={(v) => setFilters({ year: v })}
            clearable
            w={180}
          />
          <ScopeRegionSelect value={values.region} onChange={(region) => setFilters({ region })} allowEmpty />
          {filtered && (
            <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={clear}>
              {t('ui.clearFilters')}
            </Button>
          )}
        </Group>
        {targets.error ? <ErrorAlert error={targets.error} onRetry={() => void targets.refetch()} /> : null}
        {targets.isPending ? (
          <Text c="dimmed">{t('app.loading')}</Text>
        ) : items.length === 0 ? (
          <Paper withBorder radius="md">
            <EmptyState
              icon={<IconChartBar size={26} stroke={1.5} />}
              title={tt('targets.empty.title')}
              body={
                filtered ? tt('targets.emptyFiltered') : tt(mayEdit ? 'targets.empty.editor' : 'targets.empty.reader')
              }
              action={filtered ? undefined : createButton}
            />
          </Paper>
        ) : (
          <Stack gap="md" aria-label={tt('targets.cards')} role="list">
            {items.map((target) => (
              <div role="listitem" key={target.id}>
                <TargetCard
                  target={target}
                  onEdit={() => setForm({ open: true, editing: target })}
                  onDelete={() => {
                    if (!window.confirm(confirmText(tt, target))) return;
                    remove.mutate(target.id, {
                      onSuccess: () => notifications.show({ color: 'green', message: tt('targets.deleted') }),
                      onError: (err) => notifications.show({ color: 'red', message: errorMessage(err, t) }),
                    });
                  }}
                />
              </div>
            ))}
          </Stack>
        )}
        {(targets.data?.total ?? 0) > TARGETS_PAGE_SIZE && (
          <Pagination
            total={Math.ceil((targets.data?.total ?? 0) / TARGETS_PAGE_SIZE)}
            value={page}
            onChange={setPage}
          />
        )}
        {items[0] && (
          <Text size="xs" c="dimmed">
            {tt('targets.activeSource', { source: items[0].activeSource })}
          </Text>
        )}
      </Stack>
      <Modal
        opened={form.open}
        onClose={() => setForm({ open: false, editing: null })}
        title={form.editing ? tt('targets.edit') : tt('targets.create')}
        size="lg"
      >
        {form.open && <TargetForm editing={form.editing} onClose={() => setForm({ open: false, editing: null })} />}
      </Modal>
    </>
  );
}
