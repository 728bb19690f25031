import { Box, Button, Group } from '@mantine/core';
import { IconLogin } from '@tabler/icons-react';
import { Suspense } from 'react';
import { Link, Outlet } from 'react-router-dom';
import { AppLayout, Brand } from './AppLayout.tsx';
import { Footer } from './Footer.tsx';
import { useT } from './i18n.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { PageLoader } from './PageLoader.tsx';
import { ROUTES } from './routes.ts';
import { LocaleSync, MeProvider, useMe } from './session.tsx';

/**
 * Pages anyone may open (the contribution calculator): inside the usual layout with its menu when signed in,
 * otherwise under a small public header with the language switch and a way to sign in.
 */
export function PublicOrSignedIn() {
  const me = useMe();
  if (me.isPending) return <PageLoader fullHeight />;
  if (me.data) {
    return (
      <MeProvider me={me.data}>
        <LocaleSync me={me.data} />
        <AppLayout />
      </MeProvider>
    );
  }
  // Not signed in, or the session check failed: a public page still works (its data needs no sign-in).
  return <PublicLayout />;
}

function PublicLayout() {
  const t = useT();
  return (
    <Box mih="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Box
        component="header"
        px={{ base: 'sm', sm: 'md' }}
        py="sm"
        bg="white"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group justify="space-between" maw={1280} mx="auto" wrap="nowrap" gap="sm">
          <Brand />
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <Button
              component={Link}
              to={ROUTES.signIn}
              variant="default"
              size="sm"
              leftSection={<IconLogin size={16} aria-hidden />}
            >
              {t('public.signIn')}
            </Button>
          </Group>
        </Group>
      </Box>
      <Box
        component="main"
        id="main"
        tabIndex={-1}
        style={{ flex: 1 }}
        w="100%"
        maw={1280}
        mx="auto"
        px={{ base: 'sm', sm: 'md', lg: 'lg' }}
        py={{ base: 'md', sm: 'lg' }}
      >
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </Box>
      <Box bg="white">
        <Footer />
      </Box>
    </Box>
  );
}
