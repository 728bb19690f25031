import type { Bilingual } from '../i18n/locale.ts';
import { MODULE_ERRORS } from './errors-modules.ts';

/**
 * The closed set of error codes. One table maps each to its HTTP status and its message, in Indonesian first.
 * Messages say what is wrong and what to do; `{placeholders}` are filled from the error's params.
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: {
    status: 400,
    message: {
      id: 'Data yang dikirim tidak valid: {detail}. Periksa isian lalu kirim ulang.',
      en: 'The submitted data is invalid: {detail}. Check the fields and send again.',
    },
  },
  BAD_JSON: {
    status: 400,
    message: {
      id: 'Isi permintaan bukan JSON yang benar. Periksa format data lalu kirim ulang.',
      en: 'The request body is not valid JSON. Check the data format and send again.',
    },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: {
      id: 'Jenis isi permintaan tidak didukung. Kirim sebagai application/json.',
      en: 'Unsupported request content type. Send it as application/json.',
    },
  },
  BODY_TOO_LARGE: {
    status: 413,
    message: {
      id: 'Isi permintaan terlalu besar (batas {limit} byte). Kirim data yang lebih kecil.',
      en: 'The request body is too large (limit {limit} bytes). Send less data.',
    },
  },
  UNAUTHENTICATED: {
    status: 401,
    message: {
      id: 'Anda belum masuk atau sesi telah berakhir. Silakan masuk kembali.',
      en: 'You are not signed in or your session has expired. Please sign in again.',
    },
  },
  INVALID_CREDENTIALS: {
    status: 401,
    message: {
      id: 'Nama pengguna atau kata sandi salah.',
      en: 'Wrong username or password.',
    },
  },
  LOGIN_DELAYED: {
    status: 429,
    message: {
      id: 'Terlalu banyak percobaan masuk yang gagal untuk akun ini, jadi percobaan berikutnya ditahan. Tunggu {seconds} detik lalu coba lagi; bila lupa kata sandi, minta admin Lindung di daerah Anda menggantinya.',
      en: 'Too many failed sign-in attempts for this account, so the next attempt is held back. Wait {seconds} seconds and try again; if you forgot the password, ask the Lindung administrator of your region to reset it.',
    },
  },
  PASSWORD_WEAK: {
    status: 400,
    message: {
      id: 'Kata sandi terlalu mudah ditebak: {reason} Pakai frasa sandi dari beberapa kata yang tidak berhubungan dengan nama atau nama pengguna, misalnya "kopi-hujan-sawah-lebar".',
      en: 'The password is too easy to guess: {reason} Use a passphrase of several words unrelated to the name or username, e.g. "coffee-rain-field-wide".',
    },
  },
  ACCOUNT_DISABLED: {
    status: 403,
    message: {
      id: 'Akun ini dinonaktifkan. Hubungi admin Lindung di daerah Anda.',
      en: 'This account is disabled. Contact the Lindung administrator of your region.',
    },
  },
  RATE_LIMITED: {
    status: 429,
    message: {
      id: 'Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.',
      en: 'Too many requests. Wait a moment and try again.',
    },
  },
  NIK_LOOKUP_LIMITED: {
    status: 429,
    message: {
      id: 'Anda sudah mencapai batas {max} pencarian NIK per jam. Batas ini melindungi data pribadi pekerja; coba lagi dalam satu jam, atau minta admin menaikkan batasnya bila pekerjaan Anda memerlukannya.',
      en: 'You have reached the limit of {max} NIK lookups per hour. The limit protects workers’ personal data; try again within the hour, or ask the administrator to raise it if your work needs more.',
    },
  },
  CSRF_REJECTED: {
    status: 403,
    message: {
      id: 'Permintaan ditolak karena token keamanan (CSRF) tidak cocok. Muat ulang halaman lalu coba lagi.',
      en: 'Request rejected: the security (CSRF) token does not match. Reload the page and try again.',
    },
  },
  FORBIDDEN: {
    status: 403,
    message: {
      id: 'Peran Anda tidak berwenang melakukan tindakan ini.',
      en: 'Your role is not allowed to do this.',
    },
  },
  OUT_OF_SCOPE: {
    status: 403,
    message: {
      id: 'Wilayah {region} berada di luar wilayah kerja Anda.',
      en: 'Region {region} is outside your working area.',
    },
  },
  ROLE_TOO_HIGH: {
    status: 403,
    message: {
      id: 'Anda tidak dapat memberi peran {role}: peran itu lebih tinggi dari peran Anda.',
      en: 'You cannot grant the role {role}: it is higher than your own.',
    },
  },
  NOT_FOUND: {
    status: 404,
    message: {
      id: '{entity} tidak ditemukan.',
      en: '{entity} not found.',
    },
  },
  CONFLICT: {
    status: 409,
    message: {
      id: '{detail}',
      en: '{detail}',
    },
  },
  REGION_UNKNOWN: {
    status: 400,
    message: {
      id: 'Kode wilayah {region} tidak dikenal. Pilih wilayah dari daftar.',
      en: 'Unknown region code {region}. Pick a region from the list.',
    },
  },
  // Contributions (issue 4). A rule that is missing or a choice the rules do not allow is never quoted as zero.
  RULE_GAP: {
    status: 422,
    message: {
      id:
        'Belum ada aturan iuran {rule} yang berlaku pada {date}, jadi iuran tidak dapat dihitung (tidak dianggap nol). ' +
        'Administrator Lindung harus menambahkan baris aturan itu beserta dasar hukumnya.',
      en:
        'No contribution rule {rule} is in force on {date}, so the contribution cannot be computed (it is not taken ' +
        'as zero). A Lindung administrator must add that rule row with its legal basis.',
    },
  },
  INCOME_NOT_IN_TABLE: {
    status: 422,
    message: {
      id: 'Penghasilan {income} tidak ada dalam tabel penghasilan BPU (PP 44/2015 Lampiran II) pada {date}. Pilih salah satu: {allowed}.',
      en: 'The income {income} is not in the BPU income table (PP 44/2015 Annex II) on {date}. Choose one of: {allowed}.',
    },
  },
  PROGRAM_NOT_AVAILABLE: {
    status: 422,
    message: {
      id: 'Program {programs} tidak tersedia untuk kategori {category}. Hapus program itu dari pilihan.',
      en: 'Programme {programs} is not available for category {category}. Remove it from the selection.',
    },
  },
  PROGRAM_REQUIRED: {
    status: 422,
    message: {
      id: 'Program wajib belum dipilih: {missing} ({reason}). Tambahkan program itu lalu hitung ulang.',
      en: 'Mandatory programme not selected: {missing} ({reason}). Add it and compute again.',
    },
  },
  RULE_OVERLAP: {
    status: 409,
    message: {
      id:
        'Baris aturan {rule} ({period}) tumpang tindih dengan baris yang sudah ada: {detail}. Riwayat aturan tidak ' +
        'diubah: pilih tanggal mulai sesudah baris yang ada berakhir. Tidak ada yang disimpan.',
      en:
        'The rule row {rule} ({period}) overlaps an existing row: {detail}. Rule history is not edited: choose a ' +
        'start date after the existing row ends. Nothing was saved.',
    },
  },
  RULE_CONFLICT: {
    status: 500,
    message: {
      id:
        'Tabel aturan iuran tidak konsisten: {detail}. Administrator Lindung harus memperbaiki baris aturan ' +
        '(kode permintaan {requestId}).',
      en:
        'The contribution rule table is inconsistent: {detail}. A Lindung administrator must correct the rule rows ' +
        '(request id {requestId}).',
    },
  },
  // Workers (issue 3). The detail is the NIK or phone rule's own message; nothing is saved.
  NIK_INVALID: {
    status: 400,
    message: {
      id: 'Kolom NIK: {detail} Data pekerja belum disimpan.',
      en: 'NIK field: {detail} The worker was not saved.',
    },
  },
  PHONE_INVALID: {
    status: 400,
    message: {
      id: 'Kolom No HP: {detail} Tulis satu nomor, misalnya 0812-3456-7890, atau kosongkan. Data pekerja belum disimpan.',
      en: 'Phone field: {detail} Enter one number, e.g. 0812-3456-7890, or leave it empty. The worker was not saved.',
    },
  },
  // Import files (issue 3): thrown by server/platform/spreadsheet/ as TabularError with these params.
  FILE_EMPTY: {
    status: 422,
    message: {
      id: 'Berkas {fileName} tidak berisi data: tidak ada baris judul kolom dengan baris data di bawahnya. Isi data pekerja di bawah judul kolom, lalu unggah ulang.',
      en: 'The file {fileName} holds no data: there is no header row with data rows below it. Fill in the workers below the header row, then upload again.',
    },
  },
  FILE_TYPE: {
    status: 415,
    message: {
      id: 'Berkas {fileName} berformat {format} yang tidak dapat dibaca. Buka di Excel atau LibreOffice, pilih Simpan Sebagai "Excel Workbook (.xlsx)" atau "CSV UTF-8", lalu unggah ulang.',
      en: 'The file {fileName} is in a format Lindung cannot read ({format}). Open it in Excel or LibreOffice, Save As "Excel Workbook (.xlsx)" or "CSV UTF-8", then upload again.',
    },
  },
  FILE_UNREADABLE: {
    status: 422,
    message: {
      id: 'Berkas {fileName} tidak dapat dibaca: {reasonId}. Perbaiki atau simpan ulang berkas di Excel atau LibreOffice sebagai .xlsx atau CSV, lalu unggah ulang.',
      en: 'The file {fileName} cannot be read: {reasonEn}. Repair it or save it again in Excel or LibreOffice as .xlsx or CSV, then upload again.',
    },
  },
  // Bounds of an uploaded spreadsheet (server/platform/spreadsheet/upload-limits.ts); nothing is stored when one is hit.
  FILE_UNPACKED_TOO_LARGE: {
    status: 422,
    message: {
      id: 'Berkas XLSX {fileName} terlalu besar setelah dibuka (lebih dari {limit}). Simpan ulang sebagai CSV atau pecah menjadi beberapa berkas, lalu unggah ulang.',
      en: 'The XLSX file {fileName} is too large once unpacked (more than {limit}). Save it again as CSV or split it into several files, then upload again.',
    },
  },
  FILE_PACKED_TOO_TIGHT: {
    status: 422,
    message: {
      id: 'Berkas XLSX {fileName} dipadatkan secara tidak wajar (bagian {entry} {ratio} kali lebih besar setelah dibuka; batas {limit} kali). Buka di Excel atau LibreOffice, simpan ulang sebagai .xlsx atau CSV, lalu unggah ulang.',
      en: 'The XLSX file {fileName} is packed unusually tightly (part {entry} grows {ratio} times once unpacked; the limit is {limit} times). Open it in Excel or LibreOffice, save it again as .xlsx or CSV, then upload again.',
    },
  },
  FILE_TOO_MANY_PARTS: {
    status: 422,
    message: {
      id: 'Berkas XLSX {fileName} berisi lebih dari {limit} bagian (lembar, gambar, dll.). Salin tabel data saja ke buku kerja baru atau simpan sebagai CSV, lalu unggah ulang.',
      en: 'The XLSX file {fileName} holds more than {limit} parts (sheets, pictures, …). Copy only the data table into a new workbook or save it as CSV, then upload again.',
    },
  },
  FILE_TOO_MANY_TEXTS: {
    status: 422,
    message: {
      id: 'Berkas XLSX {fileName} berisi lebih dari {limit} teks berbeda. Pecah menjadi beberapa berkas atau simpan sebagai CSV, lalu unggah ulang.',
      en: 'The XLSX file {fileName} holds more than {limit} distinct texts. Split it into several files or save it as CSV, then upload again.',
    },
  },
  FILE_CELL_TOO_LONG: {
    status: 422,
    message: {
      id: 'Berkas {fileName}, baris {row}, kolom {column}: isi sel lebih dari {limit} karakter. Periksa sel itu (mungkin tanda kutip tidak ditutup atau data tertempel berulang), perbaiki, lalu unggah ulang.',
      en: 'File {fileName}, row {row}, column {column}: the cell holds more than {limit} characters. Check that cell (perhaps an unclosed quote or pasted data), fix it, then upload again.',
    },
  },
  FILE_TOO_MANY_ROWS: {
    status: 422,
    message: {
      id: 'Berkas {fileName} berisi lebih dari {limit} baris data, batas untuk unggahan ini. Pecah berkas (mis. per kecamatan atau desa), lalu unggah satu per satu.',
      en: 'The file {fileName} holds more than {limit} data rows, the limit for this upload. Split the file (e.g. by district or village), then upload the parts one by one.',
    },
  },
  FILE_TOO_MANY_COLUMNS: {
    status: 422,
    message: {
      id: 'Berkas {fileName}, baris {row}: lebih dari {limit} kolom terisi. Hapus kolom di luar tabel data (sering sel kosong yang berformat jauh di kanan), lalu unggah ulang.',
      en: 'File {fileName}, row {row}: more than {limit} filled columns. Delete the columns outside the data table (often formatted empty cells far to the right), then upload again.',
    },
  },
  FILE_TOO_HEAVY: {
    status: 422,
    message: {
      id: 'Berkas {fileName} terlalu berat untuk dibaca (membutuhkan lebih dari {limit} memori); tidak ada yang disimpan. Simpan ulang sebagai CSV atau pecah menjadi beberapa berkas, lalu unggah ulang.',
      en: 'The file {fileName} is too heavy to read (it needs more than {limit} of memory); nothing was saved. Save it again as CSV or split it into several files, then upload again.',
    },
  },
  SHEET_NOT_FOUND: {
    status: 422,
    message: {
      id: 'Lembar "{sheet}" tidak ada di berkas {fileName}. Lembar yang ada: {sheets}. Pilih salah satu, lalu ulangi.',
      en: 'The sheet "{sheet}" is not in the file {fileName}. Its sheets are: {sheets}. Choose one of them and try again.',
    },
  },
  IMPORT_NOT_READY: {
    status: 409,
    message: {
      id: 'Impor ini berstatus "{status}", jadi langkah itu belum atau tidak lagi bisa dilakukan. Muat ulang halaman impor untuk melihat langkah berikutnya.',
      en: 'This import is "{status}", so that step cannot be taken now. Reload the import page to see the next step.',
    },
  },
  IMPORT_MAPPING_INVALID: {
    status: 400,
    message: {
      id: 'Pemetaan kolom belum lengkap: {detail} Pilih kolom untuk setiap isian wajib, lalu ulangi.',
      en: 'The column mapping is incomplete: {detail} Choose a column for every required field, then try again.',
    },
  },
  IMPORT_TOO_LARGE: {
    status: 413,
    message: {
      id: 'Berkas lebih besar dari {limit}. Bagi berkas per kecamatan atau gunakan perintah "lindung workers import" di server.',
      en: 'The file is larger than {limit}. Split it by district or use the "lindung workers import" command on the server.',
    },
  },
  // Protection programmes and enrollment (issue 5). Eligibility reasons per worker are not errors: they come back in
  // the result (lib/rules/eligibility.ts REASON_MESSAGES); these codes refuse a whole request.
  QUOTA_FULL: {
    status: 409,
    message: {
      id: 'Kuota program "{program}" tidak cukup: {detail} Tolak usulan atau akhiri kepesertaan lebih dulu, atau naikkan kuota. Tidak ada yang disimpan.',
      en: 'The quota of programme "{program}" is not enough: {detail} Reject proposals or end enrollments first, or raise the quota. Nothing was saved.',
    },
  },
  BUDGET_EXCEEDED: {
    status: 409,
    message: {
      id: 'Pagu anggaran program "{program}" tidak cukup: {detail} Naikkan pagu, atau kurangi kepesertaan lebih dulu. Tidak ada yang disimpan.',
      en: 'The budget ceiling of programme "{program}" is not enough: {detail} Raise the ceiling, or reduce enrollments first. Nothing was saved.',
    },
  },
  PROGRAM_PERIOD_LOCKED: {
    status: 409,
    message: {
      id: 'Periode program "{program}" tidak dapat diubah karena {held} slot sudah terisi. Buat program baru untuk periode lain, atau tolak/akhiri semua kepesertaan lebih dulu.',
      en: 'The period of programme "{program}" cannot change because {held} slots are held. Create a new programme for another period, or reject/end every enrollment first.',
    },
  },
  PROPOSAL_NIK_COLUMN: {
    status: 422,
    message: {
      id: 'Berkas {fileName} tidak punya kolom NIK (judul kolom "NIK" atau "No KTP" di baris pertama). Tambahkan kolom NIK berformat Teks, lalu unggah ulang.',
      en: 'The file {fileName} has no NIK column (a column headed "NIK" or "No KTP" in the first row). Add a NIK column formatted as Text, then upload again.',
    },
  },
  PROGRAM_CLOSED: {
    status: 409,
    message: {
      id: 'Periode program "{program}" sudah berakhir ({end}), jadi tidak ada bulan tersisa untuk usulan baru. Usulkan ke program periode berikutnya.',
      en: 'The period of programme "{program}" is over ({end}), so no month is left for new proposals. Propose to the next period’s programme.',
    },
  },
  ENROLLMENT_STATE: {
    status: 409,
    message: {
      id: 'Kepesertaan {worker} berstatus "{status}", jadi tidak dapat {action}. Muat ulang daftar lalu pilih baris berstatus {expected}. Tidak ada yang disimpan.',
      en: 'The enrollment of {worker} is "{status}", so it cannot be {action}. Reload the list and choose rows that are {expected}. Nothing was saved.',
    },
  },
  NOTHING_TO_SUBMIT: {
    status: 409,
    message: {
      id: 'Belum ada kepesertaan terverifikasi di program "{program}" untuk dikirim ke BPJS Ketenagakerjaan. Verifikasi usulan lebih dulu.',
      en: 'Programme "{program}" has no verified enrollment to send to BPJS Ketenagakerjaan. Verify proposals first.',
    },
  },
  // Coverage denominators, targets and the monthly report (issue 6 §1, §3, §5).
  DENOMINATOR_FILE_INVALID: {
    status: 422,
    message: {
      id: 'Berkas {fileName} tidak disimpan karena ada {count} masalah (baris, kolom dan cara memperbaikinya ada di daftar). Perbaiki di Excel lalu unggah ulang; tidak ada angka yang disimpan.',
      en: 'The file {fileName} was not saved because it has {count} problems (row, column and how to fix each are listed). Fix them in Excel and upload again; no figure was saved.',
    },
  },
  REPORT_NOT_READY: {
    status: 409,
    message: {
      id: 'Laporan ini berstatus "{status}", jadi berkasnya belum dapat diunduh. Tunggu sampai selesai, atau buat ulang bila gagal.',
      en: 'This report is "{status}", so its file cannot be downloaded yet. Wait until it is done, or generate it again if it failed.',
    },
  },
  // Bills, payments and the coverage check (issue 5, part 4).
  PAYMENT_EXCEEDS_BALANCE: {
    status: 409,
    message: {
      id: 'Pembayaran {amount} melebihi sisa tagihan "{program}" bulan {month} sebesar {remaining}. Catat paling banyak {remaining}; kelebihan bayar tidak dikreditkan ke bulan lain. Tidak ada yang disimpan.',
      en: 'The payment of {amount} exceeds the remaining {remaining} of the "{program}" bill for {month}. Record at most {remaining}; overpayments are not credited to other months. Nothing was saved.',
    },
  },
  PAYMENT_REFERENCE_TAKEN: {
    status: 409,
    message: {
      id: 'Referensi pembayaran {reference} sudah dicatat untuk program {program} (pembayaran {paidOn}, tagihan {month}). Satu nomor SP2D/transfer dicatat sekali per program: periksa nomornya, atau lihat daftar pembayaran bila pembayaran ini sudah tercatat. Tidak ada yang disimpan.',
      en: 'Payment reference {reference} is already recorded for programme {program} (payment of {paidOn}, bill {month}). One SP2D/transfer number is recorded once per programme: check the number, or look in the payment list if this payment is already recorded. Nothing was saved.',
    },
  },
  BILL_ALREADY_PAID: {
    status: 409,
    message: {
      id: 'Tagihan "{program}" bulan {month} sudah lunas. Pilih tagihan lain yang belum lunas. Tidak ada yang disimpan.',
      en: 'The "{program}" bill for {month} is already paid in full. Choose another unpaid bill. Nothing was saved.',
    },
  },
  COVERAGE_NIK_INVALID: {
    status: 400,
    message: {
      id: 'Kolom NIK: {detail} Periksa 16 digit NIK pada KTP lalu ulangi.',
      en: 'NIK field: {detail} Check the 16 digits of the NIK on the ID card and try again.',
    },
  },
  DB_UNAVAILABLE: {
    status: 503,
    message: {
      id: 'Basis data tidak dapat dihubungi. Coba lagi sebentar lagi atau hubungi admin.',
      en: 'The database cannot be reached. Try again shortly or contact the administrator.',
    },
  },
  INTERNAL: {
    status: 500,
    message: {
      id: 'Terjadi kesalahan pada server (kode permintaan {requestId}). Sampaikan kode ini kepada admin.',
      en: 'A server error occurred (request id {requestId}). Give this id to the administrator.',
    },
  },
  // BPJS exchange (issue 5, part 3). Row problems of a response or snapshot file come back as issues with the row
  // and column; these codes refuse the whole file or request.
  EXCHANGE_FILE_REJECTED: {
    status: 422,
    message: {
      id: 'Berkas {fileName} tidak diterapkan karena ada {count} masalah; yang pertama: {first} Perbaiki semua baris yang disebut lalu unggah ulang. Tidak ada yang disimpan.',
      en: 'The file {fileName} was not applied because it has {count} problems; the first: {first} Correct every row listed, then upload again. Nothing was saved.',
    },
  },
  EXCHANGE_COLUMNS_MISSING: {
    status: 422,
    message: {
      id: 'Berkas {fileName} tidak memuat kolom {missing}. Judul kolom yang dikenali: {known}. Tambahkan kolom itu di baris judul lalu unggah ulang. Tidak ada yang disimpan.',
      en: 'The file {fileName} has no {missing} column. Recognised headers: {known}. Add that column to the header row, then upload again. Nothing was saved.',
    },
  },
  EXCHANGE_PENDING: {
    status: 409,
    message: {
      id: 'Jawaban BPJS untuk batch {batch} belum tersedia. Coba lagi dalam {seconds} detik.',
      en: 'The BPJS response for batch {batch} is not available yet. Try again in {seconds} seconds.',
    },
  },
  EXCHANGE_SIMULATOR_OFF: {
    status: 409,
    message: {
      id: 'Simulator BPJS tidak aktif di server ini. Unduh berkas batch, kirim ke kantor cabang BPJS Ketenagakerjaan, lalu unggah berkas jawabannya.',
      en: 'The BPJS simulator is not enabled on this server. Download the batch file, send it to the BPJS Ketenagakerjaan branch, then upload its response file.',
    },
  },
  RECONCILIATION_ACTION_STALE: {
    status: 409,
    message: {
      id: 'Tindakan "{action}" tidak dapat dilakukan untuk peserta ini: {detail}. Muat ulang halaman rekonsiliasi lalu periksa barisnya lagi.',
      en: 'The action "{action}" cannot be taken for this participant: {detail}. Reload the reconciliation page and check the row again.',
    },
  },
  VILLAGE_CHECK_CLOSED: {
    status: 409,
    message: {
      id: 'Permintaan cek nomor {id} sudah dijawab oleh {by}. Muat ulang daftar permintaan cek.',
      en: 'Check request {id} has already been answered by {by}. Reload the list of check requests.',
    },
  },
  BACKUP_NEWER_SCHEMA: {
    status: 409,
    message: {
      id: 'Berkas cadangan dibuat oleh Lindung yang lebih baru (migrasi {migration}; versi ini berhenti di {latest}). Pulihkan dengan Lindung versi yang sama atau lebih baru.',
      en: 'The backup file was made by a newer Lindung (migration {migration}; this version stops at {latest}). Restore it with the same or a newer Lindung version.',
    },
  },
  BACKUP_TARGET_NOT_EMPTY: {
    status: 409,
    message: {
      id: 'Basis data tujuan sudah berisi data Lindung. Pulihkan ke direktori data (LINDUNG_DATA_DIR) atau basis data (DATABASE_URL) yang baru dan kosong.',
      en: 'The target database already holds Lindung data. Restore into a new, empty data directory (LINDUNG_DATA_DIR) or database (DATABASE_URL).',
    },
  },
  BACKUP_INVALID: {
    status: 400,
    message: {
      id: 'Berkas cadangan tidak dapat dipulihkan: {detail}. Periksa bahwa berkas lengkap (tidak terpotong saat disalin) atau pakai cadangan lain.',
      en: 'The backup file cannot be restored: {detail}. Check that the file is complete (not cut off while copying) or use another backup.',
    },
  },
  ...MODULE_ERRORS,
} as const satisfies Record<string, { status: number; message: Bilingual }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

/** The JSON body of every error response. */
export type ErrorBody = {
  error: {
    code: ErrorCode;
    message: string;
    requestId: string;
    issues?: { path: string; message: string }[];
  };
};
