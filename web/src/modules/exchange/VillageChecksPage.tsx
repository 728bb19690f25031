import { Anchor, Badge, Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChecklist } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { WORKER_READERS } from '../../../../lib/access/roles.ts';
import { EXCHANGE_USERS, VILLAGE_CHECK_ANSWERERS, type VillageCheck } from '../../../../lib/contracts/exchange.ts';
import { useLocale, useT } from '../../app/i18n.ts';
import { ROUTES } from '../../app/routes.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { DataTable, type Column, queryState } from '../../ui/DataTable.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { errorMessage } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LabelledSelect } from '../../ui/LabelledSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useUrlFilters } from '../../ui/url-state.ts';
import { useAnswerVillageCheck, useVillageChecks } from './exchange-api.ts';
import { useExchangeText } from './exchange-text.ts';
import { ExchangeNav } from './exchange-ui.tsx';

/** "Minta desa cek" requests about the people of the user's villages: the operator answers them here. */
export function VillageChecksPage() {
  const xt = useExchangeText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const { values, setFilters } = useUrlFilters(['status'] as const);
  const status = values.status === 'open' || values.status === 'done' ? values.status : '';
  const checks = useVillageChecks(status);
  const [answering, setAnswering] = useState<VillageCheck | null>(null);
  const mayAnswer = VILLAGE_CHECK_ANSWERERS.includes(me.role);
  const mayOpenWorker = WORKER_READERS.includes(me.role);

  const columns: Column<VillageCheck>[] = [
    {
      key: 'person',
      header: xt('checks.col.person'),
      cell: (c) => (
        <Stack gap={0}>
          {mayOpenWorker && c.workerId ? (
            <Anchor component={Link} to={ROUTES.workerDetail(c.workerId)} size="sm" fw={600}>
              {c.fullName ?? c.nikMasked}
            </Anchor>
          ) : (
            <Text size="sm" fw={600}>
              {c.fullName ?? xt('recon.notRegistered')}
            </Text>
          )}
          <Text size="xs" c="dimmed" ff="monospace">
            {c.nikMasked} · {c.villageLabel}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'reason',
      header: xt('checks.col.reason'),
      cell: (c) => (
        <Stack gap={0}>
          <Text size="sm">{c.reason}</Text>
          {c.note && (
            <Text size="xs" c="dimmed">
              {c.note}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'requested',
      header: xt('checks.col.requested'),
      nowrap: true,
      cell: (c) => xt('checks.requestedBy', { date: formatDateTime(c.requestedAt, locale), by: c.requestedBy }),
    },
    {
      key: 'answer',
      header: xt('checks.col.answer'),
      cell: (c) =>
        c.status === 'done' ? (
          <Stack gap={0}>
            <Text size="sm">{c.answer}</Text>
            <Text size="xs" c="dimmed">
              {c.resolvedBy} · {c.resolvedAt ? formatDateTime(c.resolvedAt, locale) : ''}
            </Text>
          </Stack>
        ) : mayAnswer ? (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => setAnswering(c)}
            aria-label={`${xt('checks.answer')}: ${c.fullName ?? c.nikMasked}`}
          >
            {xt('checks.answer')}
          </Button>
        ) : (
          <Badge variant="light" color="gray">
            {xt('checks.status.open')}
          </Badge>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={xt('checks.title')} description={xt('checks.description')} />
      {EXCHANGE_USERS.includes(me.role) && <ExchangeNav />}
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="md">
          <LabelledSelect
            label={xt('checks.filter')}
            maw={280}
            data={[
              { value: '', label: xt('checks.status.all') },
              { value: 'open', label: xt('checks.status.open') },
              { value: 'done', label: xt('checks.status.done') },
            ]}
            value={status}
            onChange={(v) => setFilters({ status: v ?? '' })}
            allowDeselect={false}
          />
          <DataTable
            label={xt('checks.table')}
            columns={columns}
            rows={checks.data?.items}
            rowKey={(c) => c.id}
            {...queryState(checks)}
            minWidth={760}
            empty={
              <EmptyState
                icon={<IconChecklist size={26} stroke={1.5} />}
                title={xt('checks.empty')}
                body={xt('checks.description')}
              />
            }
          />
        </Stack>
      </Paper>
      <AnswerModal check={answering} onClose={() => setAnswering(null)} />
    </>
  );
}

function AnswerModal({ check, onClose }: { check: VillageCheck | null; onClose: () => void }) {
  const xt = useExchangeText();
  const t = useT();
  const answer = useAnswerVillageCheck();
  const [text, setText] = useState('');
  const close = () => {
    setText('');
    answer.reset();
    onClose();
  };
  const name = check ? (check.fullName ?? check.nikMasked) : '';
  return (
    <Modal opened={check !== null} onClose={close} title={xt('checks.answerLabel', { name })} centered>
      {check && (
        <Stack gap="sm">
          <Text size="sm">{check.reason}</Text>
          <Textarea
            label={xt('checks.col.answer')}
            description={xt('checks.answerHint')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
            error={answer.error ? errorMessage(answer.error, t) : undefined}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {xt('recon.cancel')}
            </Button>
            <Button
              disabled={text.trim() === ''}
              loading={answer.isPending}
              onClick={() =>
                answer.mutate(
                  { id: check.id, answer: text.trim() },
                  {
                    onSuccess: () => {
                      notifications.show({ color: 'teal', message: xt('checks.answered') });
                      close();
                    },
                  },
                )
              }
            >
              {xt('checks.answerSave')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
