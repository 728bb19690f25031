import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Pages load when visited: a static import of a page would put its code (and its libraries) into what every visitor
// of the sign-in page downloads first. Only the sign-in page itself is in the first bundle.
const source = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'router.tsx'), 'utf8');

describe('router', () => {
  it('imports every page lazily except the sign-in page', () => {
    const staticPages = [...source.matchAll(/^import\s[^;]*?from\s+'([^']*Page\.tsx)';/gms)].map((m) => m[1]);
    expect(staticPages).toEqual(['../modules/access/SignInPage.tsx']);
    const lazyPages = [...source.matchAll(/lazy\(\(\) =>\s*import\('([^']+)'\)/g)].map((m) => m[1]);
    expect(lazyPages).toContain('./HomePage.tsx');
    expect(lazyPages.length).toBeGreaterThan(30);
  });
});
