// The monthly report as XLSX (exceljs): the same figures as the PDF, one sheet per table, numbers as numbers so the
// office can sum and chart them again; Rupiah cells formatted, their words (terbilang) beside them.
import ExcelJS from 'exceljs';
import { formatRupiah } from '../../../lib/rules/money.ts';
import { ruleLabel } from '../../../lib/rules/rule-labels.ts';
import { terbilangRupiah } from '../../../lib/rules/terbilang.ts';
import { claimsSheet } from './reports.claims.ts';
import { monthLabelId, type ReportFigures } from './reports.figures.ts';
import {
  CATEGORY_BUDGET_LABEL,
  CATEGORY_LABEL,
  FUNDER_LABEL,
  KIND_LABEL,
  monthsToTargetText,
  wibStamp,
} from './reports.pdf.ts';
import { addSafeRow, safeColumns } from '../../platform/spreadsheet/writer.ts';
import { wordsIn } from '../../../lib/i18n/words.ts';
import { REPORTS_WORDS } from './reports.words.ts';

/** The report's XLSX is, like its PDF, an Indonesian document (made in the background). */
const SHEET = wordsIn(REPORTS_WORDS.sheets, 'id');
const RUPIAH = '"Rp"#,##0';
const PERSONS = '#,##0';
const PERCENT = '0.00"%"';

