// Server display words of the governance module (issue 16): entity names for errors, kinds for exports.
import type { Bilingual } from '../../../lib/i18n/locale.ts';

export const ENTITY_WORDS = {
  instrument: { id: 'Produk hukum atau perjanjian', en: 'Legal instrument or agreement' },
  file: { id: 'Berkas', en: 'File' },
  organisation: { id: 'Organisasi', en: 'Organisation' },
  plan: { id: 'Rencana kerja', en: 'Work plan' },
  item: { id: 'Rencana aksi', en: 'Action item' },
  meeting: { id: 'Rapat', en: 'Meeting' },
  decision: { id: 'Keputusan rapat', en: 'Meeting decision' },
  region: { id: 'Wilayah', en: 'Region' },
} satisfies Record<string, Bilingual>;

export const CONFLICT_WORDS = {
  notPdf: {
    id: 'Berkas {fileName} bukan PDF. Unggah hasil pindaian dokumen yang ditandatangani dalam bentuk PDF.',
    en: 'The file {fileName} is not a PDF. Upload the scan of the signed document as a PDF.',
  },
  tooLarge: {
    id: 'Berkas {fileName} lebih besar dari {limit} bita. Perkecil hasil pindaian lalu unggah lagi.',
    en: 'The file {fileName} is larger than {limit} bytes. Reduce the scan and upload it again.',
  },
  organisationTaken: {
    id: 'Organisasi "{name}" sudah ada di wilayah ini. Pakai organisasi yang ada.',
    en: 'The organisation "{name}" already exists in this region. Use the existing one.',
  },
  decisionUsed: {
    id: 'Keputusan ini sudah menjadi rencana aksi. Buka rencana kerjanya untuk mengubahnya.',
    en: 'This decision is already an action item. Open its work plan to change it.',
  },
  fileChanged: {
    id: 'Berkas instrumen {id} tidak cocok dengan SHA-256 di register (baru diganti atau rusak). Muat ulang halaman lalu coba lagi; bila tetap, unggah ulang PDF-nya di register.',
    en: 'The file of instrument {id} does not match the SHA-256 in the register (just replaced or damaged). Reload the page and try again; if it persists, upload the PDF to the register again.',
  },
  unknownOrganisation: {
    id: 'Organisasi {id} tidak ada di wilayah Anda. Pilih organisasi dari daftar saluran.',
    en: 'Organisation {id} is not in your area. Pick an organisation from the channel list.',
  },
  unknownVillage: {
    id: 'Desa/kelurahan {code} bukan desa/kelurahan di wilayah {region}. Pilih desa dari daftar wilayah rapat.',
    en: 'Village {code} is not a village of region {region}. Pick a village of the meeting’s region.',
  },
} satisfies Record<string, Bilingual>;

/** The words of a channel that was not recorded (rows before issue 16, callers that name none). */
export const UNKNOWN_CHANNEL: Bilingual = { id: 'Tidak diketahui', en: 'Unknown' };
