// Finds display words written straight into module code where the words convention (lib/i18n/words.ts) wants an
// entry of the module's `<module>.words.ts`: a bare string literal as a worksheet's name, or as an upload template's
// sheet name outside a words file. Used by words.test.ts; kept apart so the test can feed it made-up lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { moduleSourceFiles, stripComments } from './ownership.js';

export interface BareWord {
  file: string;
  line: number;
  text: string;
}

/** `addWorksheet('Peserta')`, `addWorksheet("…")`, `addWorksheet(`…`)`: a literal as the first argument. */
const WORKSHEET_LITERAL = /\baddWorksheet\(\s*['"`]/g;
/** `sheetName: 'Pekerja'` in an upload template: the name belongs in the words file as a named constant. */
const SHEET_NAME_LITERAL = /\bsheetName:\s*['"`]/g;

export function bareWords(file: string, source: string): BareWord[] {
  const code = stripComments(source);
  const lines = source.split('\n');
  const patterns = file.endsWith('.words.ts') ? [WORKSHEET_LITERAL] : [WORKSHEET_LITERAL, SHEET_NAME_LITERAL];
  const found: BareWord[] = [];
  for (const pattern of patterns) {
    for (const m of code.matchAll(pattern)) {
      const line = code.slice(0, m.index).split('\n').length;
      found.push({ file, line, text: (lines[line - 1] ?? '').trim() });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

/** Every bare sheet word in the module code of the checkout at `root`. */
export function scanWords(root: string): BareWord[] {
  return moduleSourceFiles(root).flatMap(({ file }) => bareWords(file, readFileSync(join(root, file), 'utf8')));
}
