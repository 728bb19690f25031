// Issue 14 §5: a worksheet's name in module code comes from the module's words file (lib/i18n/words.ts), never a
// bare literal, so an export can follow the reader's language and a file-format name is named and explained.
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { word, wordsIn } from '../../lib/i18n/words.ts';
import { AppError, errorBody, errorText } from '../platform/errors.ts';
import { bareWords, scanWords } from './words.js';

const root = join(import.meta.dirname, '..', '..');

describe('server display words', () => {
  it('finds no module code passing a bare string literal to addWorksheet( or as a template sheetName', () => {
    const found = scanWords(root).map((w) => `${w.file}:${w.line} | ${w.text}`);
    expect(found, 'put the sheet name in server/modules/<m>/<m>.words.ts and use word(w, locale)').toEqual([]);
  });

  it('sees a bare sheet name when fed one, in any quote, and not in a comment or through a words entry', () => {
    const source = [
      "const a = wb.addWorksheet('Peserta');",
      'const b = wb.addWorksheet( "Tagihan", { views: [] });',
      'const c = wb.addWorksheet(`Tren ${year}`);',
      "// wb.addWorksheet('Ringkasan') in a comment is prose",
      'const d = wb.addWorksheet(word(WORDS.sheet, locale));',
      "  sheetName: 'Pekerja',",
      '  sheetName: TEMPLATE_SHEET,',
    ].join('\n');
    expect(bareWords('server/modules/x/x.export.ts', source).map((w) => w.line)).toEqual([1, 2, 3, 6]);
    // A words file is where a file-format sheet name is defined; a worksheet literal is still refused there.
    expect(bareWords('server/modules/x/x.words.ts', source).map((w) => w.line)).toEqual([1, 2, 3]);
  });

  it('picks the words of a locale and fills placeholders', () => {
    const w = { id: 'Nonaktif dalam {days} hari', en: 'Lapses in {days} days' };
    expect(word(w, 'id', { days: 3 })).toBe('Nonaktif dalam 3 hari');
    expect(word(w, 'en', { days: 3 })).toBe('Lapses in 3 days');
    expect(wordsIn({ a: { id: 'Tagihan', en: 'Bills' } }, 'en')).toEqual({ a: 'Bills' });
  });

  it('turns an AppError into the same text for HTTP, the CLI and the runners', () => {
    const err = new AppError('NOT_FOUND', { entity: 'Tagihan' });
    const http = errorBody(err, 'id', 'req-1').error.message;
    expect(errorText(err, 'id', 'req-1')).toBe(http);
    expect(errorText(err, 'en')).not.toBe(errorText(err, 'id'));
    // The catalogue's {requestId} is filled outside a request too, never left as a placeholder.
    expect(errorText(new AppError('INTERNAL'), 'id')).not.toContain('{requestId}');
  });
});
