// Words of the gap-list import on /klaim/tak-terlindungi (issue 15 §6), Indonesian and English with the same keys;
// spread into claims-text.ts (the module's one dictionary), kept apart only to stay under the file-size limit.

export const GAP_IMPORT_WORDS_ID = {
  'gapImport.title': 'Impor daftar kejadian',
  'gapImport.description':
    'Daftar kematian desa atau daftar kejadian petugas pemilu (CSV dengan pemisah ; atau XLSX), termasuk orang yang belum ada di Lindung. Kolom: NIK, Nama, Kode desa, Jenis (JKM/JKK), Tanggal kejadian; untuk JKK juga Akibat, dan bila perlu Persen cacat, Bulan STMB, Penghasilan. Lindung memeriksa kepesertaan setiap baris pada tanggal kejadiannya.',
  'gapImport.file': 'Berkas daftar',
  'gapImport.check': 'Periksa daftar',
  'gapImport.save': 'Simpan {n} kejadian ke buku',
  'gapImport.issues':
    'Daftar belum dapat disimpan: {n} masalah. Perbaiki berkasnya lalu periksa lagi; tidak ada yang disimpan.',
  'gapImport.col.row': 'Baris',
  'gapImport.col.column': 'Kolom',
  'gapImport.col.problem': 'Masalah',
  'gapImport.col.status': 'Hasil',
  'gapImport.status.new': 'Masuk buku',
  'gapImport.status.covered': 'Terlindungi: laporkan sebagai klaim',
  'gapImport.status.already': 'Sudah tercatat',
  'gapImport.summary':
    '{added} kejadian baru (manfaat terlewat {missed}), {covered} terlindungi, {already} sudah tercatat.',
  'gapImport.saved': 'Tersimpan: {added} kejadian masuk buku.',
  'gapImport.preview': 'Pratinjau daftar',
  'gapImport.fromList': 'dari daftar {name}',
};

export const GAP_IMPORT_WORDS_EN: Record<keyof typeof GAP_IMPORT_WORDS_ID, string> = {
  'gapImport.title': 'Import a list of events',
  'gapImport.description':
    'A village death list or an election incident list (CSV separated by ; or XLSX), including people not yet in Lindung. Columns: NIK, Name, Village code, Type (JKM/JKK), Event date; for JKK also Outcome and, where needed, Disability percent, STMB months, Income. Lindung checks each row’s coverage on its event date.',
  'gapImport.file': 'List file',
  'gapImport.check': 'Check the list',
  'gapImport.save': 'Save {n} events to the ledger',
  'gapImport.issues': 'The list cannot be saved yet: {n} problems. Fix the file and check again; nothing was saved.',
  'gapImport.col.row': 'Row',
  'gapImport.col.column': 'Column',
  'gapImport.col.problem': 'Problem',
  'gapImport.col.status': 'Result',
  'gapImport.status.new': 'Into the ledger',
  'gapImport.status.covered': 'Covered: report it as a claim',
  'gapImport.status.already': 'Already recorded',
  'gapImport.summary': '{added} new events (benefit missed {missed}), {covered} covered, {already} already recorded.',
  'gapImport.saved': 'Saved: {added} events entered the ledger.',
  'gapImport.preview': 'List preview',
  'gapImport.fromList': 'from list {name}',
};
