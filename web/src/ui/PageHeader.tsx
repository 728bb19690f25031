import { Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useT } from '../app/i18n.ts';

type Props = {
  title: string;
  description?: ReactNode;
  /** Buttons on the right (stacked below the title on narrow screens). */
  actions?: ReactNode;
  /** Above the title: breadcrumbs or a back link. */
  above?: ReactNode;
};

/** The page's one h1, and the browser tab title "… · Lindung". */
export function PageHeader({ title, description, actions, above }: Props) {
  const t = useT();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);

  return (
    <Stack gap="xs" mb="lg">
      {above}
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Stack gap={4} style={{ flex: '1 1 20rem', minWidth: 0 }}>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
            {title}
          </Title>
          {description && (
            <Text c="dimmed" size="sm" maw="48rem">
              {description}
            </Text>
          )}
        </Stack>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </Stack>
  );
}
