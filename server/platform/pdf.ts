// pdfmake with the PDF standard Helvetica fonts (no font files to ship): the one place that sets them up.
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

pdfmake.setFonts({
  Helvetica: {
    normal: 'Helvetica',
    bold: 'Helvetica-Bold',
    italics: 'Helvetica-Oblique',
    bolditalics: 'Helvetica-BoldOblique',
  },
});

export { pdfmake };

/**
 * The house letter (sanction request, claim cover letter, continuation letter): A4, Helvetica 10, headings `h1`
 * and `h2`, and `small` print for the closing line. `h1Size` for a letter whose title stands larger.
 */
export function letterDocument(title: string, content: Content[], o: { h1Size?: number } = {}): TDocumentDefinitions {
  return {
    info: { title, creator: 'Lindung' },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    defaultStyle: { font: 'Helvetica', fontSize: 10 },
    styles: {
      h1: { fontSize: o.h1Size ?? 14, bold: true, margin: [0, 0, 0, 8] },
      h2: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
      small: { fontSize: 8 },
    },
    content,
  };
}
