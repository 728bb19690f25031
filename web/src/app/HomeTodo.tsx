import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { HomeTodo as Todo, TodoKey } from '../../../lib/contracts/home.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { formatDate, formatNumber } from '../ui/format.ts';
import { api } from './api.ts';
import { ROUTES } from './routes.ts';
import { useCurrentUser } from './session.tsx';
import { useLocale, useT, type ShellKey } from './i18n.ts';

/** Where each piece of work is done. */
const TODO_PATH: Readonly<Record<TodoKey, string>> = {
  proposalsToVerify: ROUTES.verification,
  enrollmentsToSend: ROUTES.verification,
  batchesWaiting: `${ROUTES.exchange}?state=waiting`,
  proposalsWaiting: ROUTES.proposals,
  proposalsRejected: ROUTES.proposals,
  lapseWarnings: ROUTES.lapseWarnings,
  snapshotDue: ROUTES.exchangeSnapshots,
  lockedUsers: ROUTES.users,
  failedImports: ROUTES.imports,
  failedReports: ROUTES.reports,
};

export function useHomeTodo() {
  // Work done elsewhere a moment ago must not still show as waiting: asked again whenever home opens.
  return useQuery({
    queryKey: ['home', 'todo'],
    queryFn: ({ signal }) => api<Todo>('/api/home/todo', { signal }),
    refetchOnMount: 'always',
  });
}

/** "Yang menunggu Anda": the role's open work in its region, each with its count and the page that does it. */
export function HomeTodoList() {
  const st = useT();
  const me = useCurrentUser();
  const [locale] = useLocale();
  const todo = useHomeTodo();

  if (todo.isPending) return null;
  const heading = (
    <Title order={2} size="h4" id="home-todo">
      {st('todo.title')}
    </Title>
  );
  if (todo.isError) {
    return (
      <Stack component="section" aria-labelledby="home-todo" gap="sm">
        {heading}
        <ErrorAlert error={todo.error} onRetry={() => void todo.refetch()} />
      </Stack>
    );
  }
  const items = todo.data.items;
  if (items.length === 0) return null;
  const open = items.filter((i) => i.count > 0).length;

  // BPJS answers the batches the others wait for: its words say so.
  const textKey = (key: TodoKey): ShellKey =>
    key === 'batchesWaiting' && me.role === 'bpjs' ? 'todo.batchesWaiting.bpjs' : `todo.${key}`;

  return (
    <Stack component="section" aria-labelledby="home-todo" gap="sm">
      {heading}
      {open === 0 && (
        <Text c="dimmed" size="sm" role="status">
          {st('todo.allClear')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {items.map((item) => {
          const open = item.count > 0;
          const snapshotDate = formatDate(todo.data.lastSnapshot, locale);
          // The snapshot is a yes/no duty: once this month's is in, the card says so instead of a count.
          const title = item.key === 'snapshotDue' && !open ? st('todo.snapshotDue.done') : st(textKey(item.key));
          const body =
            item.key === 'snapshotDue'
              ? open
                ? `${st('todo.snapshotDue.body')} ${
                    todo.data.lastSnapshot === null
                      ? st('todo.snapshotDue.never')
                      : st('todo.snapshotDue.last', { date: snapshotDate })
                  }`
                : st('todo.snapshotDue.done.body', { date: snapshotDate })
              : open
                ? st(`${textKey(item.key)}.body` as ShellKey)
                : st('todo.none');
          const figure = item.key === 'snapshotDue' ? (open ? '!' : '✓') : formatNumber(item.count, locale);
          return (
            <Card key={item.key} withBorder radius="md" padding="md" data-testid={`todo-${item.key}`}>
              <Group gap="md" wrap="nowrap" align="flex-start">
                <Text
                  fz={28}
                  fw={700}
                  lh={1.1}
                  miw={40}
                  c={open ? 'teal.8' : 'dimmed'}
                  aria-hidden
                  data-testid={`todo-${item.key}-count`}
                >
                  {figure}
                </Text>
                <Stack gap={4} miw={0}>
                  <Anchor component={Link} to={TODO_PATH[item.key]} fw={600}>
                    {title}
                    {item.key !== 'snapshotDue' && (
                      <VisuallyHidden component="span">
                        {': '}
                        {open ? formatNumber(item.count, locale) : st('todo.none')}
                      </VisuallyHidden>
                    )}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {body}
                  </Text>
                </Stack>
              </Group>
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
