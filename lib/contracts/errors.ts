import type { Bilingual } from '../i18n/locale.ts';

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
  ACCOUNT_LOCKED: {
    status: 423,
    message: {
      id: 'Akun dikunci sementara karena terlalu banyak percobaan masuk yang gagal. Coba lagi setelah {until}.',
      en: 'The account is temporarily locked after too many failed sign-in attempts. Try again after {until}.',
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
