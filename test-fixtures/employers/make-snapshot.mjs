// Writes cabang-pemberi-kerja.xlsx, the branch's employer snapshot used by the employers tests (run once with node;
// the file is committed). Spelling differs from perizinan-bantul.csv on purpose: the matching test relies on it.
import path from 'node:path';
import ExcelJS from 'exceljs';

const rows = [
  ['15070001', '9120001000011', '', 'PT. MAJU JAYA ABADI', 'AKTIF', 20, '06-2026', '34.02.08.2004'],
  ['15070002', '', '023456789012000', 'Sinar Terang, CV', 'AKTIF', 8, '02-2026', ''],
  ['15070003', '', '', 'UD. SUMBER  REJEKI', 'AKTIF', 5, '06-2026', '3402082004'],
  ['15070004', '9120001000044', '', 'Bangun Karya (PT)', 'AKTIF', 12, '06-2026', '34.02.08.2004'],
  ['15070009', '', '', 'CV Lestari Jaya', 'AKTIF', 4, '06-2026', '34.02.08.2001'],
  ['15070010', '', '', 'PT Maju Jaya', 'NONAKTIF', 0, '12-2025', '34.02.08.2004'],
];
const workbook = new ExcelJS.Workbook();
const sheet = workbook.addWorksheet('Pemberi Kerja');
sheet.columns = ['NPP', 'NIB', 'NPWP', 'NAMA PERUSAHAAN', 'STATUS', 'TK AKTIF', 'DIBAYAR SAMPAI', 'KODE DESA'].map(
  (header, i) => ({ header, key: String(i), width: 20, style: i === 5 ? {} : { numFmt: '@' } }),
);
for (const r of rows) sheet.addRow(r);
await workbook.xlsx.writeFile(path.join(import.meta.dirname, 'cabang-pemberi-kerja.xlsx'));
