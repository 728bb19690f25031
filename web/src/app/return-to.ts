// The page someone asked for before signing in travels in the sign-in page's URL (`/masuk?kembali=/pekerja/…`), so
// it survives a reload of the sign-in page and the person lands where the link pointed once signed in.
import { ROUTES } from './routes.ts';

const PARAM = 'kembali';

/** The sign-in page's URL remembering `location` (home needs no reminder). */
export function signInPathFor(location: { pathname: string; search: string; hash: string }): string {
  const target = `${location.pathname}${location.search}${location.hash}`;
  if (target === ROUTES.home || location.pathname === ROUTES.signIn) return ROUTES.signIn;
  return `${ROUTES.signIn}?${new URLSearchParams({ [PARAM]: target }).toString()}`;
}

/**
 * Where to go after signing in: the remembered page when it is a path of this app (never another site: `//host`
 * or `/\host` would leave it), else home.
 */
export function returnPathFrom(search: string): string {
  const target = new URLSearchParams(search).get(PARAM);
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return ROUTES.home;
  if (target === ROUTES.signIn || target.startsWith(`${ROUTES.signIn}?`)) return ROUTES.home;
  return target;
}
