// Words of the benefit-rule page (issue 15 §3), Indonesian and English with the same keys; spread into
// claims-text.ts (the module's one dictionary), kept apart only to stay under the file-size limit.

export const RULE_WORDS_ID = {
  'tabs.rules': 'Aturan manfaat',
  'rules.title': 'Aturan manfaat JKM dan JKK',
  'rules.description':
    'Setiap angka manfaat berlaku sejak tanggal tertentu dan menyebut dasar hukumnya. Riwayat tidak diubah: baris baru mengakhiri baris yang berlaku sehari sebelumnya.',
  'rules.table': 'Daftar baris aturan manfaat',
  'rules.key': 'Aturan',
  'rules.from': 'Berlaku sejak',
  'rules.to': 'Sampai',
  'rules.open': 'masih berlaku',
  'rules.value': 'Nilai',
  'rules.basis': 'Dasar hukum',
  'rules.certainty': 'Kepastian',
  'rules.certainty.verified': 'terverifikasi',
  'rules.certainty.secondary': 'sumber sekunder',
  'rules.certainty.uncertain': 'belum pasti',
  'rules.add': 'Tambah baris aturan',
  'rules.amount': 'Nilai baru (Rupiah, kali upah, atau bulan sesuai aturannya)',
  'rules.note': 'Catatan (sumber, untuk administrator)',
  'rules.save': 'Simpan baris baru',
  'rules.times': '{n} × upah',
  'rules.months': '{n} bulan',
  'rules.tiers': 'bertingkat',
  'rules.care': 'sesuai kebutuhan medis',
} as const;

export const RULE_WORDS_EN: Record<keyof typeof RULE_WORDS_ID, string> = {
  'tabs.rules': 'Benefit rules',
  'rules.title': 'JKM and JKK benefit rules',
  'rules.description':
    'Each benefit figure is in force from a date and names its legal basis. History is not changed: a new row ends the row in force on the day before.',
  'rules.table': 'Benefit rule rows',
  'rules.key': 'Rule',
  'rules.from': 'In force from',
  'rules.to': 'Until',
  'rules.open': 'in force',
  'rules.value': 'Value',
  'rules.basis': 'Legal basis',
  'rules.certainty': 'Certainty',
  'rules.certainty.verified': 'verified',
  'rules.certainty.secondary': 'secondary source',
  'rules.certainty.uncertain': 'uncertain',
  'rules.add': 'Add a rule row',
  'rules.amount': 'New value (Rupiah, times the wage, or months, as the rule is)',
  'rules.note': 'Note (sources, for administrators)',
  'rules.save': 'Save the new row',
  'rules.times': '{n} × wage',
  'rules.months': '{n} months',
  'rules.tiers': 'tiered',
  'rules.care': 'as medically needed',
};
