import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, auditActionWords } from '../../lib/i18n/audit-actions.ts';

const SERVER = fileURLToPath(new URL('..', import.meta.url));
const CODE = /'([a-z_]+(?:\.[a-z_]+)+)'/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * The action codes the server writes: the literals of every `action: …` (writeAudit entries, bulk loads' audit
 * option, conditional codes) and of every SQL `INSERT INTO audit_log` statement.
 */
function actionCodesInServer(): Map<string, string> {
  const codes = new Map<string, string>();
  for (const file of sourceFiles(SERVER)) {
    const text = readFileSync(file, 'utf8');
    const found = [
      ...[...text.matchAll(/\baction:\s*([^,\n}]+)/g)].map((m) => m[1]!),
      ...[...text.matchAll(/INSERT INTO audit_log[\s\S]{0,400}/g)].map((m) => m[0]),
    ];
    for (const chunk of found) for (const c of chunk.matchAll(CODE)) codes.set(c[1]!, relative(SERVER, file));
  }
  return codes;
}

describe('audit actions in words', () => {
  it('has a sentence for every action code the server writes', () => {
    const codes = actionCodesInServer();
    // The scan itself must see the codes it is meant to see (a broken pattern would pass with nothing found).
    expect(codes.get('auth.login')).toBe('modules/access/access.service.ts');
    expect(codes.get('worker.import_update')).toBe('modules/imports/imports.pipeline.ts');
    expect(codes.get('contribution_rule.seed')).toBe('modules/contributions/contributions.loader.ts');
    const missing = [...codes].filter(([code]) => !Object.hasOwn(AUDIT_ACTIONS, code)).map(([c, f]) => `${c} (${f})`);
    expect(missing).toEqual([]);
  });

  it('says each one in Indonesian and English, differently, as a sentence', () => {
    for (const [code, words] of Object.entries(AUDIT_ACTIONS)) {
      expect(words.id.length, code).toBeGreaterThan(5);
      expect(words.en.length, code).toBeGreaterThan(5);
      expect(words.id, code).not.toBe(words.en);
      expect(words.id, code).not.toContain(code);
    }
  });

  it('shows a code it does not know as it is', () => {
    expect(auditActionWords('auth.login', 'id')).toBe('Masuk ke Lindung');
    expect(auditActionWords('auth.login', 'en')).toBe('Signed in to Lindung');
    expect(auditActionWords('future.thing', 'id')).toBe('future.thing');
  });
});
