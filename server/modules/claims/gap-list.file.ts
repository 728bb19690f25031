// Reading a list of deaths and accidents for the protection-gap ledger (issue 15 §6): a village death list or an
// election incident list, CSV (';' or ',') or XLSX, through the platform's streaming reader. Columns are found by
// their header (several spellings each); every cell has a rule, and a problem names its row and column and says
// what to do, Indonesian first. Pure apart from the file read: the service decides coverage and the benefit.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locale } from '../../../lib/i18n/locale.ts';
import type { Words } from '../../../lib/i18n/words.ts';
import { headerKey } from '../../../lib/imports/headers.ts';
import type { ClaimType, JkkOutcome } from '../../../lib/rules/benefits-entitlement.ts';
import {
  normaliseName,
  parseDateCell,
  parseNikCell,
  parseRegionCode,
  parseRupiah,
} from '../../../lib/rules/import-values.ts';
import { validateNik, type NikContext } from '../../../lib/rules/nik.ts';
import { segmentFromText, SEGMENTS, type SegmentCode } from '../../../lib/rules/segments.ts';
import { AppError } from '../../platform/errors.ts';
import { cellText, openTabular, TabularError, type Cell, type FileLimits } from '../../platform/spreadsheet/index.ts';

/** The most rows one list may hold: a regency's deaths of a year, an election's incidents. */
export const GAP_LIST_MAX_ROWS = 5_000;

const FIELDS = {
  nik: { label: 'NIK', aliases: ['nik', 'noktp', 'nomorktp', 'nomorindukkependudukan', 'niknomorktp'] },
  name: { label: 'Nama', aliases: ['nama', 'namalengkap', 'namasesuaiktp', 'namaalmarhum', 'namakorban', 'name'] },
  village: { label: 'Kode desa', aliases: ['kodedesa', 'kodewilayah', 'kodekelurahan', 'kodedesakelurahan'] },
  type: { label: 'Jenis', aliases: ['jenis', 'jenisklaim', 'program', 'jenisjaminan', 'type'] },
  date: {
    label: 'Tanggal kejadian',
    aliases: ['tanggalkejadian', 'tanggal', 'tanggalmeninggal', 'tanggalwafat', 'tglkejadian', 'eventdate'],
  },
  outcome: { label: 'Akibat', aliases: ['akibat', 'akibatkecelakaan', 'outcome'] },
  percent: { label: 'Persen cacat', aliases: ['persencacat', 'persen', 'persentasecacat', 'percent'] },
  months: { label: 'Bulan STMB', aliases: ['bulanstmb', 'lamastmb', 'stmb', 'months'] },
  income: { label: 'Penghasilan', aliases: ['penghasilan', 'upah', 'penghasilanperbulan', 'income'] },
  segment: { label: 'Segmen', aliases: ['segmen', 'pekerjaan', 'jabatan', 'segment'] },
  note: { label: 'Keterangan', aliases: ['keterangan', 'sebab', 'tempat', 'catatan', 'note'] },
} as const;
type Field = keyof typeof FIELDS;
const REQUIRED: readonly Field[] = ['nik', 'name', 'type', 'date'];

/** One clean row of the list. */
export type GapListRow = {
  row: number;
  nik: string;
  name: string;
  village: string | null;
  type: ClaimType;
  date: string;
  outcome: JkkOutcome | null;
  percent: number | null;
  months: number | null;
  income: number | null;
  segment: SegmentCode | null;
  note: string;
};

export type Issue = { row: number | null; column: string | null; message: string };

type Outcome<T> = { ok: true; value: T } | { ok: false; message: Words };
const good = <T>(value: T): Outcome<T> => ({ ok: true, value });
const bad = (id: string, en: string): Outcome<never> => ({ ok: false, message: { id, en } });

const OUTCOMES: Readonly<Record<string, JkkOutcome>> = {
  treatment: 'treatment',
  perawatan: 'treatment',
  stmb: 'stmb',
  partialdisability: 'partial-disability',
  cacatsebagian: 'partial-disability',
  totaldisability: 'total-disability',
  cacattotal: 'total-disability',
  cacattotaltetap: 'total-disability',
  death: 'death',
  meninggal: 'death',
  meninggaldunia: 'death',
};

