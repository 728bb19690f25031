// Reading a payroll-style roster (issue 18 §2): NIK, name, position, OPD/unit, wage, start and end date and, for
// persons not yet registered, the domicile village; CSV (';' or ',') or XLSX through the platform's readFieldFile,
// each cell by the importer's rules (a NIK in a number cell is refused, scientific notation, Indonesian dates,
// rupiah amounts), each problem with its row, column and what to do. General on purpose: any roster of persons with
// a wage (the election officers' roster, §3) can read its file with the same fields.
import type { Locale } from '../../../lib/i18n/locale.ts';
import type { RosterRow } from '../../../lib/contracts/roster.ts';
import { parseDateCell, parseNikCell, parseRegionCode, parseRupiah } from '../../../lib/rules/import-values.ts';
import { validateNik, type NikContext } from '../../../lib/rules/nik.ts';
import { IssueList, readFieldFile, type FieldSpec } from '../../platform/spreadsheet/fields.ts';
import { cellText, type Cell, type FileLimits } from '../../platform/spreadsheet/index.ts';
import { AppError } from '../../platform/errors.ts';
import { word } from '../../../lib/i18n/words.ts';
import { filled, ROSTER_WORDS } from './roster.words.ts';

/** A roster is one employer's staff: hundreds to a few thousand rows. */
export const MAX_ROSTER_ROWS = 20_000;

export const ROSTER_FIELDS = {
  nik: { label: 'NIK', aliases: ['nik', 'noktp', 'nomorktp', 'nomorindukkependudukan', 'niknik'], required: true },
  name: { label: 'Nama', aliases: ['nama', 'namalengkap', 'namapegawai', 'namapekerja', 'name'], required: true },
  position: { label: 'Jabatan', aliases: ['jabatan', 'posisi', 'position', 'tugas'], required: false },
  unit: {
    label: 'OPD/Unit',
    aliases: ['opdunit', 'opd', 'unit', 'unitkerja', 'satuankerja', 'satker', 'bagian', 'skpd', 'instansi'],
    required: false,
  },
  wage: {
    label: 'Gaji',
    aliases: ['gaji', 'upah', 'gajipokok', 'upahsebulan', 'gajisebulan', 'honor', 'honorarium', 'wage', 'salary'],
    required: true,
  },
  start: {
    label: 'Tanggal mulai',
    aliases: ['tanggalmulai', 'mulai', 'tmt', 'tglmulai', 'mulaibekerja', 'tanggalmasuk', 'startdate', 'start'],
    required: false,
  },
  end: {
    label: 'Tanggal selesai',
    aliases: ['tanggalselesai', 'selesai', 'tglselesai', 'akhirkontrak', 'tanggalberakhir', 'enddate', 'end'],
    required: false,
  },
  village: {
    label: 'Kode desa',
    aliases: ['kodedesa', 'kodewilayah', 'kodekelurahan', 'kodedesakelurahan', 'villagecode'],
    required: false,
  },
} as const satisfies FieldSpec<string>;
type Field = keyof typeof ROSTER_FIELDS;

export type RosterFile = {
  rows: number;
  /** Usable rows; a row whose NIK is readable but another cell is not stays with `wage: null` (kept, not changed). */
  roster: RosterRow[];
  issues: IssueList;
  /** The header written in the file for each field (for messages about a column). */
  headers: Record<Field, string>;
};

const empty = (c: Cell) => c.t === 'empty' || cellText(c).trim() === '';

function dateOf(c: Cell) {
  if (c.t === 'date') return parseDateCell(c.v);
  if (c.t === 'number') return parseDateCell(c.v);
  return parseDateCell(cellText(c));
}

function wageOf(c: Cell) {
  return parseRupiah(c.t === 'number' ? c.v : cellText(c));
}

