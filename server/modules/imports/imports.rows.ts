// One data row of a worker file → the values to stage, or the problems that keep it out. Pure apart from the
// lookups it is given (region directory, region code sets); the same rules as the registry's form.
import type { Bilingual } from '../../../lib/i18n/locale.ts';
import type { ImportField } from '../../../lib/imports/headers.ts';
import {
  isBlankCell,
  isTidyText,
  nameKey,
  normaliseName,
  parseDateCell,
  parseNikCell,
  parsePhone,
  parseRupiah,
  parseSex,
  type CellResult,
} from '../../../lib/rules/import-values.ts';
import { todayWib } from '../../../lib/rules/eligibility.ts';
import { validateNik, type NikContext } from '../../../lib/rules/nik.ts';
import {
  PARTICIPATION_CATEGORIES,
  VULNERABILITY_FLAGS,
  segmentFromText,
  type ParticipationCategory,
  type VulnerabilityFlag,
} from '../../../lib/rules/segments.ts';
import type { VillageResolution } from './imports.regions.ts';
import { cellText, type Cell } from '../../platform/spreadsheet/index.ts';

export type Severity = 'error' | 'warning';

export type RowIssue = {
  row: number;
  columnIndex: number | null;
  code: string;
  severity: Severity;
  message: Bilingual;
};

/** The values of one valid row, as the staging table takes them (null = the file said nothing). */
export type StagedWorker = {
  row: number;
  nik: string;
  full_name: string;
  name_key: string;
  birth_place: string | null;
  birth_date: string;
  sex: 'L' | 'P';
  village_code: string;
  address: string | null;
  rt: string | null;
  rw: string | null;
  phone: string | null;
  segment: string | null;
  category: string | null;
  monthly_income: number | null;
  vulnerability: VulnerabilityFlag[] | null;
  kpj_number: string | null;
};

/** Which column (index into the row's cells) fills each field; `rtRw` is a combined "003/005" column. */
export type ColumnPlan = Partial<Record<ImportField, number>> & { rtRw?: number };

export type RowContext = {
  nik: Pick<NikContext, 'provinceExists' | 'districtExists'>;
  resolveVillage(village: string | null, district: string | null, regency: string | null): VillageResolution;
  /** Used when the file has no village column (an operator of one village). */
  defaultVillage: string | null;
};

const EMPTY: Cell = { t: 'empty' };
/** Fixed per process: only picks the century of a NIK's two-digit birth year. */
const TODAY = new Date().toISOString().slice(0, 10);
const TODAY_WIB = todayWib();

function cleanText(cell: Cell): string | null {
  const raw = cellText(cell);
  const text = isTidyText(raw) ? raw : raw.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

const CATEGORY_BY_TEXT: Readonly<Record<string, ParticipationCategory>> = {
  PU: 'PU',
  PENERIMAUPAH: 'PU',
  BPU: 'BPU',
  BUKANPENERIMAUPAH: 'BPU',
  MANDIRI: 'BPU',
  INFORMAL: 'BPU',
  JAKON: 'JAKON',
  JASAKONSTRUKSI: 'JAKON',
  PMI: 'PMI',
  PEKERJAMIGRANINDONESIA: 'PMI',
  PEKERJAMIGRAN: 'PMI',
};

const VULNERABILITY_BY_TEXT: Readonly<Record<string, VulnerabilityFlag>> = {
  MISKINEKSTREM: 'extreme_poor',
  MISKINEKSTRIM: 'extreme_poor',
  DESIL1: 'decile_1',
  DESIL2: 'decile_2',
  DESIL3: 'decile_3',
  DESIL4: 'decile_4',
  DISABILITAS: 'disability',
  PENYANDANGDISABILITAS: 'disability',
  ...Object.fromEntries(VULNERABILITY_FLAGS.map((f) => [f.toUpperCase().replace(/_/g, ''), f])),
};

const key = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * Memoises a pure parser of a cell's text: a file repeats its dates, occupations and names many times over, and a
 * million-row import spends most of its time in these parsers. Bounded, so a file of all-distinct values only
 * stops caching.
 */
function memo<T>(parse: (text: string) => T, limit = 50_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let hit = cache.get(text);
    if (hit === undefined) {
      hit = parse(text);
      if (cache.size < limit) cache.set(text, hit);
    }
    return hit;
  };
}
const dateOfText = memo((text: string) => parseDateCell(text));
const segmentOfText = memo(segmentFromText);
const keyOfName = memo(nameKey);
const sexOfText = memo((text: string) => parseSex(text));
const rupiahOfText = memo((text: string) => parseRupiah(text));

