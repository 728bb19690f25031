// An XLSX is a ZIP: a few megabytes can unpack to gigabytes ("decompression bomb"). Before exceljs sees a file, this
// guard reads the ZIP's directory and inflates every entry once, counting the bytes that really come out (the sizes
// a ZIP declares are not trusted), and counts the shared-strings table, all with flat memory. exceljs then reads the
// same bytes: the entries must lie back to back from the file's start to its directory, so its sequential reader
// cannot meet data the directory does not list.
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { TabularError } from './tabular-error.ts';
import { formatBytes, type FileLimits } from './upload-limits.ts';

type ZipSource = { path: string } | { buffer: Buffer };

const RATIO_FROM_BYTES = 1024 * 1024;
/** A data descriptor (after an entry's data when its sizes were not known up front): 12–24 bytes. */
const DESCRIPTOR_MAX = 24;
const SHARED_STRINGS = /^xl\/sharedStrings\.xml$/i;
// The worksheet parts exceljs reads (its own pattern, case and all).
const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

/**
 * What the guard counted, for the reader to check its own reading against: whether the file has a shared-strings
 * part, and how many `<row>` elements each worksheet part holds (keyed by its path, lower case).
 */
export type XlsxInventory = { sharedStrings: boolean; rows: Map<string, number> };

class Damaged extends Error {}

function openZip(source: ZipSource): Promise<yauzl.ZipFile> {
  const options = { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false };
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, zip?: yauzl.ZipFile) => (err || !zip ? reject(err) : resolve(zip));
    if ('path' in source) yauzl.open(source.path, options, done);
    else yauzl.fromBuffer(source.buffer, options, done);
  });
}

function readEntries(zip: yauzl.ZipFile, max: number, tooMany: () => Error): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      if (entries.length > max) reject(tooMany());
      else zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/**
 * Counts elements named `tag` (with or without a namespace prefix) across chunk borders: `[<:]tag` followed by a
 * space, `>` or `/`, so `<si>` is counted and `<sheet>` is not, `<row>` is and `<rowBreaks>` is not.
 */
function tagCounter(tag: string, onCount: (n: number) => void) {
  let tail = '';
  let count = 0;
  const keep = tag.length + 1;
  return (chunk: Buffer) => {
    const text = tail + chunk.toString('latin1');
    const re = new RegExp(`[<:]${tag}[\\s>/]`, 'g');
    while (re.exec(text) !== null) count += 1;
    // The last characters carry a tag cut by the chunk border; a match is one longer than they are, so never fits
    // in them twice.
    tail = text.slice(-keep);
    onCount(count);
  };
}

/**
 * Refuses, with the limit's own error, a ZIP that has too many entries, unpacks (declared or actually) to more than
 * `limits.unpackedBytes`, packs an entry more tightly than `limits.compressionRatio`, or holds more shared strings
 * than `limits.sharedStrings`; a ZIP whose layout is inconsistent is FILE_UNREADABLE.
 */
