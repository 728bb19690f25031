// The letter with which Disnaker asks the Pemda's licensing (DPMPTSP) and procurement units to withhold certain
// public services from an employer, at the BPJS branch's request (UU 24/2011 Pasal 17; PP 86/2013), as PDF
// (pdfmake, standard Helvetica, like the claims cover letter). Indonesian: the letter is official. Cites regulations
// only.
import { letterDocument, pdfmake } from '../../platform/pdf.ts';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { EmployerDetail } from '../../../lib/contracts/employers.ts';
import { dateName } from '../../../lib/rules/lapse.ts';

export type SanctionLetter = {
  employer: EmployerDetail;
  branchReference: string;
  branchDate: string;
  madeBy: string;
  madeOn: string;
};

export function sanctionLetterDocument(l: SanctionLetter): TDocumentDefinitions {
  const e = l.employer;
  const facts: [string, string][] = [
    ['Nama badan usaha', e.name],
    ['NIB', e.nib],
    ['NPWP', e.npwp ?? '-'],
    ['NPP BPJS Ketenagakerjaan', e.npp ?? '-'],
    ['Lokasi', e.villageLabel],
    ['Alamat', e.address ?? '-'],
    ['Keadaan kepesertaan', e.reason],
    ['Data cabang per', e.snapshotAsOf ? dateName(e.snapshotAsOf) : '-'],
  ];
  const warnings = e.warningHistory.map((w) => [`Peringatan tertulis ${w.seq}`, w.reference, dateName(w.issuedOn)]);
  const content: Content[] = [
    { text: 'Permintaan Pengenaan Sanksi Tidak Mendapat Pelayanan Publik Tertentu', style: 'h1' },
    { text: 'Kepada: Kepala DPMPTSP dan Kepala Unit Pengadaan Barang/Jasa', margin: [0, 0, 0, 2] },
    { text: `Tanggal: ${dateName(l.madeOn)}`, margin: [0, 0, 0, 10] },
    {
      text:
        `Menindaklanjuti surat BPJS Ketenagakerjaan Kantor Cabang nomor ${l.branchReference} tanggal ` +
        `${dateName(l.branchDate)}, dan berdasarkan Undang-Undang Nomor 24 Tahun 2011 Pasal 17 serta Peraturan ` +
        'Pemerintah Nomor 86 Tahun 2013, bersama ini kami mohon agar kepada pemberi kerja berikut dikenakan sanksi ' +
        'tidak mendapat pelayanan publik tertentu (antara lain perizinan berusaha, izin mengikuti tender proyek, ' +
        'izin mempekerjakan tenaga kerja asing, izin perusahaan penyedia jasa pekerja/buruh, dan izin mendirikan ' +
        'bangunan) sampai kewajibannya dipenuhi.',
      margin: [0, 0, 0, 10],
    },
    {
      table: { widths: [150, '*'], body: facts.map(([k, v]) => [{ text: k, bold: true }, v]) },
      layout: 'lightHorizontalLines',
    },
    { text: 'Riwayat teguran', style: 'h2' },
    {
      table: {
        headerRows: 1,
        widths: [130, '*', 110],
        body: [['Teguran', 'Nomor surat', 'Tanggal'].map((h) => ({ text: h, bold: true })), ...warnings],
      },
      layout: 'lightHorizontalLines',
    },
    {
      text:
        'Sanksi dicabut setelah BPJS Ketenagakerjaan menyatakan pemberi kerja telah mendaftarkan pekerjanya dan ' +
        'melunasi iurannya.',
      margin: [0, 12, 0, 0],
    },
    { text: `Dibuat oleh: ${l.madeBy}`, margin: [0, 24, 0, 0] },
    { text: 'Dibuat oleh Lindung; pembuatan surat ini tercatat di jejak audit.', style: 'small', margin: [0, 8, 0, 0] },
  ];
  return letterDocument(`Permintaan sanksi ${e.nib}`, content);
}

export async function sanctionLetterPdf(l: SanctionLetter): Promise<Buffer> {
  return pdfmake.createPdf(sanctionLetterDocument(l)).getBuffer();
}
