// The text of a PDF written by pdfmake with the standard fonts, for tests: every content stream inflated when
// compressed, the hex strings of its TJ operators decoded (WinAnsi ≈ latin1) and joined. Not a general PDF reader.
import { inflateSync } from 'node:zlib';

export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  const re = /<<([^]*?)>>\s*stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const bytes = pdf.subarray(start, end);
    if (/\/FlateDecode/.test(m[1]!)) {
      try {
        streams.push(inflateSync(bytes).toString('latin1'));
      } catch {
        // an image or a font program: not text
      }
    } else {
      streams.push(bytes.toString('latin1'));
    }
    re.lastIndex = end;
  }
  return streams
    .flatMap((s) => [...s.matchAll(/\[(.*?)\]\s*TJ/g)])
    .map((t) =>
      [...t[1]!.matchAll(/<([0-9a-fA-F]+)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''),
    )
    .join('');
}