/** Parses one row. Empty rows never reach here (the reader skips them). */
/** The state of one row while it is read: its cells, its problems. Methods, not closures, to keep the hot loop lean. */
class RowReader {
  readonly issues: RowIssue[] = [];
  rejected = false;

  constructor(
    private readonly row: number,
    private readonly cells: readonly Cell[],
    private readonly plan: ColumnPlan,
  ) {}

  at(field: keyof ColumnPlan): Cell {
    const index = this.plan[field];
    return index === undefined ? EMPTY : (this.cells[index] ?? EMPTY);
  }

  report(field: keyof ColumnPlan | null, code: string, severity: Severity, message: Bilingual): void {
    if (severity === 'error') this.rejected = true;
    this.issues.push({
      row: this.row,
      columnIndex: field === null ? null : (this.plan[field] ?? null),
      code,
      severity,
      message,
    });
  }

  required(field: ImportField, label: Bilingual): Cell | null {
    const cell = this.at(field);
    if (cell.t === 'empty' || (cell.t === 'text' && isBlankCell(cell.v))) {
      this.report(field, 'REQUIRED_MISSING', 'error', {
        id: `${label.id} wajib diisi.`,
        en: `${label.en} is required.`,
      });
      return null;
    }
    return cell;
  }

  /** Runs a cell parser's result; on failure reports its code and returns null. */
  parsed<T>(field: ImportField, result: CellResult<T>, severity: Severity = 'error'): T | null {
    if (result.ok) return result.value;
    this.report(field, result.code, severity, result.message);
    return null;
  }

  optionalText(field: ImportField, max: number, label: Bilingual): string | null {
    const text = cleanText(this.at(field));
    if (text !== null && text.length > max) {
      this.report(field, 'VALUE_INVALID', 'error', {
        id: `${label.id} terlalu panjang (paling banyak ${max} huruf).`,
        en: `${label.en} is too long (at most ${max} characters).`,
      });
      return null;
    }
    return text;
  }
}

