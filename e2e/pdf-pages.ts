// Looks at a downloaded PDF the way a person would: every page rendered by Debian's poppler-utils (pdftoppm; installed
// by scripts/test.sh), each page's share of ink measured, and the text read with pdftotext. A PNG of chosen pages is
// kept beside the screenshots for a person to look at.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type RenderedPdf = {
  /** Per page, the share of pixels that are not near-white (0–1): a blank page is 0. */
  ink: number[];
  /** The text, page by page in reading order (pdftotext -layout). */
  text: string;
};

/** The share of dark-ish pixels in a binary PGM (P5, 8-bit) as pdftoppm -gray writes it. */
function inkOf(pgm: Buffer): number {
  const header = pgm
    .subarray(0, 50)
    .toString('latin1')
    .match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error('not an 8-bit PGM');
  const [whole, w, h] = header;
  const pixels = pgm.subarray(whole!.length, whole!.length + Number(w) * Number(h));
  let dark = 0;
  for (const p of pixels) if (p < 200) dark++;
  return dark / pixels.length;
}

/** Renders every page (grey, 40 dpi: enough to tell ink from blank) and extracts the text. */
export function renderPdf(pdf: Buffer, keepPng?: { name: string; pages: number[] }): RenderedPdf {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-gray', '-r', '40', file, path.join(dir, 'page')]);
    const pages = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.pgm'))
      .sort((a, b) => Number(a.match(/(\d+)\.pgm$/)![1]) - Number(b.match(/(\d+)\.pgm$/)![1]));
    const ink = pages.map((p) => inkOf(fs.readFileSync(path.join(dir, p))));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    if (keepPng) {
      const out = path.resolve('.tmp/screenshots');
      fs.mkdirSync(out, { recursive: true });
      for (const n of keepPng.pages) {
        const stem = path.join(out, `${keepPng.name}-page${n}`);
        execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(n), '-l', String(n), '-singlefile', file, stem]);
      }
    }
    return { ink, text };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
