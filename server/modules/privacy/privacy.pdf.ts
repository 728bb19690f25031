// "Data saya" as PDF (pdfmake, the standard Helvetica fonts like the monthly report): the same content as the JSON,
// laid out for the person to read, in Indonesian.
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatRupiah } from '../../../lib/rules/money.ts';
import type { PersonalData } from './privacy.service.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

/** "5 Sep 1985" from YYYY-MM-DD (or an ISO timestamp, in WIB). */
function dateText(value: string | Date | null | undefined): string {
  if (!value) return '-';
  const iso =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? value
      : new Date(new Date(value).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

const text = (v: unknown): string => (v === null || v === undefined || v === '' ? '-' : String(v));

export function personalDataDocument(data: PersonalData): TDocumentDefinitions {
  const w = data.worker;
  const rows: [string, string][] = [
    ['NIK', w.nik],
    ['Nama lengkap', w.fullName],
    ['Tempat, tanggal lahir', `${text(w.birthPlace)}, ${dateText(w.birthDate)}`],
    ['Jenis kelamin', w.sex === 'P' ? 'Perempuan' : 'Laki-laki'],
    ['Alamat', `${text(w.address)} RT ${text(w.rt)} RW ${text(w.rw)}`],
    ['Desa/kelurahan', `${w.villageLabel} (${w.village})`],
    ['Nomor HP', text(w.phone)],
    ['Pekerjaan (segmen)', w.segment],
    ['Kategori peserta', w.category],
    ['Penghasilan per bulan', w.monthlyIncome === null ? '-' : formatRupiah(w.monthlyIncome)],
    ['Kerentanan', w.vulnerability.length ? w.vulnerability.join(', ') : '-'],
    ['Nomor KPJ', text(w.kpjNumber)],
    ['Status hidup', w.lifeStatus === 'deceased' ? `Meninggal ${dateText(w.deathDate)}` : 'Hidup'],
    ['Sumber data', w.source],
    ['Dicatat', dateText(w.createdAt)],
    ['Terakhir diubah', dateText(w.updatedAt)],
  ];
  const content: Content[] = [
    { text: 'Data Pribadi yang Disimpan di Lindung', style: 'h1' },
    {
      text:
        `Salinan ini dibuat atas permintaan subjek data (${data.legalBasis}). Dibuat ${dateText(data.generatedAt)} ` +
        `oleh ${data.generatedBy}; pembuatan salinan tercatat di jejak audit.`,
      style: 'small',
      margin: [0, 0, 0, 10],
    },
    { text: '1. Data pekerja', style: 'h2' },
    {
      table: { widths: [140, '*'], body: rows.map(([k, v]) => [{ text: k, bold: true }, v]) },
      layout: 'lightHorizontalLines',
    },
    { text: '2. Kepesertaan program perlindungan', style: 'h2' },
    data.enrollments.length
      ? {
          table: {
            headerRows: 1,
            widths: ['*', 60, 55, 55, 70, 60],
            body: [
              ['Program', 'Status', 'Mulai', 'Sampai', 'KPJ', 'Lunas sampai'].map((h) => ({ text: h, bold: true })),
              ...data.enrollments.map((e) => [
                e.program,
                e.status,
                e.firstMonth.slice(0, 7),
                e.lastMonth.slice(0, 7),
                text(e.kpj),
                e.paidThrough ? e.paidThrough.slice(0, 7) : '-',
              ]),
            ],
          },
          layout: 'lightHorizontalLines',
          style: 'small',
        }
      : { text: 'Tidak ada.', italics: true },
    { text: '3. Status perlindungan hari ini', style: 'h2' },
    { text: `${data.coverage.covered ? 'Tertanggung' : 'Tidak tertanggung'}: ${data.coverage.reason}` },
    data.coverage.programs.length
      ? {
          ul: data.coverage.programs.map(
            (p) =>
              `${p.program}: ${p.state}, KPJ ${text(p.kpj)}, mulai ${dateText(p.coverageStart)}` +
              (p.paidThrough ? `, lunas sampai ${p.paidThrough}` : ''),
          ),
          style: 'small',
          margin: [0, 4, 0, 0],
        }
      : { text: '' },
    { text: '4. Riwayat perubahan dan akses data', style: 'h2' },
    data.history.length
      ? {
          table: {
            headerRows: 1,
            widths: [70, 70, 110, '*'],
            body: [
              ['Waktu', 'Oleh', 'Tindakan', 'Perubahan'].map((h) => ({ text: h, bold: true })),
              ...data.history.map((h) => [
                dateText(h.at),
                text(h.actor),
                h.action,
                h.changes.map((c) => `${c.field}: ${text(c.before)} -> ${text(c.after)}`).join('\n') || '-',
              ]),
            ],
          },
          layout: 'lightHorizontalLines',
          style: 'small',
        }
      : { text: 'Tidak ada.', italics: true },
  ];
  return {
    info: { title: `Data pribadi ${w.fullName}`, creator: 'Lindung' },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    defaultStyle: { font: 'Helvetica', fontSize: 10 },
    styles: {
      h1: { fontSize: 15, bold: true, margin: [0, 0, 0, 4] },
      h2: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
      small: { fontSize: 8.5 },
    },
    content,
  };
}

export async function renderPersonalDataPdf(data: PersonalData): Promise<Buffer> {
  return pdfmake.createPdf(personalDataDocument(data)).getBuffer();
}
