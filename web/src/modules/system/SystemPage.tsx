import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconApi, IconExternalLink, IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useLocale } from '../../app/i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RegionStatsCards } from '../regions/RegionsPage.tsx';
import { useSystemText } from './system-text.ts';

type Health = { status: 'ok'; db: 'ok' };

function StatusLine({ label, ok }: { label: string; ok: boolean }) {
  const t = useSystemText();
  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm">{label}</Text>
      <Badge variant="dot" color={ok ? 'teal' : 'red'} tt="none" size="md">
        {ok ? t('system.ok') : t('system.down')}
      </Badge>
    </Group>
  );
}

export function SystemPage() {
  const t = useSystemText();
  const [locale] = useLocale();
  const health = useQuery({
    queryKey: ['system', 'health'],
    queryFn: ({ signal }) => api<Health>('/api/health', { signal }),
    retry: false,
    staleTime: 0,
  });

  return (
    <>
      <PageHeader title={t('system.title')} description={t('system.description')} />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Card withBorder radius="md" padding="lg">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('system.health')}
              </Title>
              {health.isError ? (
                <ErrorAlert error={health.error} />
              ) : (
                <>
                  <StatusLine label={t('system.service')} ok={health.isSuccess} />
                  <StatusLine label={t('system.database')} ok={health.data?.db === 'ok'} />
                </>
              )}
              <Group justify="space-between" gap="sm" mt="xs">
                <Text size="xs" c="dimmed" aria-live="polite">
                  {health.dataUpdatedAt || health.errorUpdatedAt
                    ? t('system.checkedAt', {
                        time: formatDateTime(Math.max(health.dataUpdatedAt, health.errorUpdatedAt), locale),
                      })
                    : t('app.loading')}
                </Text>
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconRefresh size={14} aria-hidden />}
                  loading={health.isFetching}
                  onClick={() => void health.refetch()}
                >
                  {t('system.check')}
                </Button>
              </Group>
            </Stack>
          </Card>
          <Card withBorder radius="md" padding="lg">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('system.apiDocs')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('system.apiDocsBody')}
              </Text>
              <Group gap="sm">
                <Button component="a" href="/api/docs" leftSection={<IconApi size={16} aria-hidden />}>
                  {t('system.openDocs')}
                </Button>
                <Anchor href="/api/openapi.json" size="sm">
                  <Group gap={4} component="span">
                    {t('system.openapi')}
                    <IconExternalLink size={14} aria-hidden />
                  </Group>
                </Anchor>
              </Group>
            </Stack>
          </Card>
        </SimpleGrid>

        <section aria-labelledby="system-regions">
          <Title order={2} size="h4" id="system-regions" mb="sm">
            {t('system.regions')}
          </Title>
          <RegionStatsCards />
        </section>
      </Stack>
    </>
  );
}
