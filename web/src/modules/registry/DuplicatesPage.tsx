import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Pagination,
  Paper,
  Radio,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconGitMerge, IconInfoCircle, IconUserCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { WORKER_MERGERS } from '../../../../lib/access/roles.ts';
import {
  MERGE_FIELDS,
  type DuplicatePair,
  type MergeField,
  type MergeSide,
  type Worker,
} from '../../../../lib/contracts/workers.ts';
import { useLocale } from '../../app/i18n.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { ROUTES } from '../../app/routes.ts';
import { useCurrentUser } from '../../app/session.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert, errorMessage } from '../../ui/ErrorAlert.tsx';
import { formatNumber } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useUrlFilters } from '../../ui/url-state.ts';
import { DUPLICATES_PAGE_SIZE, useDismissDuplicate, useDuplicates, useMergeDuplicates } from './registry-api.ts';
import { fieldLabel, workerFieldValue } from './worker-fields.ts';
import { BackToWorkers } from './WorkerForm.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { useRegistryText } from './registry-text.ts';

type Side = 'a' | 'b';

/** `/pekerja/duplikat`: the probable duplicates in scope, one card per pair, with the merge or the dismissal. */
export function DuplicatesPage() {
  const t = useRegistryText();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const { page, setPage } = useUrlFilters([]);
  const pairs = useDuplicates(page);
  const mayDecide = WORKER_MERGERS.includes(me.role);

  const header = (
    <PageHeader
      title={t('duplicates.title')}
      description={t('duplicates.description', { region: me.regionLabel })}
      above={<BackToWorkers />}
    />
  );
  if (pairs.isPending) return <PageLoader />;
  if (pairs.isError) {
    return (
      <>
        {header}
        <ErrorAlert error={pairs.error} onRetry={() => void pairs.refetch()} />
      </>
    );
  }
  const { items, total } = pairs.data;
  const pages = Math.max(1, Math.ceil(total / DUPLICATES_PAGE_SIZE));
  return (
    <>
      {header}
      <Stack gap="md" maw={1100}>
        {!mayDecide && (
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
            {t('duplicates.readOnly')}
          </Alert>
        )}
        {items.length === 0 ? (
          <Paper withBorder radius="md">
            <EmptyState
              icon={<IconCopy size={26} stroke={1.5} />}
              title={t('duplicates.empty.title')}
              body={t('duplicates.empty.body')}
            />
          </Paper>
        ) : (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('duplicates.count', { total: formatNumber(total, locale) })}
            </Text>
            {items.map((pair) => (
              <PairCard key={`${pair.a.id}-${pair.b.id}`} pair={pair} mayDecide={mayDecide} />
            ))}
            {pages > 1 && (
              <nav aria-label={t('ui.pagination')}>
                <Pagination total={pages} value={page} onChange={setPage} siblings={1} boundaries={1} />
              </nav>
            )}
          </>
        )}
      </Stack>
    </>
  );
}

/** Values compared as the API gives them; life status and its date count as one field. */
const sameValue = (a: Worker, b: Worker, field: MergeField) =>
  JSON.stringify(field === 'lifeStatus' ? [a.lifeStatus, a.deathDate] : a[field]) ===
  JSON.stringify(field === 'lifeStatus' ? [b.lifeStatus, b.deathDate] : b[field]);

