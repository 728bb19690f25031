// Generated malformed spreadsheets for the fuzz tests (fast-check, fixed seeds): CSV text and bytes, and XLSX files
// broken at every level — the ZIP (bytes flipped, cut, entries duplicated), the XML of each part (cut, garbage
// inserted), and cells that are well-formed XML but make no sense (references beyond the sheet, shared-string indexes
// out of range, numbers that are not numbers, styles that do not exist).
import fc from 'fast-check';
import { deflatedPart, storedPart, workbookParts, zip } from './zip.ts';

export type MalformedFile = { kind: string; name: string; content: Buffer };

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

const csvPiece = fc.constantFrom(
  'NIK',
  'Nama',
  'Tgl Lahir',
  '3402081203850001',
  '3.40208E+15',
  'Siti Aminah',
  ';',
  ',',
  '\t',
  '"',
  '""',
  '\n',
  '\r\n',
  '\r',
  ' ',
  'é',
  '\u0000',
  '\uFEFF',
  '\uFFFD',
  '😀',
  '31-02-1990',
  '=SUM(A1)',
  '',
);

const validCsv = Buffer.from(
  'NIK;Nama;Tgl Lahir;JK\n3402081203850001;Siti;12-03-1985;P\n3402081203850002;"Budi; ""B"" ";01-01-1990;L\n',
);

/** Byte edits: insert, delete or overwrite a few bytes at positions chosen from the input's length. */
const edits = fc.array(
  fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    op: fc.constantFrom('insert', 'delete', 'overwrite', 'cut'),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
  { minLength: 1, maxLength: 6 },
);

function applyEdits(input: Buffer, list: { at: number; op: string; bytes: Uint8Array }[]): Buffer {
  let out = input;
  for (const edit of list) {
    const at = Math.min(out.length, Math.floor(edit.at * out.length));
    const bytes = Buffer.from(edit.bytes);
    if (edit.op === 'insert') out = Buffer.concat([out.subarray(0, at), bytes, out.subarray(at)]);
    else if (edit.op === 'delete') out = Buffer.concat([out.subarray(0, at), out.subarray(at + bytes.length)]);
    else if (edit.op === 'cut') out = out.subarray(0, at);
    else {
      out = Buffer.from(out);
      bytes.copy(out, at, 0, Math.max(0, Math.min(bytes.length, out.length - at)));
    }
  }
  return out;
}

export const malformedCsv: fc.Arbitrary<MalformedFile> = fc.oneof(
  fc
    .array(csvPiece, { maxLength: 60 })
    .map((pieces) => ({ kind: 'csv-text', name: 'pekerja.csv', content: Buffer.from(pieces.join('')) })),
  fc
    .array(csvPiece, { maxLength: 60 })
    .map((pieces) => ({ kind: 'csv-latin1', name: 'pekerja.csv', content: Buffer.from(pieces.join(''), 'latin1') })),
  fc.uint8Array({ maxLength: 400 }).map((b) => ({ kind: 'bytes', name: 'pekerja.csv', content: Buffer.from(b) })),
  edits.map((e) => ({ kind: 'csv-edited', name: 'pekerja.csv', content: applyEdits(validCsv, e) })),
);

const cellRef = fc.oneof(
  fc.constantFrom('A1', 'B2', 'A0', 'XFD1048576', 'ZZZZ1', 'A99999999', '1A', '', 'a1', 'AAA1'),
  fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 400 })).map(([c, r]) => {
    let n = c;
    let letters = '';
    while (n > 0) {
      letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
      n = Math.floor((n - 1) / 26);
    }
    return `${letters}${r}`;
  }),
);

const cellXml = fc
  .record({
    ref: cellRef,
    type: fc.constantFrom('s', 'n', 'str', 'inlineStr', 'b', 'e', 'd', '', 'x'),
    style: fc.constantFrom('', ' s="0"', ' s="7"', ' s="-1"', ' s="999999"'),
    value: fc.constantFrom('0', '1', '2', '99999', '-1', 'abc', '1e308', 'NaN', '', '3.4E+15', '2025-01-01', '#N/A'),
  })
  .map(({ ref, type, style, value }) =>
    type === 'inlineStr'
      ? `<c r="${ref}" t="inlineStr"${style}><is><t>${value}</t></is></c>`
      : `<c r="${ref}"${type === '' ? '' : ` t="${type}"`}${style}><v>${value}</v></c>`,
  );

