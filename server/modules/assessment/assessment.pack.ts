// The evidence pack (issue 17 §4): one PDF the regency hands to the provincial team and brings to the interview
// (cover, summary scores with a bar chart, each indicator with its figure, the evidence documents with their SHA-256,
// the narratives), an XLSX of the figures, and the province's ranking as XLSX. pdfmake with the standard Helvetica
// fonts, like the other PDF exports; spreadsheets through the platform's safe row writer. Downloads are audited.
import ExcelJS from 'exceljs';
import { pdfmake } from '../../platform/pdf.ts';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Assessment, Evidence, Figure, Framework, IndicatorDef } from '../../../lib/contracts/assessment.ts';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { wordsIn } from '../../../lib/i18n/words.ts';
import { dateName } from '../../../lib/rules/lapse.ts';
import { formatNumber, formatRupiah } from '../../../lib/rules/money.ts';
import { indicatorsOf } from '../../../lib/rules/paritrana-scoring.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { addSafeRow } from '../../platform/spreadsheet/writer.ts';
import { requireAssessmentReader } from './assessment.policy.ts';
import { getAssessment, type EvidenceDeps } from './assessment.service.ts';
import { PACK_WORDS } from './assessment.words.ts';
import { getFramework } from './frameworks.service.ts';
import { provinceView } from './province.service.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Words = Record<keyof typeof PACK_WORDS, string>;

export function figureText(ind: IndicatorDef, f: Figure | undefined, w: Words): string {
  if (!f || f.value === null) return f?.source === 'assessor' ? w.pendingScore : w.missing;
  switch (ind.unit) {
    case 'rupiah':
      return formatRupiah(f.value);
    case 'percent':
      return `${formatNumber(f.value)}%`;
    case 'yes_no':
      return f.value > 0 ? w.yes : w.no;
    default:
      return formatNumber(f.value);
  }
}

/** An evidence file by name, and for one taken from the governance register the instrument it is. */
const evidenceName = (e: Evidence, w: Words) =>
  e.instrument ? `${e.fileName}\n${w.fromRegister}: ${e.instrument.label}` : e.fileName;

/** A horizontal bar per label on a 0–100 scale with the score beside it, drawn with pdfmake's canvas (no chart
 *  library). The score sits right of the bar, not under it, so a label wrapping to two lines never meets the next. */
function bars(items: { label: string; score: number }[]): Content {
  const width = 280;
  return {
    table: {
      widths: [170, width, 30],
      body: items.map((i) => [
        { text: i.label, fontSize: 8 },
        {
          canvas: [
            { type: 'rect', x: 0, y: 1, w: width, h: 9, color: '#e6eef5' },
            {
              type: 'rect',
              x: 0,
              y: 1,
              w: Math.max(0.5, (Math.min(i.score, 100) / 100) * width),
              h: 9,
              color: '#0b4f8a',
            },
          ],
        },
        { text: formatNumber(i.score), fontSize: 8, alignment: 'right' },
      ]),
    },
    layout: 'noBorders',
  };
}

