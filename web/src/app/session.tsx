// Who is signed in. The server is the source of truth (GET /api/me); the UI keeps it in the TanStack Query cache
// under ['me'] (null = not signed in) so that sign-in, sign-out and an expired session are one cache write each.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { Me } from '../../../lib/contracts/access.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { api, ApiError } from './api.ts';
import { storedLocale, useLocale } from './i18n.ts';

export const ME_KEY = ['me'] as const;

async function fetchMe(signal: AbortSignal): Promise<Me | null> {
  try {
    return await api<Me>('/api/me', { signal, signOutOn401: false });
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: ({ signal }) => fetchMe(signal), staleTime: Infinity });
}

// Why the last session ended (the server's own words), shown once on the sign-in page.
let sessionEndedMessage: string | null = null;

export function takeSessionEndedMessage(): string | null {
  const message = sessionEndedMessage;
  sessionEndedMessage = null;
  return message;
}

// Whether the last session ended because the person pressed "Keluar": then the sign-in page does not remember the
// page they were on (the next person starts at home); an expired session does remember it.
let leftByChoice = false;

export function signedOutByChoice(): boolean {
  return leftByChoice;
}

/** Forgets everything the signed-in user could see; the route guard then sends them to /masuk. */
export function signOutLocally(queryClient: QueryClient, reason?: string): void {
  if (reason) sessionEndedMessage = reason;
  void queryClient.cancelQueries();
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  queryClient.setQueryData(ME_KEY, null);
}

/**
 * The home page's code (the dashboard) travels while the visitor types and the password is checked, so a slow link
 * waits once, not twice. Called on typing in the sign-in form and on sending it, never by merely opening the public
 * sign-in page.
 */
export function prefetchHome(): void {
  void import('./HomePage.tsx').catch(() => undefined);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) =>
      api<Me & { csrfToken: string }>('/api/auth/login', { method: 'POST', body: input, signOutOn401: false }),
    onMutate: prefetchHome,
    onSuccess: ({ csrfToken: _csrf, ...me }) => {
      sessionEndedMessage = null;
      leftByChoice = false;
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      queryClient.setQueryData<Me | null>(ME_KEY, me);
    },
  });
}

/** After sign-in, when the home page comes next: its figures are asked for at once, beside the page's code. */
export function prefetchHomeData(queryClient: QueryClient, me: Me): void {
  void import('./HomePage.tsx').then(
    (m) => m.prefetchHomeData(queryClient, me),
    () => undefined,
  );
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ ok: true }>('/api/auth/logout', { method: 'POST', signOutOn401: false }),
    // Signed out in the UI whatever the server answered: the person asked to leave.
    onSettled: () => {
      leftByChoice = true;
      signOutLocally(queryClient);
    },
  });
}

export function useSavePreferredLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => api<Me>('/api/me/preferences', { method: 'PATCH', body: { locale } }),
    onSuccess: (me) => {
      queryClient.setQueryData<Me | null>(ME_KEY, me);
      // Region labels such as "Seluruh Indonesia" come localised from the server.
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    },
  });
}

const MeContext = createContext<Me | null>(null);

export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

/** The signed-in user; only inside the private routes (RequireAuth). */
export function useCurrentUser(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useCurrentUser() outside a signed-in route');
  return me;
}

/**
 * Keeps the UI language and the account's language in step once per sign-in: an explicit choice on this browser
 * (localStorage) wins and is saved to the account so server messages follow it; without one, the account's
 * language is used.
 */
export function LocaleSync({ me }: { me: Me }) {
  const [locale, setLocale] = useLocale();
  const save = useSavePreferredLocale();
  const synced = useRef<string | null>(null);

  useEffect(() => {
    if (synced.current === me.username) return;
    synced.current = me.username;
    const chosen = storedLocale();
    if (!chosen) {
      if (me.locale !== locale) setLocale(me.locale, { remember: false });
    } else if (chosen !== me.locale) {
      save.mutate(chosen);
    }
  }, [me.username, me.locale, locale, setLocale, save]);

  return null;
}