function PairCard({ pair, mayDecide }: { pair: DuplicatePair; mayDecide: boolean }) {
  const t = useRegistryText();
  const [locale] = useLocale();
  const merge = useMergeDuplicates();
  const dismiss = useDismissDuplicate();
  const [keep, setKeep] = useState<Side>('a');
  // Per differing field, whose value stays; by default the kept record's own.
  const [chosen, setChosen] = useState<Partial<Record<MergeField, Side>>>({});
  const [confirming, setConfirming] = useState(false);
  const workers = { a: pair.a, b: pair.b };
  const other: Side = keep === 'a' ? 'b' : 'a';
  const differing = MERGE_FIELDS.filter((f) => !sameValue(pair.a, pair.b, f));
  const sideOf = (field: MergeField): Side => chosen[field] ?? keep;
  const headingId = `pair-${pair.a.id}-${pair.b.id}`;

  const doMerge = () => {
    const fields = Object.fromEntries(
      differing.map((f) => [f, (sideOf(f) === keep ? 'keep' : 'merge') as MergeSide]),
    ) as Partial<Record<MergeField, MergeSide>>;
    merge.mutate(
      { keepId: workers[keep].id, mergeId: workers[other].id, fields },
      {
        onSuccess: (saved) => {
          setConfirming(false);
          notifications.show({ color: 'teal', message: t('duplicates.merged', { name: saved.fullName }) });
        },
      },
    );
  };

  const cell = (side: Side, field: MergeField) => {
    const text = workerFieldValue(workers[side], field, { t, locale });
    if (!mayDecide || !differing.includes(field)) return text;
    return (
      <Radio
        name={`${headingId}-${field}`}
        value={side}
        checked={sideOf(field) === side}
        onChange={() => setChosen((c) => ({ ...c, [field]: side }))}
        label={text}
        aria-label={`${fieldLabel(field, t)}: ${text}`}
      />
    );
  };

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={2} fz="h4" id={headingId}>
            {pair.a.fullName} · {pair.b.fullName}
          </Title>
          <Group gap={6}>
            {pair.reasons.map((r) => (
              <Badge key={r} variant="light" color="orange" tt="none">
                {r === 'NIK_ONE_DIGIT' && pair.nikDiffPosition !== null
                  ? t('duplicates.reason.NIK_ONE_DIGIT_AT', { digit: pair.nikDiffPosition })
                  : t(`duplicates.reason.${r}`)}
              </Badge>
            ))}
          </Group>
        </Group>
        <TableScroll label={t('duplicates.compare')} minWidth={640}>
          <Table verticalSpacing={6} aria-label={t('duplicates.compare')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w="22%">
                  {t('duplicates.field')}
                </Table.Th>
                {(['a', 'b'] as const).map((side) => (
                  <Table.Th scope="col" key={side}>
                    <Anchor component={Link} to={ROUTES.workerDetail(workers[side].id)} size="sm">
                      {t('workerDetail.mergedLink', { id: workers[side].id })}
                    </Anchor>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Td fw={600}>
                  {t('workerForm.nik')}
                  {mayDecide && (
                    <Text size="xs" c="dimmed">
                      {t('duplicates.keepHint')}
                    </Text>
                  )}
                </Table.Td>
                {(['a', 'b'] as const).map((side) => (
                  <Table.Td key={side} ff="monospace">
                    {mayDecide ? (
                      <Radio
                        name={`${headingId}-keep`}
                        value={side}
                        checked={keep === side}
                        onChange={() => {
                          setKeep(side);
                          setChosen({});
                        }}
                        label={`${workers[side].nikMasked} · ${t('duplicates.keepThis')}`}
                      />
                    ) : (
                      workers[side].nikMasked
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
              {MERGE_FIELDS.map((field) => {
                const differs = differing.includes(field);
                return (
                  <Table.Tr key={field} bg={differs ? 'var(--mantine-color-yellow-0)' : undefined}>
                    <Table.Td fw={600}>
                      <Group gap={6}>
                        {fieldLabel(field, t)}
                        {differs && (
                          <Badge size="xs" variant="outline" color="yellow" tt="none">
                            {t('duplicates.differs')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{cell('a', field)}</Table.Td>
                    <Table.Td>{cell('b', field)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
        {dismiss.error ? <ErrorAlert error={dismiss.error} /> : null}
        {mayDecide && (
          <Group justify="flex-end" gap="sm">
            <Button
              variant="default"
              leftSection={<IconUserCheck size={16} aria-hidden />}
              loading={dismiss.isPending}
              onClick={() =>
                dismiss.mutate(
                  { aId: pair.a.id, bId: pair.b.id },
                  { onSuccess: () => notifications.show({ color: 'teal', message: t('duplicates.dismissed') }) },
                )
              }
            >
              {t('duplicates.dismiss')}
            </Button>
            <Button leftSection={<IconGitMerge size={16} aria-hidden />} onClick={() => setConfirming(true)}>
              {t('duplicates.merge')}
            </Button>
          </Group>
        )}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('duplicates.confirmTitle')} centered>
        <Stack gap="md">
          <Text size="sm">
            {t('duplicates.confirmBody', {
              keep: `${workers[keep].fullName} (${workers[keep].nikMasked})`,
              other: `${workers[other].fullName} (${workers[other].nikMasked})`,
            })}
          </Text>
          {merge.error ? (
            <Text size="sm" c="red" role="alert">
              {errorMessage(merge.error, t)}
            </Text>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('app.cancel')}
            </Button>
            <Button loading={merge.isPending} onClick={doMerge}>
              {t('duplicates.confirmMerge')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
