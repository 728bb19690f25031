// The cover letter with which a claim file is handed to BPJS Ketenagakerjaan (issue 15 §5), as PDF (pdfmake, the
// standard Helvetica fonts, like reports and privacy): the claim, the estimate and every document with its SHA-256,
// so the branch can check that the files it receives are the ones listed. Indonesian (the letter is official).
import { letterDocument, pdfmake } from '../../platform/pdf.ts';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DocumentChecklist } from '../../../lib/contracts/claims-workflow.ts';
import { dateName } from '../../../lib/rules/lapse.ts';
import { formatRupiah } from '../../../lib/rules/money.ts';
import { maskNik } from '../../../lib/rules/nik.ts';
import type { WorkClaim } from './workflow.repository.ts';
import { ITEM_WORDS } from './claims.words.ts';

// The standard PDF fonts (no font files to ship); set here too so the letter does not depend on reports loading.

export type CoverLetter = {
  claim: WorkClaim;
  regionLabel: string;
  documents: DocumentChecklist;
  handedBy: string;
  handedOn: string;
};

const TYPE = { jkm: 'Jaminan Kematian (JKM)', jkk: 'Jaminan Kecelakaan Kerja (JKK)' } as const;

export function coverLetterDocument(l: CoverLetter): TDocumentDefinitions {
  const c = l.claim;
  const facts: [string, string][] = [
    ['Nomor klaim Lindung', String(c.id)],
    ['Program', TYPE[c.type]],
    ['Nama peserta', c.full_name],
    ['NIK', maskNik(c.nik)],
    ['Nomor KPJ', c.kpj_number ?? '-'],
    ['Kepesertaan', c.program_name ? `${c.program_name}${c.funder ? ` (${c.funder})` : ''}` : '-'],
    ['Tanggal kejadian', dateName(c.event_date)],
    ['Tempat kejadian', c.place],
    ['Desa/kelurahan', l.regionLabel],
    ['Perkiraan manfaat', formatRupiah(Number(c.estimate_total))],
  ];
  const rows = l.documents.items.flatMap((e) =>
    e.documents.map((d, i) => [
      i === 0 ? ITEM_WORDS[e.item].id : '',
      d.fileName,
      `${Math.ceil(d.sizeBytes / 1024)} KB`,
      { text: d.sha256, style: 'mono' },
    ]),
  );
  const content: Content[] = [
    { text: 'Surat Pengantar Berkas Klaim', style: 'h1' },
    { text: `Kepada: BPJS Ketenagakerjaan, Kantor Cabang`, margin: [0, 0, 0, 2] },
    { text: `Tanggal: ${dateName(l.handedOn)}`, margin: [0, 0, 0, 10] },
    {
      text:
        'Bersama ini kami serahkan berkas klaim berikut untuk diproses. Berkas telah diperiksa lengkap menurut ' +
        'daftar dokumen klaim; sidik jari SHA-256 setiap dokumen tercantum agar berkas yang diterima dapat dicocokkan.',
      margin: [0, 0, 0, 10],
    },
    {
      table: { widths: [150, '*'], body: facts.map(([k, v]) => [{ text: k, bold: true }, v]) },
      layout: 'lightHorizontalLines',
    },
    { text: 'Dokumen terlampir', style: 'h2' },
    {
      table: {
        headerRows: 1,
        widths: [130, '*', 45, 170],
        body: [['Dokumen', 'Nama berkas', 'Ukuran', 'SHA-256'].map((h) => ({ text: h, bold: true })), ...rows],
      },
      layout: 'lightHorizontalLines',
      style: 'small',
    },
    { text: `Diserahkan oleh: ${l.handedBy}`, margin: [0, 24, 0, 0] },
    {
      text: 'Dibuat oleh Lindung; pengunduhan surat ini tercatat di jejak audit.',
      style: 'small',
      margin: [0, 8, 0, 0],
    },
  ];
  const letter = letterDocument(`Surat pengantar klaim ${c.id}`, content, { h1Size: 15 });
  // The documents' SHA-256 lines, in small print.
  return { ...letter, styles: { ...letter.styles, mono: { fontSize: 6.5 } } };
}

export async function renderCoverLetter(l: CoverLetter): Promise<Buffer> {
  return pdfmake.createPdf(coverLetterDocument(l)).getBuffer();
}
