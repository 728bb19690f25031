// The letter inviting one person whose funded membership ended to continue as a self-paid BPU participant (issue 18
// §5), as PDF (pdfmake, standard Helvetica, like the other letters). Indonesian: the letter goes to the person. It
// cites regulations only: the legal basis of each contribution line comes from the contribution rules' rows.
import { letterDocument, pdfmake } from '../../platform/pdf.ts';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ContinuationPerson } from '../../../lib/contracts/programs.ts';
import { word } from '../../../lib/i18n/words.ts';
import { dateName, monthName } from '../../../lib/rules/lapse.ts';
import { formatRupiah } from '../../../lib/rules/money.ts';
import { CONTINUATION_WORDS } from './pu.words.ts';

export type ContinuationLetter = { person: ContinuationPerson; today: string; madeBy: string };

export function continuationLetterDocument(l: ContinuationLetter): TDocumentDefinitions {
  const p = l.person;
  const facts: [string, string][] = [
    ['Nama', p.fullName],
    ['NIK', p.nikMasked],
    ['Desa/Kelurahan', p.villageLabel],
    ['Program yang berakhir', p.programName],
    ['Bulan terakhir ditanggung', monthName(p.lastMonth)],
    ['Alasan berakhir', word(CONTINUATION_WORDS[p.reason], 'id')],
    ['Upah/penghasilan terakhir', formatRupiah(p.earnings)],
    ['Penghasilan BPU yang dilaporkan', formatRupiah(p.bpuIncome)],
    ['Iuran JKK + JKM per bulan', formatRupiah(p.monthly)],
    ['Perlakuan PP 50/2025', p.treatment],
  ];
  const content: Content[] = [
    { text: 'Ajakan Melanjutkan Kepesertaan BPJS Ketenagakerjaan secara Mandiri', style: 'h1' },
    { text: `Tanggal: ${dateName(l.today)}`, margin: [0, 0, 0, 10] },
    { text: `Kepada Yth. ${p.fullName}`, margin: [0, 0, 0, 10] },
    {
      text:
        `Kepesertaan Saudara dalam program "${p.programName}" yang iurannya dibayar pemerintah berakhir pada ` +
        `${monthName(p.lastMonth)}. Perlindungan Jaminan Kecelakaan Kerja (JKK) dan Jaminan Kematian (JKM) dapat ` +
        'dilanjutkan dengan mendaftar sebagai peserta Bukan Penerima Upah (BPU) dan membayar iuran sendiri setiap ' +
        'bulan. Perkiraan iuran menurut aturan yang berlaku pada tanggal surat ini:',
      margin: [0, 0, 0, 10],
    },
    {
      table: { widths: [170, '*'], body: facts.map(([k, v]) => [{ text: k, bold: true }, v]) },
      layout: 'lightHorizontalLines',
    },
    { text: 'Dasar hukum', style: 'h2' },
    { text: p.basis },
    {
      text:
        'Pendaftaran dapat dilakukan di kantor cabang BPJS Ketenagakerjaan atau melalui Dinas Tenaga Kerja. ' +
        'Bawalah KTP. Iuran dibayar setiap bulan; perlindungan berlaku selama iuran dibayar.',
      margin: [0, 12, 0, 0],
    },
    { text: `Dibuat oleh: ${l.madeBy}`, margin: [0, 24, 0, 0] },
    { text: 'Dibuat oleh Lindung; pembuatan surat ini tercatat di jejak audit.', style: 'small', margin: [0, 8, 0, 0] },
  ];
  return letterDocument(`Lanjutkan mandiri ${p.nikMasked}`, content);
}

export async function continuationLetterPdf(l: ContinuationLetter): Promise<Buffer> {
  return pdfmake.createPdf(continuationLetterDocument(l)).getBuffer();
}
