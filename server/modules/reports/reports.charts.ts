// Charts for the PDF as plain SVG strings (pdfmake draws `svg` nodes): horizontal bars per district and a line for
// the twelve-month trend. Values are printed beside the marks, so no meaning rests on colour alone.
import { formatNumber } from '../../../lib/rules/money.ts';

const FONT = 'Helvetica';
const INK = '#1f2933';
const MUTED = '#616e7c';
const BAR = '#1c7ed6';
const LINE = '#0b7285';
const GRID = '#d9dee3';

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A round axis maximum at or above `max`: 1, 2, 2.5 or 5 × 10^n. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

export type Bar = { label: string; value: number; note?: string };

/** Horizontal bars, one row per item, the value (and note) written after the bar. */
export function barChartSvg(bars: readonly Bar[], width = 515): string {
  const rowHeight = 16;
  const labelWidth = 110;
  const valueWidth = 120;
  const top = 6;
  const height = top + bars.length * rowHeight + 6;
  const plot = width - labelWidth - valueWidth;
  const max = niceMax(Math.max(0, ...bars.map((b) => b.value)));
  const rows = bars.map((b, i) => {
    const y = top + i * rowHeight;
    const w = Math.max(b.value > 0 ? 1 : 0, (b.value / max) * plot);
    const value = `${formatNumber(b.value)}${b.note ? ` (${b.note})` : ''}`;
    return [
      `<text x="${labelWidth - 6}" y="${y + 11}" font-size="8" font-family="${FONT}" fill="${INK}" text-anchor="end">${esc(b.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 2}" width="${w.toFixed(1)}" height="${rowHeight - 5}" fill="${BAR}"/>`,
      `<text x="${(labelWidth + w + 4).toFixed(1)}" y="${y + 11}" font-size="8" font-family="${FONT}" fill="${MUTED}">${esc(value)}</text>`,
    ].join('');
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<line x1="${labelWidth}" y1="${top - 2}" x2="${labelWidth}" y2="${height - 4}" stroke="${GRID}" stroke-width="1"/>` +
    rows.join('') +
    '</svg>'
  );
}

export type Point = { label: string; value: number };

/** A line over the months with a dot and its value at each point, and a light grid of four steps. */
export function lineChartSvg(points: readonly Point[], width = 515, height = 170): string {
  const left = 48;
  const right = 12;
  const top = 14;
  const bottom = 26;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = niceMax(Math.max(0, ...points.map((p) => p.value)));
  const step = points.length > 1 ? plotW / (points.length - 1) : 0;
  const x = (i: number) => left + i * step;
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const grid = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const gy = top + plotH - f * plotH;
    return (
      `<line x1="${left}" y1="${gy.toFixed(1)}" x2="${width - right}" y2="${gy.toFixed(1)}" stroke="${GRID}" stroke-width="0.6"/>` +
      `<text x="${left - 4}" y="${(gy + 3).toFixed(1)}" font-size="7" font-family="${FONT}" fill="${MUTED}" text-anchor="end">${esc(formatNumber(max * f))}</text>`
    );
  });
  const path = points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const marks = points.map(
    (p, i) =>
      `<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="2.2" fill="${LINE}"/>` +
      `<text x="${x(i).toFixed(1)}" y="${(y(p.value) - 5).toFixed(1)}" font-size="6.5" font-family="${FONT}" fill="${INK}" text-anchor="middle">${esc(formatNumber(p.value))}</text>` +
      `<text x="${x(i).toFixed(1)}" y="${height - 10}" font-size="7" font-family="${FONT}" fill="${MUTED}" text-anchor="middle">${esc(p.label)}</text>`,
  );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    grid.join('') +
    (points.length > 1 ? `<polyline points="${path}" fill="none" stroke="${LINE}" stroke-width="1.6"/>` : '') +
    marks.join('') +
    '</svg>'
  );
}