export async function inspectXlsx(source: ZipSource, fileName: string, limits: FileLimits): Promise<XlsxInventory> {
  const unpacked = () =>
    new TabularError('FILE_UNPACKED_TOO_LARGE', { fileName, limit: formatBytes(limits.unpackedBytes) });
  const tooMany = () => new TabularError('FILE_TOO_MANY_PARTS', { fileName, limit: String(limits.entries) });
  const damaged = (reasonId: string, reasonEn: string, cause?: unknown) =>
    new TabularError('FILE_UNREADABLE', { fileName, reasonId, reasonEn }, {}, cause);

  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(source);
  } catch (err) {
    throw damaged('daftar isi ZIP dari berkas XLSX rusak', 'the ZIP directory of the XLSX file is damaged', err);
  }
  try {
    if (zip.entryCount > limits.entries) throw tooMany();
    // Where the directory starts: the cursor before the first entry is read.
    const directoryStart = (zip as unknown as { readEntryCursor: number }).readEntryCursor;
    const entries = await readEntries(zip, limits.entries, tooMany);

    let declared = 0;
    const names = new Set<string>();
    for (const entry of entries) {
      if (names.has(entry.fileName)) throw new Damaged(`duplicate entry ${entry.fileName}`);
      names.add(entry.fileName);
      if (entry.isEncrypted()) throw new Damaged('encrypted entry');
      declared += entry.uncompressedSize;
      if (declared > limits.unpackedBytes) throw unpacked();
      checkRatio(entry.fileName, entry.uncompressedSize, entry.compressedSize, limits, fileName);
    }
    await checkLayout(zip, entries, directoryStart);

    let inflated = 0;
    const inventory: XlsxInventory = { sharedStrings: false, rows: new Map() };
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      const isStrings = SHARED_STRINGS.test(entry.fileName);
      if (isStrings) inventory.sharedStrings = true;
      const part = entry.fileName.toLowerCase();
      if (WORKSHEET.test(entry.fileName)) inventory.rows.set(part, 0);
      const countStrings = isStrings
        ? tagCounter('si', (n) => {
            if (n > limits.sharedStrings) {
              throw new TabularError('FILE_TOO_MANY_TEXTS', { fileName, limit: String(limits.sharedStrings) });
            }
          })
        : WORKSHEET.test(entry.fileName)
          ? tagCounter('row', (n) => inventory.rows.set(part, n))
          : null;
      let own = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, callback: TransformCallback) {
          own += chunk.length;
          inflated += chunk.length;
          try {
            if (inflated > limits.unpackedBytes) throw unpacked();
            checkRatio(entry.fileName, own, entry.compressedSize, limits, fileName);
            countStrings?.(chunk);
            callback();
          } catch (err) {
            callback(err as Error);
          }
        },
      });
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
        zip.openReadStream(entry, (err, s) => (err || !s ? reject(err) : resolve(s))),
      );
      await pipeline(stream, counter);
    }
    return inventory;
  } catch (err) {
    if (err instanceof TabularError) throw err;
    throw damaged('isi ZIP dari berkas XLSX rusak', 'the ZIP content of the XLSX file is damaged', err);
  } finally {
    zip.close();
  }
}

function checkRatio(entry: string, unpackedBytes: number, packedBytes: number, limits: FileLimits, fileName: string) {
  if (unpackedBytes <= RATIO_FROM_BYTES) return;
  const ratio = unpackedBytes / Math.max(packedBytes, 1);
  if (ratio > limits.compressionRatio) {
    throw new TabularError('FILE_PACKED_TOO_TIGHT', {
      fileName,
      entry,
      ratio: String(Math.round(ratio)),
      limit: String(limits.compressionRatio),
    });
  }
}

/**
 * Entries back to back from byte 0 to the directory, each local header agreeing with the directory on its sizes
 * (unless they follow the data in a descriptor). exceljs reads local headers in sequence, so this is what makes the
 * counted entries the ones it will read.
 */
async function checkLayout(zip: yauzl.ZipFile, entries: yauzl.Entry[], directoryStart: number): Promise<void> {
  const sorted = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  let expected = 0;
  let slack = 0;
  for (const entry of sorted) {
    const gap = entry.relativeOffsetOfLocalHeader - expected;
    if (gap < 0 || gap > slack) throw new Damaged('entries overlap or leave unlisted bytes');
    const local = await new Promise<yauzl.LocalFileHeader>((resolve, reject) =>
      zip.readLocalFileHeader(entry, (err, header) => (err || !header ? reject(err) : resolve(header))),
    );
    const descriptor = (local.generalPurposeBitFlag & 0x8) !== 0;
    const zip64 = local.compressedSize === 0xffffffff || local.uncompressedSize === 0xffffffff;
    if (!descriptor && !zip64) {
      if (local.compressedSize !== entry.compressedSize || local.uncompressedSize !== entry.uncompressedSize) {
        throw new Damaged('local header sizes differ from the directory');
      }
    }
    if (local.compressionMethod !== entry.compressionMethod) throw new Damaged('compression methods differ');
    expected = local.fileDataStart + entry.compressedSize;
    slack = descriptor ? DESCRIPTOR_MAX : 0;
  }
  const gap = directoryStart - expected;
  if (gap < 0 || gap > slack) throw new Damaged('unlisted bytes before the directory');
}
