// The monthly report as PDF (pdfmake on the server, the standard Helvetica fonts: no font files to ship). A pure
// layout of ReportFigures; the text stays in the WinAnsi range those fonts can print.
import { pdfmake } from '../../platform/pdf.ts';
import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import { formatNumber, formatRupiah, formatRupiahShort } from '../../../lib/rules/money.ts';
import { ruleLabel } from '../../../lib/rules/rule-labels.ts';
import { terbilangRupiah } from '../../../lib/rules/terbilang.ts';
import { barChartSvg, lineChartSvg } from './reports.charts.ts';
import { claimsSection } from './reports.claims.ts';
import { monthLabelId, type ReportFigures } from './reports.figures.ts';
import { wordsIn } from '../../../lib/i18n/words.ts';
import { CATEGORY_BUDGET_WORDS, CATEGORY_WORDS, FUNDER_WORDS, KIND_WORDS } from './reports.words.ts';

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

export function shortMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${SHORT_MONTHS[m - 1]} ${String(y).slice(2)}`;
}

/** "23 Nov 2026 14.05 WIB" */
export function wibStamp(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 7 * 3_600_000);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${SHORT_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${hh}.${mm} WIB`;
}

export const pct = (n: number | null) => (n === null ? '-' : `${n.toFixed(2).replace('.', ',')}%`);
export const num = (n: number | null) => (n === null ? '-' : formatNumber(n));

// The report is an Indonesian document: its indicator and funder words are the 'id' ones (reports.words.ts).
export const KIND_LABEL: Record<string, string> = wordsIn(KIND_WORDS, 'id');

export const FUNDER_LABEL: Record<string, string> = wordsIn(FUNDER_WORDS, 'id');

export const CATEGORY_LABEL: Record<string, string> = wordsIn(CATEGORY_WORDS, 'id');
export const CATEGORY_BUDGET_LABEL: Record<string, string> = wordsIn(CATEGORY_BUDGET_WORDS, 'id');

export function monthsToTargetText(n: number | null): string {
  if (n === null) return 'tidak tercapai dengan laju sekarang';
  if (n === 0) return 'sudah tercapai';
  return `${formatNumber(n)} bulan`;
}

const th = (text: string): TableCell => ({ text, style: 'th' });
const right = (text: string): TableCell => ({ text, alignment: 'right' });

function keyFigure(label: string, value: string, note: string): TableCell {
  return {
    stack: [
      { text: label, style: 'small', color: '#616e7c' },
      { text: value, fontSize: 15, bold: true, margin: [0, 2, 0, 1] },
      { text: note, style: 'small', color: '#616e7c' },
    ],
    margin: [4, 4, 4, 4],
  };
}

function targetsSection(f: ReportFigures): Content[] {
  if (f.targets.length === 0) {
    return [
      {
        text: `Belum ada target cakupan untuk ${f.regionLabel} tahun ${f.month.slice(0, 4)}. Disnaker menetapkannya di Lindung (Cakupan > Target).`,
        italics: true,
      },
    ];
  }
  const body: TableCell[][] = [
    [
      th('Indikator'),
      th('Dasar'),
      th('Target'),
      th('Capaian'),
      th('Selisih (orang)'),
      th('Menuju target'),
      th('APBD dibutuhkan'),
    ],
    ...f.targets.map((t): TableCell[] => [
      KIND_LABEL[t.kind] ?? t.kind,
      `${t.basis} ${t.year}${t.document ? `\n${t.document}` : ''}`,
      right(pct(t.targetPercent)),
      right(pct(t.progressPercent)),
      right(num(t.gapPersons)),
      monthsToTargetText(t.monthsToTarget),
      right(t.cost ? formatRupiahShort(t.cost.total) : t.gapPersons === 0 ? '-' : 'belum dapat dihitung'),
    ]),
  ];
  const explanations: Content[] = f.targets.flatMap((t): Content[] => {
    if (!t.cost || !t.gapPersons) return [];
    const c = t.cost;
    return [
      {
        text: [
          { text: `${t.basis} ${t.year}, ${KIND_LABEL[t.kind] ?? t.kind}: `, bold: true },
          `untuk menutup selisih ${formatNumber(t.gapPersons)} orang dibutuhkan APBD sebesar `,
          { text: `${formatRupiah(c.total)} (${c.totalWords})`, bold: true },
          `, yaitu ${formatNumber(t.gapPersons)} orang x ${formatRupiah(c.perPersonMonth)} per orang per bulan x ${c.months} bulan ` +
            `mulai ${monthLabelId(c.fromMonth)} (paket ${c.package}, ${c.category === 'pu' ? 'upah acuan' : 'penghasilan'} ` +
            `${formatRupiah(c.declaredIncome)}). ${c.note}`,
        ],
        margin: [0, 4, 0, 2],
      },
      {
        ul: c.rulesUsed.map((r) => ({
          text: `${ruleLabel(r.key, r.scope)}, berlaku ${r.validFrom} s.d. ${r.validTo ?? 'sekarang'}: ${r.citation}`,
          style: 'small',
        })),
        margin: [8, 0, 0, 4],
      },
    ];
  });
  return [
    {
      table: { headerRows: 1, widths: ['*', 70, 42, 44, 56, 62, 66], body },
      layout: 'lightHorizontalLines',
    },
    ...explanations,
  ];
}

