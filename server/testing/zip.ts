// A minimal ZIP writer for tests: hand-made XLSX files (malformed on purpose for the fuzz tests) and decompression
// bombs, whose content is never held in memory: a run of one repeated chunk deflates to ~1/1000 of its size, and
// independently deflated pieces (each ended by a sync flush) concatenate into one valid deflate stream.
import { crc32, deflateRawSync, constants } from 'node:zlib';

export type ZipPart = {
  name: string;
  /** The deflated bytes (or the stored bytes when `stored`). */
  data: Buffer;
  crc: number;
  size: number;
  stored?: boolean;
  /** The uncompressed size written into the headers, when it should lie. */
  declaredSize?: number;
};

export function deflatedPart(name: string, content: string | Buffer): ZipPart {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, data: deflateRawSync(bytes), crc: crc32(bytes), size: bytes.length };
}

export function storedPart(name: string, content: string | Buffer): ZipPart {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, data: bytes, crc: crc32(bytes), size: bytes.length, stored: true };
}

/** `head`, then `chunk` repeated `times`, then `tail`, deflated without ever building the whole text. */
export function repeatedPart(name: string, head: string, chunk: Buffer, times: number, tail: string): ZipPart {
  const sync = { finishFlush: constants.Z_SYNC_FLUSH };
  const headBytes = Buffer.from(head);
  const tailBytes = Buffer.from(tail);
  const pieces = [deflateRawSync(headBytes, sync)];
  const body = deflateRawSync(chunk, sync);
  for (let i = 0; i < times; i += 1) pieces.push(body);
  pieces.push(deflateRawSync(tailBytes));
  let crc = crc32(headBytes);
  for (let i = 0; i < times; i += 1) crc = crc32(chunk, crc);
  crc = crc32(tailBytes, crc);
  return {
    name,
    data: Buffer.concat(pieces),
    crc,
    size: headBytes.length + chunk.length * times + tailBytes.length,
  };
}

export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const method = part.stored ? 0 : 8;
    const size = part.declaredSize ?? part.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, part.data);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt16LE(0, 12);
    entry.writeUInt16LE(0x21, 14);
    entry.writeUInt32LE(part.crc >>> 0, 16);
    entry.writeUInt32LE(part.data.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += 30 + name.length + part.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The XML parts of a one-sheet workbook, for tests that write (or break) an XLSX by hand. */
export function workbookParts(sheetXml: string, sharedStringsXml?: string): Record<string, string> {
  return {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      (sharedStringsXml === undefined
        ? ''
        : '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>') +
      '</Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}">` +
      '<sheets><sheet name="Pekerja" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      (sharedStringsXml === undefined
        ? ''
        : `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`) +
      '</Relationships>',
    ...(sharedStringsXml === undefined ? {} : { 'xl/sharedStrings.xml': sharedStringsXml }),
    'xl/worksheets/sheet1.xml': sheetXml,
  };
}

export function sheetXml(rows: string[][]): string {
  const body = rows
    .map(
      (cells, r) =>
        `<row r="${r + 1}">${cells
          .map((v, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="inlineStr"><is><t>${v}</t></is></c>`)
          .join('')}</row>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${body}</sheetData></worksheet>`;
}

/** The deflated table of each bomb size: its checksum walks the whole unpacked size, so it is made once. */
const bombStrings = new Map<number, ZipPart>();

/**
 * A workbook whose shared-strings table unpacks to `gib` GiB (one repeated character) while the file stays around a
 * megabyte per GiB. `lie`: the ZIP declares the table as 1 KiB, so only counting the inflated bytes can tell.
 */
export function sharedStringsBomb(options: { gib?: number; lie?: boolean } = {}): Buffer {
  const chunk = Buffer.alloc(1 << 20, 'A');
  const times = Math.round((options.gib ?? 1.1) * 1024);
  const sheet =
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>` +
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>0</v></c></row>' +
    '<row r="2"><c r="A1" t="s"><v>0</v></c><c r="B2" t="s"><v>0</v></c></row></sheetData></worksheet>';
  const parts = workbookParts(sheet, '');
  let deflated = bombStrings.get(times);
  if (!deflated) {
    deflated = repeatedPart(
      'xl/sharedStrings.xml',
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="1" uniqueCount="1"><si><t>`,
      chunk,
      times,
      '</t></si></sst>',
    );
    bombStrings.set(times, deflated);
  }
  const strings = options.lie ? { ...deflated, declaredSize: 1024 } : deflated;
  return zip(
    Object.entries(parts).map(([name, content]) =>
      name === 'xl/sharedStrings.xml' ? strings : deflatedPart(name, content),
    ),
  );
}