export function parseWorkerRow(
  rowNumber: number,
  cells: readonly Cell[],
  plan: ColumnPlan,
  ctx: RowContext,
): { worker: StagedWorker | null; issues: RowIssue[] } {
  const r = new RowReader(rowNumber, cells, plan);

  // Name, birth date and sex first: the NIK is checked against them.
  const nameCell = r.required('fullName', { id: 'Nama', en: 'The name' });
  const fullName = nameCell ? normaliseName(cellText(nameCell)) : null;
  if (fullName !== null && (fullName.length < 2 || fullName.length > 200)) {
    r.report('fullName', 'VALUE_INVALID', 'error', {
      id: 'Nama harus 2–200 huruf, sesuai KTP.',
      en: 'The name must be 2–200 characters, as on the KTP.',
    });
  }
  const birthCell = r.required('birthDate', { id: 'Tanggal lahir', en: 'The birth date' });
  const birthDate =
    birthCell === null
      ? null
      : r.parsed(
          'birthDate',
          birthCell.t === 'date' || birthCell.t === 'number'
            ? parseDateCell(birthCell.v)
            : dateOfText(cellText(birthCell)),
        );
  // The cached day is only a cheap first test for the hot loop; the clock decides.
  if (birthDate !== null && birthDate > TODAY_WIB && birthDate > todayWib()) {
    const [y, m, d] = birthDate.split('-');
    r.report('birthDate', 'DATE_INVALID', 'error', {
      id: `Tanggal lahir ${d}-${m}-${y} ada di masa depan. Periksa kembali tanggalnya (hari-bulan-tahun).`,
      en: `The birth date ${d}-${m}-${y} is in the future. Check the date again (day-month-year).`,
    });
  }
  const sexCell = r.required('sex', { id: 'Jenis kelamin', en: 'The sex' });
  const sex = sexCell === null ? null : r.parsed('sex', sexOfText(cellText(sexCell)));

  let nik: string | null = null;
  const nikCell = r.required('nik', { id: 'NIK', en: 'The NIK' });
  if (nikCell !== null) {
    const raw = r.parsed(
      'nik',
      parseNikCell(nikCell.t === 'number' ? { numeric: nikCell.v, isNumberCell: true } : { text: cellText(nikCell) }),
    );
    if (raw !== null) {
      // One object shape for every row (no conditional spreads): validateNik stays monomorphic in the hot loop.
      const result = validateNik(raw, {
        provinceExists: ctx.nik.provinceExists,
        districtExists: ctx.nik.districtExists,
        today: TODAY,
        birthDate: birthDate ?? undefined,
        sex: sex ?? undefined,
      });
      for (const issue of result.issues) r.report('nik', issue.code, issue.severity, issue.message);
      nik = result.nik;
    }
  }

  // Domicile: a village code, or village + district (+ regency) names; never the NIK's prefix.
  const villageText = cleanText(r.at('village'));
  let villageCode: string | null = null;
  if (villageText === null && plan.district === undefined && ctx.defaultVillage !== null) {
    villageCode = ctx.defaultVillage;
  } else if (villageText === null) {
    r.report(plan.village === undefined ? null : 'village', 'REQUIRED_MISSING', 'error', {
      id: 'Desa/kelurahan wajib diisi (kode seperti 34.02.08.2004 atau nama desa beserta kecamatannya).',
      en: 'The village is required (a code like 34.02.08.2004, or the village name with its district).',
    });
  } else {
    const resolved = ctx.resolveVillage(villageText, cleanText(r.at('district')), cleanText(r.at('regency')));
    if (resolved.ok) villageCode = resolved.code;
    else r.report(resolved.field, resolved.code, 'error', resolved.message);
  }

  const birthPlace = r.optionalText('birthPlace', 100, { id: 'Tempat lahir', en: 'The birth place' });
  const address = r.optionalText('address', 300, { id: 'Alamat', en: 'The address' });

  let rt = cleanText(r.at('rt'));
  let rw = cleanText(r.at('rw'));
  if (plan.rtRw !== undefined) {
    const combined = cleanText(cells[plan.rtRw] ?? EMPTY);
    const m = combined === null ? null : /^(\d{1,3})\s*[/\-.]\s*(\d{1,3})$/.exec(combined);
    if (combined !== null && !m) {
      r.report('rtRw', 'VALUE_INVALID', 'error', {
        id: `RT/RW "${combined}" tidak dikenali; tulis seperti 003/005.`,
        en: `RT/RW "${combined}" is not recognised; write it like 003/005.`,
      });
    }
    if (m) [rt, rw] = [m[1] ?? null, m[2] ?? null];
  }
  for (const [field, value] of [
    ['rt', rt],
    ['rw', rw],
  ] as const) {
    if (value !== null && !/^\d{1,3}$/.test(value)) {
      r.report(field, 'VALUE_INVALID', 'error', {
        id: `${field.toUpperCase()} "${value}" harus 1–3 angka, misalnya 003.`,
        en: `${field.toUpperCase()} "${value}" must be 1–3 digits, e.g. 003.`,
      });
    }
  }

  // A phone that cannot be read is dropped with a warning: it must not keep the person out of the registry.
  const phoneText = cleanText(r.at('phone'));
  const phone = phoneText === null ? null : r.parsed('phone', parsePhone(phoneText), 'warning');

  const segmentText = cleanText(r.at('segment'));
  let segment: string | null = null;
  if (segmentText !== null) {
    segment = segmentOfText(segmentText);
    if (segment === null) {
      segment = 'other';
      r.report('segment', 'SEGMENT_UNKNOWN', 'warning', {
        id: `Pekerjaan "${segmentText}" tidak dikenali; dicatat sebagai "lainnya". Periksa dan ubah bila perlu.`,
        en: `Occupation "${segmentText}" is not recognised; recorded as "other". Check and change it if needed.`,
      });
    }
  }

  const categoryText = cleanText(r.at('category'));
  let category: string | null = null;
  if (categoryText !== null) {
    category = CATEGORY_BY_TEXT[key(categoryText)] ?? null;
    if (category === null) {
      r.report('category', 'VALUE_INVALID', 'error', {
        id: `Kategori "${categoryText}" tidak dikenali; pilih ${PARTICIPATION_CATEGORIES.join(', ')}.`,
        en: `Category "${categoryText}" is not recognised; use ${PARTICIPATION_CATEGORIES.join(', ')}.`,
      });
    }
  }

  const incomeCell = r.at('monthlyIncome');
  const monthlyIncome =
    incomeCell.t === 'empty' || cleanText(incomeCell) === null
      ? null
      : r.parsed(
          'monthlyIncome',
          incomeCell.t === 'number' ? parseRupiah(incomeCell.v) : rupiahOfText(cellText(incomeCell)),
        );

  const vulnerabilityText = cleanText(r.at('vulnerability'));
  let vulnerability: VulnerabilityFlag[] | null = null;
  if (vulnerabilityText !== null && !/^(-|tidak|tidak ada|none)$/i.test(vulnerabilityText)) {
    const flags = new Set<VulnerabilityFlag>();
    for (const part of vulnerabilityText.split(/[,;/]/)) {
      const flag = VULNERABILITY_BY_TEXT[key(part)];
      if (flag) flags.add(flag);
      else if (key(part) !== '') {
        r.report('vulnerability', 'VALUE_INVALID', 'warning', {
          id: `Kerentanan "${part.trim()}" tidak dikenali (pakai: miskin ekstrem, desil 1–4, disabilitas); diabaikan.`,
          en: `Vulnerability "${part.trim()}" is not recognised (use: extreme poor, decile 1–4, disability); ignored.`,
        });
      }
    }
    vulnerability = [...flags];
  }

  const kpjText = cleanText(r.at('kpjNumber'));
  let kpj: string | null = null;
  if (kpjText !== null) {
    const digits = kpjText.replace(/[\s.-]/g, '');
    if (/^\d{8,16}$/.test(digits)) kpj = digits;
    else
      r.report('kpjNumber', 'VALUE_INVALID', 'warning', {
        id: `Nomor KPJ "${kpjText}" harus 8–16 angka; tidak disimpan.`,
        en: `KPJ number "${kpjText}" must be 8–16 digits; not saved.`,
      });
  }

  if (r.rejected || nik === null || fullName === null || birthDate === null || sex === null || villageCode === null) {
    return { worker: null, issues: r.issues };
  }
  return {
    worker: {
      row: rowNumber,
      nik,
      full_name: fullName,
      name_key: keyOfName(fullName),
      birth_place: birthPlace,
      birth_date: birthDate,
      sex,
      village_code: villageCode,
      address,
      rt,
      rw,
      phone,
      segment,
      category,
      monthly_income: monthlyIncome,
      vulnerability,
      kpj_number: kpj,
    },
    issues: r.issues,
  };
}