function districtTable(f: ReportFigures): Content {
  const total = {
    active: f.districts.reduce((s, d) => s + d.active, 0),
    employed: f.districts.every((d) => d.employed === null)
      ? null
      : f.districts.reduce((s, d) => s + (d.employed ?? 0), 0),
    bpu: f.districts.every((d) => d.bpuUniverse === null)
      ? null
      : f.districts.reduce((s, d) => s + (d.bpuUniverse ?? 0), 0),
  };
  const body: TableCell[][] = [
    [th('No'), th(f.childLevelLabel), th('Peserta aktif'), th('Penduduk bekerja'), th('Cakupan'), th('Semesta PBPU')],
    ...f.districts.map((d, i): TableCell[] => [
      right(d.unlocated ? '' : String(i + 1)),
      d.label,
      right(num(d.active)),
      right(num(d.employed)),
      right(pct(d.coveragePercent)),
      right(num(d.bpuUniverse)),
    ]),
    [
      '',
      { text: 'Jumlah', bold: true },
      { text: num(total.active), alignment: 'right', bold: true },
      { text: num(total.employed), alignment: 'right', bold: true },
      {
        text: pct(total.employed ? Math.round((total.active / total.employed) * 10_000) / 100 : null),
        alignment: 'right',
        bold: true,
      },
      { text: num(total.bpu), alignment: 'right', bold: true },
    ],
  ];
  return { table: { headerRows: 1, widths: [20, '*', 70, 80, 55, 75], body }, layout: 'lightHorizontalLines' };
}

function programsSection(f: ReportFigures): Content[] {
  if (f.programs.length === 0) {
    return [{ text: 'Belum ada program perlindungan yang dibiayai di wilayah ini.', italics: true }];
  }
  const body: TableCell[][] = [
    [
      th('Program'),
      th('Jenis'),
      th('Sumber dana'),
      th('Periode'),
      th('Kuota terisi'),
      th('Anggaran terikat'),
      th('Pagu'),
    ],
    ...f.programs.map((p): TableCell[] => [
      p.name,
      CATEGORY_LABEL[p.category ?? 'bpu'] ?? '-',
      FUNDER_LABEL[p.funder] ?? p.funder,
      `${shortMonth(p.startMonth)} - ${shortMonth(p.endMonth)}`,
      right(`${formatNumber(p.quotaFilled)} / ${formatNumber(p.quota)}`),
      right(formatRupiah(p.committed)),
      right(formatRupiah(p.budgetCeiling)),
    ]),
  ];
  return [
    { table: { headerRows: 1, widths: ['*', 26, 66, 58, 56, 74, 74], body }, layout: 'lightHorizontalLines' },
    {
      text: [
        'Jumlah anggaran terikat: ',
        { text: `${formatRupiah(f.budget.committed)} (${terbilangRupiah(f.budget.committed)})`, bold: true },
        ` dari pagu ${formatRupiah(f.budget.ceiling)} (${terbilangRupiah(f.budget.ceiling)}).`,
      ],
      margin: [0, 6, 0, 0],
    },
    ...categoryLines(f),
    ...(f.budget.paid !== null && f.budget.billed !== null
      ? [
          {
            text: [
              `Tagihan iuran Januari sampai ${f.monthLabel}: ${formatRupiah(f.budget.billed)}; dibayar `,
              { text: `${formatRupiah(f.budget.paid)} (${terbilangRupiah(f.budget.paid)})`, bold: true },
              '.',
            ],
            margin: [0, 4, 0, 0],
          } satisfies Content,
        ]
      : []),
  ];
}

/** The committed money of BPU and of PU programmes, each priced its own way (absent in older reports). */
function categoryLines(f: ReportFigures): Content[] {
  const split = f.budget.byCategory;
  if (!split) return [];
  return (['bpu', 'pu'] as const)
    .filter((c) => split[c].programs > 0)
    .map((c): Content => ({
      text: [
        `${CATEGORY_BUDGET_LABEL[c]}: `,
        { text: formatRupiah(split[c].committed), bold: true },
        ` dari pagu ${formatRupiah(split[c].ceiling)} (${formatNumber(split[c].programs)} program).`,
      ],
      margin: [0, 2, 0, 0],
    }));
}

