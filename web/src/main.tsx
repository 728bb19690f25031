import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { MantineProvider } from '@mantine/core';
import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { ApiError, setUnauthorizedHandler } from './app/api.ts';
import { focusPageHeading } from './app/focus.ts';
import { I18nProvider } from './app/i18n.ts';
import { LocalisedDefaults } from './app/LocalisedDefaults.tsx';
import { router } from './app/router.tsx';
import { signOutLocally } from './app/session.tsx';
import { cssVariablesResolver, theme } from './app/theme.ts';
import { DatesLocale } from './ui/DatesLocale.tsx';

const queryClient = new QueryClient({
  // After a save (a mutation marked `meta: { saved: true }`), focus goes to the page's heading, as after navigation:
  // keyboard and screen-reader users continue from the top of the page that now shows the result. The short wait
  // lets a closing dialog hand focus back first, so the heading wins.
  mutationCache: new MutationCache({
    onSuccess: (_data, _variables, _context, mutation) => {
      if (mutation.meta?.saved === true) window.setTimeout(() => focusPageHeading(), 350);
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A refusal (4xx) will not change by asking again; a network hiccup might.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
});

// Any 401 (session expired, signed out elsewhere): forget the user's data; the route guard goes to /masuk.
let lastUnauthorized = 0;
setUnauthorizedHandler((error) => {
  const now = Date.now();
  if (now - lastUnauthorized < 1000) return;
  lastUnauthorized = now;
  signOutLocally(queryClient, error.message);
});

const root = document.getElementById('root');
if (!root) throw new Error('#root missing in index.html');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <I18nProvider>
        <DatesLocale>
          <LocalisedDefaults>
            <QueryClientProvider client={queryClient}>
              <RouterProvider router={router} />
            </QueryClientProvider>
          </LocalisedDefaults>
        </DatesLocale>
      </I18nProvider>
    </MantineProvider>
  </StrictMode>,
);
