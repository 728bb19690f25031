import { Box, Group, Text, Tooltip } from '@mantine/core';
import type { User } from '../../../../lib/contracts/access.ts';
import { useAccessText } from './access-text.ts';

function Status({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={6} wrap="nowrap" component="span" display="inline-flex">
      <Box component="span" w={8} h={8} bg={color} style={{ borderRadius: '50%', flex: 'none' }} aria-hidden />
      <Text span size="sm" fw={500}>
        {label}
      </Text>
    </Group>
  );
}

/** Aktif / Nonaktif / Terkunci: the word carries the meaning, the dot colour only helps. */
export function UserStatusBadge({
  user,
  lockedTitle,
}: {
  user: Pick<User, 'active' | 'lockedUntil'>;
  lockedTitle?: string;
}) {
  const t = useAccessText();
  if (!user.active) return <Status color="gray.5" label={t('users.status.inactive')} />;
  if (user.lockedUntil) {
    const status = <Status color="orange.7" label={t('users.status.locked')} />;
    return lockedTitle ? (
      <Tooltip label={lockedTitle}>
        <span>{status}</span>
      </Tooltip>
    ) : (
      status
    );
  }
  return <Status color="teal.6" label={t('users.status.active')} />;
}
