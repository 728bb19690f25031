// The demo's entry in the governance register (issues 16, 17): a Perbup of Kab. Bantul on employment social security
// for vulnerable workers, enacted with its signed PDF, so the Paritrana self-assessment can cite it from the register.
// The PDF is made here (pdfmake, standard Helvetica) and says on every page that it is demo data, not a real Perbup.
import type { FileStoreConfig } from '../../platform/file-store.ts';
import { pdfmake } from '../../platform/pdf.ts';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { systemContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db.ts';
import { createInstrument, governanceFiles, uploadInstrumentFile } from '../governance/index.ts';

export const DEMO_PERBUP = {
  number: '12',
  title: 'Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan',
  signedOn: '2025-03-10',
  fileName: 'perbup-bantul-12-2025.pdf',
} as const;

function perbupDocument(): TDocumentDefinitions {
  const article = (n: number, text: string): Content[] => [
    { text: `Pasal ${n}`, alignment: 'center', bold: true, margin: [0, 10, 0, 4] },
    { text },
  ];
  return {
    pageSize: 'A4',
    pageMargins: [60, 60, 60, 60],
    header: { text: 'CONTOH DATA DEMO LINDUNG: bukan dokumen resmi', alignment: 'center', fontSize: 8, margin: 20 },
    content: [
      { text: 'BUPATI BANTUL', alignment: 'center', bold: true, fontSize: 13 },
      { text: 'DAERAH ISTIMEWA YOGYAKARTA', alignment: 'center', bold: true, margin: [0, 0, 0, 16] },
      {
        text: `PERATURAN BUPATI BANTUL NOMOR ${DEMO_PERBUP.number} TAHUN 2025`,
        alignment: 'center',
        bold: true,
      },
      { text: 'TENTANG', alignment: 'center', margin: [0, 4, 0, 4] },
      { text: DEMO_PERBUP.title.toUpperCase(), alignment: 'center', bold: true, margin: [0, 0, 0, 16] },
      { text: 'Mengingat:', bold: true },
      {
        ol: [
          'Undang-Undang Nomor 24 Tahun 2011 tentang Badan Penyelenggara Jaminan Sosial;',
          'Peraturan Pemerintah Nomor 86 Tahun 2013 tentang Tata Cara Pengenaan Sanksi Administratif kepada Pemberi Kerja Selain Penyelenggara Negara dan Setiap Orang, Selain Pemberi Kerja, Pekerja, dan Penerima Bantuan Iuran dalam Penyelenggaraan Jaminan Sosial;',
          'Instruksi Presiden Nomor 2 Tahun 2021 tentang Optimalisasi Pelaksanaan Program Jaminan Sosial Ketenagakerjaan.',
        ],
        margin: [0, 4, 0, 12],
      },
      { text: 'MEMUTUSKAN:', bold: true, alignment: 'center' },
      ...article(
        1,
        'Pemerintah Kabupaten mendaftarkan pekerja rentan yang bertempat tinggal di Kabupaten Bantul sebagai peserta program Jaminan Kecelakaan Kerja dan Jaminan Kematian, dengan iuran dibiayai Anggaran Pendapatan dan Belanja Daerah.',
      ),
      ...article(
        2,
        'Dinas yang membidangi ketenagakerjaan menetapkan calon peserta dari data desa/kelurahan, memverifikasinya, dan melaporkan kepesertaan setiap bulan kepada Bupati.',
      ),
      ...article(3, 'Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.'),
      { text: 'Ditetapkan di Bantul pada tanggal 10 Maret 2025', margin: [260, 24, 0, 0] },
      { text: 'BUPATI BANTUL,', margin: [260, 4, 0, 40] },
      { text: '(tanda tangan)', italics: true, margin: [260, 0, 0, 0] },
    ],
    defaultStyle: { font: 'Helvetica', fontSize: 10, lineHeight: 1.2 },
  };
}

/**
 * Records the Perbup, enacted and in force from its signing, for the regency; with `files` (the running Lindung's
 * file store) its signed PDF goes into the register's store too.
 */
export async function seedDemoGovernance(
  database: Database,
  o: { regency: string; files?: string | FileStoreConfig | undefined },
) {
  const ctx = systemContext('demo');
  const perbup = await createInstrument(database.app, ctx, {
    region: o.regency,
    kind: 'perbup',
    stage: null,
    number: DEMO_PERBUP.number,
    title: DEMO_PERBUP.title,
    signedOn: DEMO_PERBUP.signedOn,
    effectiveFrom: DEMO_PERBUP.signedOn,
    effectiveUntil: null,
    issuer: 'Bupati Bantul',
    counterparty: null,
    regionsCovered: [],
    subjectTags: ['pekerja_rentan', 'anggaran'],
    status: 'enacted',
    programIds: [],
    targetIds: [],
  });
  if (o.files) {
    const pdf = await pdfmake.createPdf(perbupDocument()).getBuffer();
    await uploadInstrumentFile(governanceFiles(database.app, o.files), ctx, perbup.id, DEMO_PERBUP.fileName, pdf);
  }
}