/** Reads and checks every row; the rows no cell rule refused, and the problems of the others. */
export async function readRosterFile(
  content: Buffer,
  fileName: string,
  limits: FileLimits,
  nikContext: NikContext,
  locale: Locale,
): Promise<RosterFile> {
  const file = await readFieldFile(content, fileName, ROSTER_FIELDS, limits);
  if (file.rows.length === 0) throw new AppError('FILE_EMPTY', { fileName });
  if (file.rows.length > MAX_ROSTER_ROWS) {
    throw new AppError('VALIDATION_FAILED', { detail: word(ROSTER_WORDS.tooMany, locale, { max: MAX_ROSTER_ROWS }) });
  }
  const headers = Object.fromEntries(
    (Object.keys(ROSTER_FIELDS) as Field[]).map((f) => [f, file.headers[f] ?? ROSTER_FIELDS[f].label]),
  ) as Record<Field, string>;
  const issues = new IssueList(locale);
  const roster: RosterFile['roster'] = [];
  const firstRow = new Map<string, number>();
  for (const { row, values } of file.rows) {
    const say = (f: Field, message: { id: string; en: string }) => issues.add(row, headers[f], message);
    // NIK: the importer's cell rules, then the NIK's own rules (date of birth, region, serial).
    const nikCell = values.nik;
    if (empty(nikCell)) {
      say('nik', ROSTER_WORDS.nikEmpty);
      continue;
    }
    const cell = parseNikCell(
      nikCell.t === 'number' ? { numeric: nikCell.v, isNumberCell: true } : { text: cellText(nikCell) },
    );
    if (!cell.ok) {
      say('nik', cell.message);
      continue;
    }
    const checked = validateNik(cell.value.replace(/[\s.-]/g, ''), nikContext);
    const error = checked.issues.find((i) => i.severity === 'error');
    if (checked.nik === null || error) {
      say('nik', error?.message ?? ROSTER_WORDS.nikFormat);
      continue;
    }
    const nik = checked.nik;
    const first = firstRow.get(nik);
    if (first !== undefined) {
      say('nik', filled(ROSTER_WORDS.duplicate, { first }));
      continue;
    }
    firstRow.set(nik, row);

    let usable = true;
    const fullName = cellText(values.name).replace(/\s+/g, ' ').trim();
    if (fullName.length < 2) {
      say('name', ROSTER_WORDS.nameEmpty);
      usable = false;
    }
    let wage: number | null = null;
    if (empty(values.wage)) {
      say('wage', ROSTER_WORDS.wageEmpty);
      usable = false;
    } else {
      const w = wageOf(values.wage);
      if (!w.ok) say('wage', w.message);
      else if (w.value <= 0) say('wage', ROSTER_WORDS.wageZero);
      else wage = w.value;
      if (!w.ok || w.value <= 0) usable = false;
    }
    const dates: Record<'start' | 'end', string | null> = { start: null, end: null };
    for (const f of ['start', 'end'] as const) {
      if (empty(values[f])) continue;
      const d = dateOf(values[f]);
      if (d.ok) dates[f] = d.value;
      else {
        say(f, d.message);
        usable = false;
      }
    }
    if (dates.start && dates.end && dates.end < dates.start) {
      say('end', filled(ROSTER_WORDS.endBeforeStart, { start: dates.start }));
      usable = false;
    }
    let villageCode: string | null = null;
    if (!empty(values.village)) {
      const v = parseRegionCode(values.village.t === 'number' ? values.village.v : cellText(values.village));
      if (!v.ok) say('village', v.message);
      else if (v.value.level !== 'village') say('village', ROSTER_WORDS.villageLevel);
      else villageCode = v.value.code;
      if (!v.ok || v.value.level !== 'village') usable = false;
    }
    const text = (f: 'position' | 'unit') => cellText(values[f]).replace(/\s+/g, ' ').trim().slice(0, 200) || null;
    roster.push({
      row,
      nik,
      fullName: fullName.length >= 2 ? fullName.slice(0, 200) : nik,
      position: text('position'),
      unit: text('unit'),
      // A row that cannot be used still says the person is on the payroll: kept as they are, never a leaver.
      wage: usable ? wage : null,
      startDate: dates.start,
      endDate: dates.end,
      villageCode,
    });
  }
  return { rows: file.rows.length, roster, issues, headers };
}
