import { Anchor, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconClipboardCheck, IconHistory, IconMapPin, IconUserCircle, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { AUDIT_READERS, SECURITY_READERS, USER_MANAGERS } from '../../../lib/access/roles.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import type { QueryClient } from '@tanstack/react-query';
import type { Me } from '../../../lib/contracts/access.ts';
import { CoverageDashboard } from '../modules/coverage/CoverageDashboard.tsx';
import { prefetchCoverageDashboard } from '../modules/coverage/coverage-api.ts';
import { SecurityAlertBanner } from '../modules/access/SecurityAlertBanner.tsx';
import { ClaimsFiguresCard } from '../modules/claims/ClaimsFigures.tsx';
import { HomeTodoList } from './HomeTodo.tsx';
import { ProjectsStartingSoon } from '../modules/employers/ProjectsStartingSoon.tsx';
import { ElectionCountdown } from '../modules/cohorts/ElectionCountdown.tsx';
import { LeagueCard } from '../modules/governance/LeagueCard.tsx';
import { ROUTES } from './routes.ts';
import { useT } from './i18n.ts';
import { useCurrentUser } from './session.tsx';

/**
 * Each role's home: what waits for it first (the to-do list), then its dashboard (pimpinan, Disnaker, operator, a
 * province-scoped user) or a calm welcome; the asesor's page leads to the Paritrana ranking and self-assessments.
 */
export function HomePage() {
  const me = useCurrentUser();
  if (me.role === 'asesor') return <AssessorHome />;
  if (DASHBOARD_ROLES.includes(me.role)) return <RoleDashboard />;
  return <WelcomePage />;
}

const DASHBOARD_ROLES: readonly string[] = ['pimpinan', 'disnaker', 'operator'];

/** Right after sign-in: the dashboard's figures are asked for while the page itself is still being drawn. */
export function prefetchHomeData(queryClient: QueryClient, me: Me): void {
  if (DASHBOARD_ROLES.includes(me.role)) prefetchCoverageDashboard(queryClient, me.region === '*' ? null : me.region);
}

function RoleDashboard() {
  const t = useT();
  const me = useCurrentUser();
  const region = me.region === '*' ? null : me.region;
  const province = region !== null && /^\d{2}$/.test(region);
  const variant = province
    ? 'province'
    : me.role === 'pimpinan'
      ? 'pimpinan'
      : me.role === 'operator'
        ? 'operator'
        : 'disnaker';
  const title =
    me.role === 'pimpinan'
      ? t('home.title.pimpinan')
      : me.role === 'operator'
        ? t('home.title.operator')
        : t('home.title.disnaker');
  return (
    <Stack gap="lg">
      <PageHeader title={title} description={me.regionLabel} />
      <Text c="dimmed">{t('home.welcome', { name: me.displayName })}</Text>
      <HomeTodoList />
      {me.role === 'disnaker' && <ProjectsStartingSoon quiet />}
      {(me.role === 'disnaker' || me.role === 'pimpinan') && <ElectionCountdown />}
      <CoverageDashboard region={region} variant={variant} linkTo={(code) => `/cakupan?wilayah=${code}`} />
      {(me.role === 'disnaker' || me.role === 'pimpinan') && (
        <ClaimsFiguresCard region={region} regionLabel={me.regionLabel} />
      )}
      {(me.role === 'disnaker' || me.role === 'pimpinan') && <LeagueCard />}
    </Stack>
  );
}

function WelcomePage() {
  const t = useT();
  const me = useCurrentUser();
  const links = [
    ...(USER_MANAGERS.includes(me.role)
      ? [{ to: '/admin/users', label: t('nav.users'), body: t('home.usersLink'), icon: IconUsers }]
      : []),
    ...(AUDIT_READERS.includes(me.role)
      ? [{ to: '/admin/audit', label: t('nav.audit'), body: t('home.auditLink'), icon: IconHistory }]
      : []),
  ];

  return (
    <Stack gap="lg" maw={880}>
      <PageHeader title={t('home.title')} />
      {SECURITY_READERS.includes(me.role) && <SecurityAlertBanner />}
      <HomeTodoList />
      <Card withBorder radius="md" padding="xl" shadow="xs">
        <Stack gap="md">
          <Title order={2} size="h3">
            {t('home.welcome', { name: me.displayName })}
          </Title>
          <Text c="dimmed">{t('home.intro')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <ThemeIcon variant="light" size="lg" aria-hidden>
                <IconUserCircle size={20} />
              </ThemeIcon>
              <div>
                <Text size="xs" c="dimmed">
                  {t('home.role')}
                </Text>
                <Text fw={600}>{t(`role.${me.role}`)}</Text>
              </div>
            </Group>
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <ThemeIcon variant="light" size="lg" aria-hidden>
                <IconMapPin size={20} />
              </ThemeIcon>
              <div>
                <Text size="xs" c="dimmed">
                  {t('home.region')}
                </Text>
                <Text fw={600}>{me.regionLabel}</Text>
              </div>
            </Group>
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {t('home.soon')}
          </Text>
        </Stack>
      </Card>

      {links.length > 0 && (
        <section aria-labelledby="home-shortcuts">
          <Title order={2} size="h4" id="home-shortcuts" mb="sm">
            {t('home.quickLinks')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {links.map((l) => (
              <Card key={l.to} withBorder radius="md" padding="lg">
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <ThemeIcon variant="light" size="lg" aria-hidden>
                    <l.icon size={20} />
                  </ThemeIcon>
                  <div>
                    <Anchor component={Link} to={l.to} fw={600}>
                      {l.label}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {l.body}
                    </Text>
                  </div>
                </Group>
              </Card>
            ))}
          </SimpleGrid>
        </section>
      )}
    </Stack>
  );
}

/** The asesor's home: the way into the province's Paritrana scoring and ranking, and the self-assessments. */
function AssessorHome() {
  const t = useT();
  const me = useCurrentUser();
  return (
    <Stack gap="lg" maw={880}>
      <PageHeader title={t('assessor.title')} description={me.regionLabel} />
      <Text c="dimmed">{t('home.welcome', { name: me.displayName })}</Text>
      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm">
          <Group gap="sm">
            <ThemeIcon variant="light" size="lg">
              <IconClipboardCheck size={22} stroke={1.5} />
            </ThemeIcon>
            <Text>{t('assessor.intro')}</Text>
          </Group>
          <Anchor component={Link} to={ROUTES.paritranaProvince} fw={600}>
            {t('assessor.rankingLink')}
          </Anchor>
          <Anchor component={Link} to={ROUTES.paritrana}>
            {t('assessor.listLink')}
          </Anchor>
        </Stack>
      </Card>
    </Stack>
  );
}