export function packDocument(a: Assessment, f: Framework, locale: Locale): TDocumentDefinitions {
  const w = wordsIn(PACK_WORDS, locale);
  const name = (x: { name: { id: string; en: string } }) => x.name[locale];
  const figures = new Map(a.figures.map((x) => [x.code, x]));
  const scores = new Map(a.scores.indicators.map((x) => [x.code, x]));
  const content: Content[] = [
    { text: w.title.replace('{year}', String(a.year)), style: 'h1' },
    { text: a.regionLabel, style: 'h2' },
    {
      table: {
        widths: [140, '*'],
        body: [
          [w.framework, f.name],
          [w.cutoff, dateName(a.cutoff, locale)],
          [w.submitted, a.submittedAt ? `${dateName(a.submittedAt.slice(0, 10), locale)} (${a.submittedBy})` : w.draft],
          [w.snapshot, { text: a.snapshotSha256 ?? '–', style: 'mono' }],
          [w.total, { text: formatNumber(a.scores.total), bold: true }],
        ],
      },
      layout: 'lightHorizontalLines',
      margin: [0, 10, 0, 10],
    },
    { text: f.note, italics: true, fontSize: 8, margin: [0, 0, 0, 10] },
    { text: w.summary, style: 'h2', pageBreak: 'before' },
    bars(
      f.definition.aspects.map((x) => ({
        label: name(x),
        score: a.scores.aspects.find((s) => s.code === x.code)?.score ?? 0,
      })),
    ),
    { text: w.indicator, style: 'h3' },
    bars(indicatorsOf(f.definition).map((i) => ({ label: name(i), score: scores.get(i.code)?.score ?? 0 }))),
  ];
  for (const aspect of f.definition.aspects) {
    content.push({ text: `${w.aspect}: ${name(aspect)}`, style: 'h2', pageBreak: 'before' });
    for (const criterion of aspect.criteria) {
      content.push({ text: name(criterion), style: 'h3', headlineLevel: 1 });
      for (const ind of criterion.indicators) {
        const fig = figures.get(ind.code);
        const sc = scores.get(ind.code);
        const evidence = a.evidence.filter((e) => e.indicatorCode === ind.code);
        content.push({
          table: {
            widths: [120, '*'],
            body: [
              [
                { text: w.indicator, bold: true },
                { text: name(ind), bold: true },
              ],
              [w.figure, figureText(ind, fig, w)],
              [
                w.score,
                sc?.score === null || sc === undefined
                  ? w.pendingScore
                  : `${formatNumber(sc.score)}${sc.missing ? ` (${w.missing})` : ''}`,
              ],
              [w.weight, String(ind.weight)],
              [w.note, fig?.note ?? ''],
              ...(fig && fig.rows.length > 0
                ? [
                    [
                      w.rows,
                      fig.rows
                        .slice(0, 30)
                        .map((r) => `${r.label}: ${formatNumber(r.value)}${r.extra ? ` (${r.extra})` : ''}`)
                        .join('\n'),
                    ],
                  ]
                : []),
              ...(evidence.length > 0
                ? [
                    [
                      w.evidence,
                      {
                        stack: evidence.flatMap((e): Content[] => [
                          { text: evidenceName(e, w) },
                          { text: `SHA-256 ${e.sha256}`, style: 'mono', margin: [0, 0, 0, 2] },
                        ]),
                      },
                    ],
                  ]
                : []),
            ],
          },
          layout: 'lightHorizontalLines',
          margin: [0, 0, 0, 8],
          unbreakable: true,
        });
      }
    }
    const narrative = a.narratives[aspect.code];
    if (narrative) {
      content.push({ text: w.narrative, style: 'h3', headlineLevel: 1 }, { text: narrative, margin: [0, 0, 0, 8] });
    }
  }
  content.push({ text: w.evidence, style: 'h2', pageBreak: 'before' });
  content.push(
    a.evidence.length === 0
      ? { text: w.noEvidence }
      : {
          // Two columns, the document's name, origin and SHA-256 stacked: a hash never wraps beside a long title.
          table: {
            widths: [90, '*'],
            headerRows: 1,
            body: [
              [w.indicator, `${w.evidence} · SHA-256`].map((t) => ({ text: t, bold: true })),
              ...a.evidence.map((e) => [
                e.indicatorCode,
                { stack: [{ text: evidenceName(e, w) }, { text: e.sha256, style: 'mono' }] },
              ]),
            ],
          },
          layout: 'lightHorizontalLines',
        },
  );
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    // A heading never stands alone at the foot of a page: it moves to the next one with what it heads. pdfmake counts
    // the page's footer among the nodes following it, so the footer's own text is not content here.
    pageBreakBefore: (node, q) =>
      node.headlineLevel === 1 &&
      q.getFollowingNodesOnPage().every((x) => typeof x.text === 'string' && x.text.startsWith(w.footer)),
    info: { title: `${w.title.replace('{year}', String(a.year))} ${a.regionLabel}` },
    footer: (page, pages) => ({ text: `${w.footer}   ${page}/${pages}`, fontSize: 7, margin: [40, 20, 40, 0] }),
    content,
    defaultStyle: { font: 'Helvetica', fontSize: 9 },
    styles: {
      h1: { fontSize: 18, bold: true, margin: [0, 120, 0, 6], color: '#0b4f8a' },
      h2: { fontSize: 13, bold: true, margin: [0, 6, 0, 6] },
      h3: { fontSize: 10, bold: true, margin: [0, 6, 0, 4] },
      mono: { fontSize: 6.5 },
    },
  };
}

const fileStem = (a: Assessment) => `paritrana-${a.year}-${a.region}`;

export async function evidencePdf(deps: EvidenceDeps, ctx: RequestContext, id: string) {
  const actor = requireAssessmentReader(ctx);
  const a = await getAssessment(deps.db, ctx, id);
  const f = await getFramework(deps.db, ctx, a.frameworkId);
  const pdf = await pdfmake.createPdf(packDocument(a, f, actor.locale)).getBuffer();
  await audited(deps.db, ctx, a, 'pdf');
  return { pdf, name: `${fileStem(a)}.pdf` };
}

