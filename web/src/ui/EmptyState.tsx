import { Button, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconFilterOff, IconInbox, IconSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useT } from '../app/i18n.ts';

type Props = {
  title: string;
  /** What to do next, in one or two sentences. */
  body: string;
  icon?: ReactNode;
  action?: ReactNode;
};

export function EmptyState({ title, body, icon, action }: Props) {
  return (
    <Stack align="center" gap="xs" py="xl" px="md" ta="center" role="status">
      <ThemeIcon variant="light" color="gray" size={48} radius="xl" aria-hidden>
        {icon ?? <IconInbox size={26} stroke={1.5} />}
      </ThemeIcon>
      <Text fw={600}>{title}</Text>
      <Text c="dimmed" size="sm" maw="32rem">
        {body}
      </Text>
      {action}
    </Stack>
  );
}

/** A filtered list that found nothing: says so, with one button that clears the filters. */
export function NoMatchState({ title, body, onClear }: { title?: string; body: string; onClear: () => void }) {
  const t = useT();
  return (
    <EmptyState
      icon={<IconSearch size={26} stroke={1.5} />}
      title={title ?? t('ui.noMatch')}
      body={body}
      action={
        <Button variant="default" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={onClear}>
          {t('ui.clearFilters')}
        </Button>
      }
    />
  );
}