const rowXml = fc
  .record({
    r: fc.constantFrom('1', '2', '3', '0', '-4', 'x', '1048577', ''),
    cells: fc.array(cellXml, { maxLength: 6 }),
  })
  .map(({ r, cells }) => `<row${r === '' ? '' : ` r="${r}"`}>${cells.join('')}</row>`);

const sharedStrings = fc
  .array(fc.constantFrom('NIK', 'Nama', 'Siti', '<b>', '&amp;', '&bogus;', '', ' '), { maxLength: 5 })
  .map(
    (texts) => `<sst xmlns="${NS}" count="${texts.length}">${texts.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`,
  );

const xmlGarbage = fc.constantFrom(
  '<',
  '>',
  '</row>',
  '<row>',
  '<c r="A1"><v>',
  ']]>',
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaa">]>',
  '&a;',
  '\u0000',
  '"',
  '<?xml version="1.0"?>',
);

const partNames = [
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/worksheets/sheet1.xml',
  'xl/sharedStrings.xml',
];

type PartEdit = { part: number; at: number; op: 'cut' | 'insert' | 'drop' | 'keep'; garbage: string };

function buildXlsx(parts: Record<string, string>, partEdit: PartEdit, stored: boolean): Buffer {
  const names = Object.keys(parts);
  const target = names[partEdit.part % names.length];
  const entries = names.flatMap((name) => {
    let text = parts[name] ?? '';
    if (name === target) {
      const at = Math.floor(partEdit.at * text.length);
      if (partEdit.op === 'drop') return [];
      if (partEdit.op === 'cut') text = text.slice(0, at);
      if (partEdit.op === 'insert') text = text.slice(0, at) + partEdit.garbage + text.slice(at);
    }
    return [stored ? storedPart(name, text) : deflatedPart(name, text)];
  });
  return zip(entries);
}

const partEdit: fc.Arbitrary<PartEdit> = fc.record({
  part: fc.nat({ max: partNames.length - 1 }),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  op: fc.constantFrom('cut', 'insert', 'drop', 'keep'),
  garbage: xmlGarbage,
});

const sheetOf = (rows: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${rows.join('')}</sheetData></worksheet>`;

export const malformedXlsx: fc.Arbitrary<MalformedFile> = fc.oneof(
  // Nonsense cells in well-formed XML, the parts intact or broken.
  fc
    .record({ rows: fc.array(rowXml, { maxLength: 8 }), sst: sharedStrings, edit: partEdit, stored: fc.boolean() })
    .map(({ rows, sst, edit, stored }) => ({
      kind: 'xlsx-xml',
      name: 'pekerja.xlsx',
      content: buildXlsx(workbookParts(sheetOf(rows), sst), edit, stored),
    })),
  // A sound workbook whose ZIP bytes are edited (flipped, cut, inserted).
  fc
    .record({ rows: fc.array(rowXml, { minLength: 1, maxLength: 4 }), sst: sharedStrings, e: edits })
    .map(({ rows, sst, e }) => ({
      kind: 'xlsx-zip',
      name: 'pekerja.xlsx',
      content: applyEdits(
        zip(Object.entries(workbookParts(sheetOf(rows), sst)).map(([n, t]) => deflatedPart(n, t))),
        e,
      ),
    })),
  // The same entry twice, or an entry with a name that escapes the archive.
  fc.constantFrom('xl/worksheets/sheet1.xml', '../../etc/x.xml', 'xl/sharedStrings.xml').map((name) => ({
    kind: 'xlsx-entries',
    name: 'pekerja.xlsx',
    content: zip([
      ...Object.entries(workbookParts(sheetOf(['<row r="1"><c r="A1"><v>1</v></c></row>']), '<sst/>')).map(([n, t]) =>
        deflatedPart(n, t),
      ),
      deflatedPart(name, '<x/>'),
    ]),
  })),
);

export const malformedFile: fc.Arbitrary<MalformedFile> = fc.oneof(malformedCsv, malformedXlsx);
