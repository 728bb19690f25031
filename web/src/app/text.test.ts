// The one text style, checked: every web module keeps its words in exactly one `<module>-text.ts` built with
// moduleText(), with Indonesian and English holding the same keys and the same {placeholders}; no module key shadows
// a shell word; and no other file under web/src carries a dictionary of its own.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../lib/i18n/locale.ts';
import type { ModuleTextHook } from './module-text.ts';
import { SHELL_TEXT } from './shell-text.ts';

const WEB = join(import.meta.dirname, '..');
const MODULES = join(WEB, 'modules');
const modules = readdirSync(MODULES).filter((name) => statSync(join(MODULES, name)).isDirectory());

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

function expectComplete(name: string, dictionaries: Readonly<Record<string, Readonly<Record<string, string>>>>) {
  const idKeys = Object.keys(dictionaries.id ?? {}).sort();
  expect(idKeys.length, `${name}: no Indonesian words`).toBeGreaterThan(0);
  for (const locale of LOCALES) {
    const words = dictionaries[locale] ?? {};
    expect(Object.keys(words).sort(), `${name}: ${locale} keys differ from id`).toEqual(idKeys);
    for (const key of idKeys) {
      expect(words[key]?.trim(), `${name}: ${locale} ${key} is empty`).toBeTruthy();
      expect(placeholders(words[key]!), `${name}: ${locale} ${key} placeholders`).toEqual(
        placeholders(dictionaries.id![key]!),
      );
    }
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('one text style', () => {
  it('the shell has both languages with the same keys', () => {
    expectComplete('shell', SHELL_TEXT);
  });

  it.each(modules)('module %s keeps its words in <module>-text.ts, complete in both languages', async (module) => {
    const textFiles = readdirSync(join(MODULES, module)).filter((f) => /-text\.ts$|-i18n\.ts$/.test(f));
    expect(textFiles).toEqual([`${module}-text.ts`]);
    const exports = (await import(join(MODULES, module, `${module}-text.ts`))) as Record<string, unknown>;
    const hookName = `use${module[0]!.toUpperCase()}${module.slice(1)}Text`;
    const hook = exports[hookName] as ModuleTextHook<string> | undefined;
    expect(hook?.dictionaries, `${module}-text.ts exports ${hookName} = moduleText({ id, en })`).toBeDefined();
    expectComplete(module, hook!.dictionaries);
    const shadowed = Object.keys(hook!.dictionaries.id).filter((key) => Object.hasOwn(SHELL_TEXT.id, key));
    expect(shadowed, `${module} keys that shadow shell words`).toEqual([]);
  });

  it('only the <module>-text.ts files and the shell build dictionaries', () => {
    const allowed = new Set(['app/shell-text.ts', 'app/module-text.ts']);
    const offenders = sourceFiles(WEB)
      .map((path) => relative(WEB, path))
      .filter((path) => !allowed.has(path) && !/^modules\/([^/]+)\/\1-text\.ts$/.test(path))
      .filter((path) => /moduleText\(|^const (id|en)\b.*= \{/m.test(readFileSync(join(WEB, path), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