async function audited(db: Db, ctx: RequestContext, a: Assessment, format: 'pdf' | 'xlsx') {
  const actor = ctx.actor!;
  await withScope(db, actor.scope, (tx) =>
    writeAudit(tx, ctx, {
      action: 'assessment.export',
      entity: 'assessment',
      entityId: a.id,
      region: a.region,
      after: { format, status: a.status, sha256: a.snapshotSha256 },
    }),
  );
}

export async function figuresWorkbook(deps: EvidenceDeps, ctx: RequestContext, id: string) {
  const actor = requireAssessmentReader(ctx);
  const a = await getAssessment(deps.db, ctx, id);
  const f = await getFramework(deps.db, ctx, a.frameworkId);
  const w = wordsIn(PACK_WORDS, actor.locale);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lindung';
  const ws = wb.addWorksheet(w.sheetFigures);
  addSafeRow(ws, [`${w.title.replace('{year}', String(a.year))} — ${a.regionLabel}`]).font = { bold: true, size: 13 };
  addSafeRow(ws, [w.cutoff, a.cutoff, w.total, a.scores.total, w.snapshot, a.snapshotSha256 ?? '']);
  addSafeRow(ws, []);
  addSafeRow(ws, [w.aspect, w.indicator, w.source, w.figure, w.score, w.weight, w.note]).font = { bold: true };
  const figures = new Map(a.figures.map((x) => [x.code, x]));
  const scores = new Map(a.scores.indicators.map((x) => [x.code, x]));
  for (const ind of indicatorsOf(f.definition)) {
    const fig = figures.get(ind.code);
    addSafeRow(ws, [
      ind.aspect,
      ind.name[actor.locale],
      fig?.source ?? '',
      fig?.value ?? null,
      scores.get(ind.code)?.score ?? null,
      ind.weight,
      fig?.note ?? '',
    ]);
  }
  [14, 48, 12, 16, 10, 8, 60].forEach((width, i) => (ws.getColumn(i + 1).width = width));
  const rows = wb.addWorksheet(w.sheetRows);
  addSafeRow(rows, [w.indicator, w.region, w.rows, w.figure, w.note]).font = { bold: true };
  for (const fig of a.figures) for (const r of fig.rows) addSafeRow(rows, [fig.code, r.key, r.label, r.value, r.extra]);
  const ev = wb.addWorksheet(w.sheetEvidence);
  addSafeRow(ev, [w.indicator, w.evidence, 'SHA-256', w.fromRegister]).font = { bold: true };
  for (const e of a.evidence) addSafeRow(ev, [e.indicatorCode, e.fileName, e.sha256, e.instrument?.label ?? '']);
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  await audited(deps.db, ctx, a, 'xlsx');
  return { xlsx, name: `${fileStem(a)}.xlsx` };
}

export async function rankingWorkbook(db: Db, ctx: RequestContext, q: { frameworkId: string; province: string }) {
  const actor = requireAssessmentReader(ctx);
  const view = await provinceView(db, ctx, q);
  const w = wordsIn(PACK_WORDS, actor.locale);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lindung';
  const ws = wb.addWorksheet(w.sheetRanking);
  addSafeRow(ws, [`${view.framework.name} — ${view.provinceLabel}`]).font = { bold: true, size: 13 };
  addSafeRow(ws, []);
  const aspects = view.framework.definition.aspects;
  addSafeRow(ws, [
    w.rank,
    w.region,
    w.total,
    ...aspects.map((x) => x.name[actor.locale]),
    w.tieBrokenBy,
    w.assessors,
  ]).font = { bold: true };
  for (const e of view.entries) {
    addSafeRow(ws, [
      e.rank,
      e.regionLabel,
      e.scores.total,
      ...aspects.map((x) => e.scores.aspects.find((s) => s.code === x.code)?.score ?? null),
      e.tieBrokenBy ?? '',
      e.assessorCount,
    ]);
  }
  ws.getColumn(2).width = 30;
  await withScope(db, actor.scope, (tx) =>
    writeAudit(tx, ctx, {
      action: 'assessment.ranking_export',
      entity: 'assessment_framework',
      entityId: q.frameworkId,
      region: q.province,
      after: { entries: view.entries.length },
    }),
  );
  return {
    xlsx: Buffer.from(await wb.xlsx.writeBuffer()),
    name: `paritrana-${view.framework.year}-${q.province}.xlsx`,
  };
}