function header(sheet: ExcelJS.Worksheet, columns: { header: string; key: string; width: number }[]) {
  sheet.columns = safeColumns(columns);
  const row = sheet.getRow(1);
  row.font = { bold: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7F0FA' } };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

export async function renderXlsx(f: ReportFigures): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lindung';
  wb.created = new Date(f.generatedAt);
  wb.title = `Laporan Bulanan Jamsostek ${f.regionTitle} ${f.monthLabel}`;

  const summary = wb.addWorksheet(SHEET.summary);
  summary.columns = safeColumns([
    { key: 'a', width: 34 },
    { key: 'b', width: 22 },
    { key: 'c', width: 70 },
  ]);
  addSafeRow(summary, ['Laporan Bulanan Jaminan Sosial Ketenagakerjaan Daerah']).font = { bold: true, size: 13 };
  addSafeRow(summary, [`Pemerintah ${f.regionTitle}`, '', `Bulan ${f.monthLabel}`]);
  addSafeRow(summary, [`Wilayah: ${f.regionLabel}`, '', `Dibuat ${wibStamp(f.generatedAt)}`]);
  addSafeRow(summary, []);
  const figure = (label: string, value: number | null, format: string, note = '') => {
    const row = addSafeRow(summary, [label, value, note]);
    row.getCell(2).numFmt = format;
  };
  figure('Peserta aktif', f.active, PERSONS);
  figure('Peserta aktif BPU', f.activeBpu, PERSONS);
  figure(
    'Penduduk bekerja',
    f.denominators.employed?.persons ?? null,
    PERSONS,
    f.denominators.employed?.source ?? 'belum diimpor',
  );
  figure(
    'Semesta PBPU',
    f.denominators.bpuUniverse?.persons ?? null,
    PERSONS,
    f.denominators.bpuUniverse?.source ?? 'belum diimpor',
  );
  figure('Cakupan pekerja (%)', f.coveragePercent, PERCENT, f.formulas.total);
  figure('Cakupan PBPU (%)', f.bpuCoveragePercent, PERCENT, f.formulas.bpu);
  figure('Anggaran program terikat', f.budget.committed, RUPIAH, terbilangRupiah(f.budget.committed));
  figure('Pagu anggaran program', f.budget.ceiling, RUPIAH, terbilangRupiah(f.budget.ceiling));
  for (const c of ['bpu', 'pu'] as const) {
    const part = f.budget.byCategory?.[c];
    if (!part || part.programs === 0) continue;
    figure(`Anggaran terikat ${CATEGORY_LABEL[c]}`, part.committed, RUPIAH, CATEGORY_BUDGET_LABEL[c]);
    figure(`Pagu program ${CATEGORY_LABEL[c]}`, part.ceiling, RUPIAH, terbilangRupiah(part.ceiling));
  }
  if (f.budget.billed !== null && f.budget.paid !== null) {
    figure('Tagihan iuran tahun berjalan', f.budget.billed, RUPIAH, terbilangRupiah(f.budget.billed));
    figure('Iuran dibayar tahun berjalan', f.budget.paid, RUPIAH, terbilangRupiah(f.budget.paid));
  }
  addSafeRow(summary, []);
  addSafeRow(summary, ['Sumber peserta aktif', '', f.activeSource]);

  const districts = wb.addWorksheet(f.childLevelLabel.replace(/\//g, '-'));
  header(districts, [
    { header: 'Kode', key: 'code', width: 12 },
    { header: f.childLevelLabel, key: 'label', width: 34 },
    { header: 'Peserta aktif', key: 'active', width: 15 },
    { header: 'Penduduk bekerja', key: 'employed', width: 18 },
    { header: 'Cakupan (%)', key: 'coverage', width: 13 },
    { header: 'Semesta PBPU', key: 'bpu', width: 15 },
  ]);
  for (const d of f.districts) {
    addSafeRow(districts, {
      code: d.region,
      label: d.label,
      active: d.active,
      employed: d.employed,
      coverage: d.coveragePercent,
      bpu: d.bpuUniverse,
    });
  }
  const last = f.districts.length + 1;
  if (f.districts.length) {
    const total = addSafeRow(districts, {
      label: 'Jumlah',
      active: { formula: `SUM(C2:C${last})` },
      employed: { formula: `SUM(D2:D${last})` },
      bpu: { formula: `SUM(F2:F${last})` },
    });
    total.font = { bold: true };
  }
  for (const key of ['active', 'employed', 'bpu']) districts.getColumn(key).numFmt = PERSONS;
  districts.getColumn('coverage').numFmt = PERCENT;

  const trend = wb.addWorksheet(SHEET.trend);
  header(trend, [
    { header: 'Bulan', key: 'month', width: 16 },
    { header: 'Peserta aktif', key: 'active', width: 15 },
  ]);
  for (const p of f.trend) addSafeRow(trend, { month: monthLabelId(p.month), active: p.active });
  trend.getColumn('active').numFmt = PERSONS;

  const targets = wb.addWorksheet(SHEET.targets);
  header(targets, [
    { header: 'Indikator', key: 'kind', width: 44 },
    { header: 'Dasar', key: 'basis', width: 10 },
    { header: 'Tahun', key: 'year', width: 8 },
    { header: 'Dokumen', key: 'document', width: 30 },
    { header: 'Target (%)', key: 'target', width: 11 },
    { header: 'Capaian (%)', key: 'progress', width: 12 },
    { header: 'Penyebut', key: 'denominator', width: 14 },
    { header: 'Target (orang)', key: 'targetPersons', width: 15 },
    { header: 'Peserta aktif', key: 'active', width: 14 },
    { header: 'Selisih (orang)', key: 'gap', width: 15 },
    { header: 'Kenaikan per bulan', key: 'pace', width: 17 },
    { header: 'Menuju target', key: 'months', width: 30 },
    { header: 'Iuran per orang per bulan', key: 'price', width: 22 },
    { header: 'Bulan dibiayai', key: 'costMonths', width: 14 },
    { header: 'APBD dibutuhkan', key: 'cost', width: 20 },
    { header: 'Terbilang', key: 'words', width: 70 },
    { header: 'Baris aturan iuran', key: 'rules', width: 60 },
    { header: 'Harga (BPU/PU)', key: 'category', width: 30 },
  ]);
  for (const t of f.targets) {
    addSafeRow(targets, {
      kind: KIND_LABEL[t.kind] ?? t.kind,
      basis: t.basis,
      year: t.year,
      document: t.document ?? '',
      target: t.targetPercent,
      progress: t.progressPercent,
      denominator: t.denominator?.persons ?? null,
      targetPersons: t.targetPersons,
      active: t.active,
      gap: t.gapPersons,
      pace: t.monthlyIncrease,
      months: monthsToTargetText(t.monthsToTarget),
      category: t.cost ? `${t.cost.package} (${formatRupiah(t.cost.declaredIncome)})` : '',
      price: t.cost?.perPersonMonth ?? null,
      costMonths: t.cost?.months ?? null,
      cost: t.cost?.total ?? null,
      words: t.cost?.totalWords ?? '',
      rules: t.cost?.rulesUsed.map((r) => `${ruleLabel(r.key, r.scope)}: ${r.citation}`).join('\n') ?? '',
    });
  }
  for (const key of ['denominator', 'targetPersons', 'active', 'gap']) targets.getColumn(key).numFmt = PERSONS;
  for (const key of ['target', 'progress']) targets.getColumn(key).numFmt = PERCENT;
  for (const key of ['price', 'cost']) targets.getColumn(key).numFmt = RUPIAH;

  const programs = wb.addWorksheet(SHEET.programs);
  header(programs, [
    { header: 'Program', key: 'name', width: 48 },
    { header: 'Jenis', key: 'category', width: 8 },
    { header: 'Sumber dana', key: 'funder', width: 20 },
    { header: 'Mulai', key: 'start', width: 10 },
    { header: 'Sampai', key: 'end', width: 10 },
    { header: 'Kuota', key: 'quota', width: 10 },
    { header: 'Terisi', key: 'filled', width: 10 },
    { header: 'Anggaran terikat', key: 'committed', width: 18 },
    { header: 'Pagu', key: 'ceiling', width: 18 },
    { header: 'Terbilang anggaran terikat', key: 'words', width: 70 },
  ]);
  for (const p of f.programs) {
    addSafeRow(programs, {
      name: p.name,
      category: CATEGORY_LABEL[p.category ?? 'bpu'] ?? '',
      funder: FUNDER_LABEL[p.funder] ?? p.funder,
      start: p.startMonth,
      end: p.endMonth,
      quota: p.quota,
      filled: p.quotaFilled,
      committed: p.committed,
      ceiling: p.budgetCeiling,
      words: `${formatRupiah(p.committed)} (${terbilangRupiah(p.committed)})`,
    });
  }
  for (const key of ['quota', 'filled']) programs.getColumn(key).numFmt = PERSONS;
  for (const key of ['committed', 'ceiling']) programs.getColumn(key).numFmt = RUPIAH;

  claimsSheet(wb, f.claims, `Januari sampai ${f.monthLabel}`);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