function readType(cell: Cell): Outcome<ClaimType> {
  const v = headerKey(cellText(cell));
  if (v === 'jkm' || v === 'jkk') return good(v);
  return bad(
    `"${cellText(cell)}" bukan jenis yang dikenal. Tulis JKM (meninggal bukan karena kerja) atau JKK (kecelakaan kerja atau penyakit akibat kerja).`,
    `"${cellText(cell)}" is not a known type. Write JKM (death not from work) or JKK (work accident or occupational disease).`,
  );
}

function readOutcome(cell: Cell, type: ClaimType): Outcome<JkkOutcome | null> {
  const text = cellText(cell).trim();
  if (type === 'jkm') return good(null);
  if (text === '')
    return bad(
      'Akibat kosong untuk JKK. Tulis perawatan, STMB, cacat sebagian, cacat total atau meninggal.',
      'The outcome is empty for a JKK event. Write treatment, STMB, partial disability, total disability or death.',
    );
  const found = OUTCOMES[headerKey(text)];
  return found
    ? good(found)
    : bad(
        `Akibat "${text}" tidak dikenal. Tulis perawatan, STMB, cacat sebagian, cacat total atau meninggal.`,
        `The outcome "${text}" is not known. Write treatment, STMB, partial disability, total disability or death.`,
      );
}

function readNumber(cell: Cell, max: number, what: Words, needed: boolean): Outcome<number | null> {
  const text = cellText(cell).trim().replace(',', '.').replace(/%$/, '');
  if (text === '') {
    return needed
      ? bad(`${what.id} wajib diisi untuk akibat ini. Isi angkanya.`, `${what.en} is required for this outcome.`)
      : good(null);
  }
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0 || n > max)
    return bad(
      `${what.id} "${text}" harus angka di atas 0 sampai ${max}.`,
      `${what.en} "${text}" must be >0 to ${max}.`,
    );
  return good(n);
}

function rawOf(cell: Cell): string | number | Date {
  if (cell.t === 'date') return cell.v;
  if (cell.t === 'number') return cell.v;
  return cellText(cell);
}

