import { Center, Group, Loader, Text } from '@mantine/core';
import { useT } from './i18n.ts';

export function PageLoader({ fullHeight = false }: { fullHeight?: boolean }) {
  const t = useT();
  return (
    <Center py="xl" mih={fullHeight ? '100dvh' : undefined} role="status">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text size="sm">{t('app.loading')}</Text>
      </Group>
    </Center>
  );
}
