import {
  AppShell,
  Badge,
  Box,
  Burger,
  Button,
  Group,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconArrowsExchange,
  IconAward,
  IconBuildingFactory2,
  IconBuildingSkyscraper,
  IconDeviceMobile,
  IconBellRinging,
  IconCalculator,
  IconCamera,
  IconCash,
  IconChartPie,
  IconChecklist,
  IconClipboardCheck,
  IconCoin,
  IconFileCheck,
  IconGavel,
  IconHistory,
  IconHome,
  IconId,
  IconLayoutDashboard,
  IconLogout,
  IconMap2,
  IconPercentage,
  IconReceipt,
  IconReportAnalytics,
  IconScale,
  IconServer,
  IconShieldCheck,
  IconShieldHeart,
  IconShieldLock,
  IconTrophy,
  IconUsers,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import { Suspense, useEffect, useRef } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { NAVIGATION, type NavKey } from '../../../lib/access/navigation.ts';
import { focusPageHeadingWhenShown } from './focus.ts';
import { Footer } from './Footer.tsx';
import { useT } from './i18n.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { PageLoader } from './PageLoader.tsx';
import { ROUTES } from './routes.ts';
import { useCurrentUser, useSignOut } from './session.tsx';

const NAV_ICONS: Readonly<Record<NavKey, Icon>> = {
  home: IconHome,
  workers: IconUsersGroup,
  proposals: IconFileCheck,
  lapseWarnings: IconBellRinging,
  villageChecks: IconClipboardCheck,
  claims: IconReceipt,
  programs: IconShieldCheck,
  verification: IconChecklist,
  exchange: IconArrowsExchange,
  billing: IconCash,
  coverage: IconChartPie,
  governance: IconGavel,
  paritrana: IconAward,
  reports: IconReportAnalytics,
  membership: IconId,
  snapshots: IconCamera,
  reconciliation: IconScale,
  leaderDashboard: IconLayoutDashboard,
  budget: IconCoin,
  assessment: IconClipboardCheck,
  ranking: IconTrophy,
  users: IconUsers,
  regions: IconMap2,
  contributionRules: IconPercentage,
  audit: IconHistory,
  security: IconShieldLock,
  system: IconServer,
  calculator: IconCalculator,
  employers: IconBuildingFactory2,
  employerCheck: IconBuildingSkyscraper,
  field: IconDeviceMobile,
  collection: IconMap2,
  devices: IconDeviceMobile,
};

/** Below this width (62em, so tablets in portrait too) the menu folds behind a burger and the page gets the width. */
const NAV_BREAKPOINT = 'md';

function isActive(pathname: string, path: string): boolean {
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
}

export function Brand({ compact = false }: { compact?: boolean }) {
  const t = useT();
  return (
    <UnstyledButton
      component={Link}
      to="/"
      aria-label={t('header.home')}
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    >
      <Group gap={8} wrap="nowrap">
        <IconShieldHeart size={26} stroke={1.8} color="var(--mantine-color-teal-6)" aria-hidden />
        {/* On a phone the shield alone names the app (the link keeps its name), so "Keluar" keeps its room. */}
        <Text fw={700} fz="lg" c="teal.8" visibleFrom={compact ? 'xs' : undefined}>
          {t('app.name')}
        </Text>
      </Group>
    </UnstyledButton>
  );
}

/** Who is signed in: name, then role and working region ("Admin · Kab. Bantul"). */
function UserBlock() {
  const t = useT();
  const me = useCurrentUser();
  return (
    <Stack gap={0} miw={0} maw={{ base: '100%', sm: 240, md: 360 }}>
      <Text size="sm" fw={600} truncate="end" data-testid="user-display-name">
        {me.displayName}
      </Text>
      <Text size="xs" c="dimmed" truncate="end">
        <span>{t(`role.${me.role}`)}</span> · <span>{me.regionLabel}</span>
      </Text>
    </Stack>
  );
}

export function AppLayout() {
  const t = useT();
  const me = useCurrentUser();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);

  // On a phone the menu closes after choosing a page.
  useEffect(() => close(), [pathname, close]);

  // After moving to another page (not on the first one: the browser starts at the top), focus its heading.
  const firstPath = useRef(pathname);
  useEffect(() => {
    if (pathname === firstPath.current) return;
    firstPath.current = '';
    return focusPageHeadingWhenShown();
  }, [pathname]);

  // The public calculator is useful to every role, so it closes every menu.
  const items = NAVIGATION[me.role].some((item) => item.key === 'calculator')
    ? NAVIGATION[me.role]
    : [...NAVIGATION[me.role], { key: 'calculator' as const, path: ROUTES.calculator }];

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 264, breakpoint: NAV_BREAKPOINT, collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'md', lg: 'lg' }}
    >
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px={{ base: 'sm', sm: 'md' }} justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom={NAV_BREAKPOINT}
              size="sm"
              aria-label={t('header.menu')}
              aria-expanded={opened}
              aria-controls="app-navbar"
            />
            <Brand compact />
          </Group>
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Box visibleFrom="sm" miw={0}>
              <UserBlock />
            </Box>
            <LanguageSwitch />
            <Button
              variant="default"
              size="sm"
              px={{ base: 'xs', xs: 'md' }}
              leftSection={<IconLogout size={16} aria-hidden />}
              loading={signOut.isPending}
              onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/masuk', { replace: true }) })}
            >
              {t('header.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar id="app-navbar" aria-label={t('nav.label')} p="sm" data-closed={!opened || undefined}>
        <AppShell.Section
          hiddenFrom="sm"
          pb="sm"
          mb="sm"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        >
          <Text size="xs" c="dimmed">
            {t('header.signedInAs')}
          </Text>
          <UserBlock />
        </AppShell.Section>
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2}>
            {items.map((item) => {
              const Icon = NAV_ICONS[item.key];
              const label = t(`nav.${item.key}`);
              if (!item.path) {
                return (
                  <NavLink
                    key={item.key}
                    component="div"
                    label={label}
                    title={t('nav.soonHint')}
                    disabled
                    leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
                    rightSection={
                      <Badge size="sm" variant="outline" color="gray" radius="sm" tt="none">
                        {t('nav.soon')}
                      </Badge>
                    }
                  />
                );
              }
              const active = isActive(pathname, item.path);
              return (
                <NavLink
                  key={item.key}
                  component={Link}
                  to={item.path}
                  label={label}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
                  fw={active ? 600 : undefined}
                />
              );
            })}
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1} style={{ display: 'flex', flexDirection: 'column' }}>
        <Box style={{ flex: 1 }} w="100%" maw={1280} mx="auto">
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Box>
        <Footer />
      </AppShell.Main>
    </AppShell>
  );
}