/** The clean rows of the list, or every problem found (by row and column): nothing partial. */
export async function readGapList(
  content: Buffer,
  fileName: string,
  limits: FileLimits,
  nikContext: NikContext,
  locale: Locale,
): Promise<{ rows: GapListRow[]; issues: Issue[]; villageMissing: boolean }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lindung-gaps-'));
  const file = path.join(dir, path.basename(fileName).replace(/[^\w.-]+/g, '_') || 'daftar');
  await writeFile(file, content, { mode: 0o600 });
  const issues: Issue[] = [];
  const rows: GapListRow[] = [];
  const say = (row: number, f: Field, m: Words) => issues.push({ row, column: FIELDS[f].label, message: m[locale] });
  try {
    const tabular = await openTabular(file, { fileName, limits, waiting: true });
    const index = new Map<Field, number>();
    tabular.info.header.forEach((h, i) => {
      const key = headerKey(h);
      const f = (Object.keys(FIELDS) as Field[]).find((k) => (FIELDS[k].aliases as readonly string[]).includes(key));
      if (f && !index.has(f)) index.set(f, i);
    });
    const missing = REQUIRED.filter((f) => !index.has(f));
    if (missing.length > 0) {
      await tabular.close();
      const names = missing.map((f) => FIELDS[f].label).join(', ');
      issues.push({
        row: tabular.info.headerRow,
        column: null,
        message: {
          id: `Kolom ${names} tidak ditemukan. Baris judul harus memuat NIK, Nama, Jenis dan Tanggal kejadian (serta Kode desa, kecuali pengunggah operator desa).`,
          en: `Column(s) ${names} not found. The header row must hold NIK, Name, Type and Event date (and Village code, unless a village operator uploads).`,
        }[locale],
      });
      return { rows, issues, villageMissing: !index.has('village') };
    }
    const empty: Cell = { t: 'empty' };
    const cell = (cells: Cell[], f: Field) => {
      const i = index.get(f);
      return i === undefined ? empty : (cells[i] ?? empty);
    };
    let count = 0;
    for await (const batch of tabular.batches) {
      for (const r of batch) {
        if (++count > GAP_LIST_MAX_ROWS) {
          await tabular.close();
          issues.push({
            row: r.row,
            column: null,
            message: {
              id: `Daftar lebih dari ${GAP_LIST_MAX_ROWS} baris. Bagi menjadi beberapa berkas.`,
              en: `The list has more than ${GAP_LIST_MAX_ROWS} rows. Split it into several files.`,
            }[locale],
          });
          return { rows: [], issues, villageMissing: !index.has('village') };
        }
        const parsed = readRow(r.row, (f) => cell(r.cells, f), nikContext, say);
        if (parsed) rows.push(parsed);
      }
    }
    return { rows, issues, villageMissing: !index.has('village') };
  } catch (err) {
    if (err instanceof TabularError) throw new AppError(err.code, err.params);
    throw err;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function readRow(
  row: number,
  cell: (f: Field) => Cell,
  nikContext: NikContext,
  say: (row: number, f: Field, m: Words) => void,
): GapListRow | null {
  let ok = true;
  const take = <T>(f: Field, o: Outcome<T>): T | null => {
    if (o.ok) return o.value;
    ok = false;
    say(row, f, o.message);
    return null;
  };
  const nikCell = cell('nik');
  const rawNik = parseNikCell(
    nikCell.t === 'number' ? { numeric: nikCell.v, isNumberCell: true } : { text: cellText(nikCell) },
  );
  let nik: string | null = null;
  if (!rawNik.ok) take('nik', { ok: false, message: rawNik.message });
  else {
    const checked = validateNik(rawNik.value, nikContext);
    const error = checked.issues.find((i) => i.severity === 'error');
    nik = take('nik', checked.nik && !error ? good(checked.nik) : { ok: false, message: error!.message });
  }
  const nameText = normaliseName(cellText(cell('name')));
  const name = take(
    'name',
    nameText === ''
      ? bad('Nama kosong. Isi nama sesuai KTP.', 'The name is empty. Enter the name as on the KTP.')
      : nameText.length > 200
        ? bad('Nama lebih dari 200 huruf.', 'The name is over 200 characters.')
        : good(nameText),
  );
  const villageText = cellText(cell('village')).trim();
  let village: string | null = null;
  if (villageText !== '') {
    const code = parseRegionCode(villageText);
    village = take(
      'village',
      !code.ok
        ? { ok: false, message: code.message }
        : code.value.level !== 'village'
          ? bad(
              `Kode ${code.value.code} bukan kode desa/kelurahan. Tulis kode 10 angka, mis. 34.02.08.2004.`,
              `Code ${code.value.code} is not a village code. Write the 10-digit code, e.g. 34.02.08.2004.`,
            )
          : good(code.value.code),
    );
  }
  const type = take('type', readType(cell('type')));
  const dateCell = cell('date');
  const dateParsed = parseDateCell(rawOf(dateCell));
  const date = take(
    'date',
    cellText(dateCell).trim() === '' && dateCell.t !== 'date'
      ? bad('Tanggal kejadian kosong. Isi hari-bulan-tahun, mis. 05-03-2026.', 'The event date is empty.')
      : dateParsed.ok
        ? good(dateParsed.value)
        : { ok: false, message: dateParsed.message },
  );
  const outcome = type === null ? null : take('outcome', readOutcome(cell('outcome'), type));
  const percent = take(
    'percent',
    readNumber(
      cell('percent'),
      100,
      { id: 'Persen cacat', en: 'Disability percent' },
      outcome === 'partial-disability',
    ),
  );
  const months = take(
    'months',
    readNumber(cell('months'), 120, { id: 'Bulan STMB', en: 'STMB months' }, outcome === 'stmb'),
  );
  if (months !== null && !Number.isInteger(months))
    take('months', bad('Bulan STMB harus bilangan bulat.', 'STMB months must be a whole number.'));
  const incomeText = cellText(cell('income')).trim();
  let income: number | null = null;
  if (incomeText !== '') {
    const parsed = parseRupiah(incomeText);
    income = take('income', parsed.ok ? good(parsed.value) : { ok: false, message: parsed.message });
  }
  const segmentText = cellText(cell('segment')).trim();
  const segment =
    segmentText === '' ? null : segmentText in SEGMENTS ? (segmentText as SegmentCode) : segmentFromText(segmentText);
  const note = cellText(cell('note')).trim().replace(/\s+/g, ' ').slice(0, 500);
  if (!ok || nik === null || name === null || type === null || date === null) return null;
  return { row, nik, name, village, type, date, outcome, percent, months, income, segment, note };
}