export function reportDocument(f: ReportFigures, opts: { compress: boolean }): TDocumentDefinitions {
  const employed = f.denominators.employed;
  const bpu = f.denominators.bpuUniverse;
  const title = 'Laporan Bulanan Jaminan Sosial Ketenagakerjaan Daerah';
  return {
    compress: opts.compress,
    pageSize: 'A4',
    pageMargins: [40, 48, 40, 48],
    info: { title: `${title} ${f.regionTitle} ${f.monthLabel}`, author: 'Lindung', subject: title },
    defaultStyle: { font: 'Helvetica', fontSize: 9, lineHeight: 1.15 },
    styles: {
      h1: { fontSize: 14, bold: true, alignment: 'center' },
      h2: { fontSize: 11, bold: true, margin: [0, 12, 0, 6], color: '#0b4f8a' },
      th: { bold: true, fontSize: 8, color: '#1f2933' },
      small: { fontSize: 7.5 },
    },
    footer: (page: number, pages: number): Content => ({
      columns: [
        { text: `${title} - ${f.regionTitle} - ${f.monthLabel}`, style: 'small', color: '#616e7c' },
        { text: `Halaman ${page} dari ${pages}`, style: 'small', alignment: 'right', color: '#616e7c' },
      ],
      margin: [40, 16, 40, 0],
    }),
    content: [
      { text: `PEMERINTAH ${f.regionTitle.toUpperCase()}`, alignment: 'center', bold: true, fontSize: 11 },
      { text: title.toUpperCase(), style: 'h1', margin: [0, 4, 0, 2] },
      { text: `Bulan ${f.monthLabel}`, alignment: 'center', fontSize: 11 },
      {
        canvas: [{ type: 'line', x1: 0, y1: 6, x2: 515, y2: 6, lineWidth: 1.2, lineColor: '#0b4f8a' }],
        margin: [0, 2, 0, 6],
      },
      {
        text: `Wilayah: ${f.regionLabel}. Dibuat ${wibStamp(f.generatedAt)} oleh Lindung.`,
        style: 'small',
        color: '#616e7c',
      },

      { text: '1. Ringkasan', style: 'h2' },
      {
        table: {
          widths: ['*', '*', '*'],
          body: [
            [
              keyFigure('Peserta aktif', num(f.active), `BPU: ${num(f.activeBpu)} orang`),
              keyFigure('Cakupan pekerja', pct(f.coveragePercent), 'peserta aktif / penduduk bekerja'),
              keyFigure('Cakupan PBPU', pct(f.bpuCoveragePercent), 'peserta BPU / semesta PBPU'),
            ],
            [
              keyFigure(
                'Penduduk bekerja',
                num(employed?.persons ?? null),
                employed ? `BPS, tahun ${employed.year}` : 'belum diimpor',
              ),
              keyFigure('Semesta PBPU', num(bpu?.persons ?? null), bpu ? `BPS, tahun ${bpu.year}` : 'belum diimpor'),
              keyFigure(
                'Anggaran program terikat',
                formatRupiahShort(f.budget.committed),
                `dari pagu ${formatRupiahShort(f.budget.ceiling)}`,
              ),
            ],
          ],
        },
        layout: {
          hLineColor: () => '#d9dee3',
          vLineColor: () => '#d9dee3',
        },
      },
      {
        text: `Rumus: ${f.formulas.total}. ${f.formulas.bpu}.`,
        style: 'small',
        color: '#616e7c',
        margin: [0, 4, 0, 0],
      },

      { text: '2. Target dan capaian', style: 'h2' },
      ...targetsSection(f),

      { text: '3. Tren peserta aktif 12 bulan terakhir', style: 'h2' },
      { svg: lineChartSvg(f.trend.map((p) => ({ label: shortMonth(p.month), value: p.active }))), width: 515 },

      { text: `4. Peserta aktif per ${f.childLevelLabel.toLowerCase()}`, style: 'h2', pageBreak: 'before' },
      f.districts.length
        ? {
            svg: barChartSvg(
              f.districts
                .filter((d) => !d.unlocated || d.active > 0)
                .map((d) => ({
                  label: d.label.replace(/^(Kec\.|Desa|Kel\.|Kab\.|Kota) /, ''),
                  value: d.active,
                  note: d.coveragePercent === null ? undefined : pct(d.coveragePercent),
                })),
            ),
            width: 515,
          }
        : { text: 'Wilayah ini tidak punya wilayah di bawahnya.', italics: true },
      { text: `Tabel per ${f.childLevelLabel.toLowerCase()}`, bold: true, margin: [0, 8, 0, 4] },
      f.districts.length ? districtTable(f) : { text: '-' },

      { text: '5. Program perlindungan dan anggaran', style: 'h2' },
      ...programsSection(f),

      { text: '6. Klaim JKK/JKM dan manfaat yang sudah dirasakan', style: 'h2' },
      ...claimsSection(f.claims, `Januari sampai ${f.monthLabel}`),

      {
        unbreakable: true,
        stack: [
          { text: 'Sumber data', style: 'h2' },
          {
            ul: [
              `Penduduk bekerja: ${employed ? `${employed.source} (tahun ${employed.year})` : 'belum ada angka; impor angka BPS di Lindung.'}`,
              `Semesta PBPU: ${bpu ? `${bpu.source} (tahun ${bpu.year})` : 'belum ada angka; impor angka BPS di Lindung.'}`,
              `${f.activeSource}.`,
              'Iuran dihitung dengan mesin aturan iuran Lindung; setiap baris aturan menyebut dasar hukumnya.',
            ],
            style: 'small',
          },
        ],
      },
    ],
  };
}

export async function renderPdf(f: ReportFigures, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = reportDocument(f, { compress: opts.compress ?? true });
  return pdfmake.createPdf(doc).getBuffer();
}
