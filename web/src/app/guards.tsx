import { Button, Container, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router-dom';
import type { Role } from '../../../lib/access/roles.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { AppLayout } from './AppLayout.tsx';
import { useT } from './i18n.ts';
import { PageLoader } from './PageLoader.tsx';
import { returnPathFrom, signInPathFor } from './return-to.ts';
import { LocaleSync, MeProvider, signedOutByChoice, useCurrentUser, useMe } from './session.tsx';

/**
 * Private routes: unknown visitors go to /masuk, which remembers the page they asked for; an expired session (any
 * 401) ends here too, and signing in again returns to the same page.
 */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoader fullHeight />;
  if (me.isError && me.data === undefined) {
    return (
      <Container size="sm" py="xl">
        <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
      </Container>
    );
  }
  if (!me.data) return <Navigate to={signedOutByChoice() ? '/masuk' : signInPathFor(location)} replace />;
  return (
    <MeProvider me={me.data}>
      <LocaleSync me={me.data} />
      <AppLayout />
    </MeProvider>
  );
}

/**
 * The sign-in page is for visitors only: a signed-in user goes on to the page the sign-in page remembers. The form
 * shows while the session is being checked (most who open /masuk are not signed in; on a slow link the check is one
 * more round trip before anything could be typed); a signed-in user is sent on as soon as the answer arrives.
 */
export function PublicOnly({ children }: { children: ReactNode }) {
  const me = useMe();
  const { search } = useLocation();
  if (me.data) return <Navigate to={returnPathFrom(search)} replace />;
  return <>{children}</>;
}

/** Pages of some roles only; others see why, not a blank page (the server refuses them anyway). */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const me = useCurrentUser();
  if (roles.includes(me.role)) return <Outlet />;
  return <Forbidden />;
}

function Forbidden() {
  const t = useT();
  return (
    <Stack>
      <PageHeader title={t('app.forbidden.title')} />
      <Text>{t('app.forbidden.body')}</Text>
      <Button component={Link} to="/" variant="default" w="fit-content">
        {t('app.notFound.home')}
      </Button>
    </Stack>
  );
}

export function NotFoundPage() {
  const t = useT();
  return (
    <Stack>
      <PageHeader title={t('app.notFound.title')} />
      <Title order={2} size="h4" fw={400}>
        {t('app.notFound.body')}
      </Title>
      <Button component={Link} to="/" variant="default" w="fit-content">
        {t('app.notFound.home')}
      </Button>
    </Stack>
  );
}
