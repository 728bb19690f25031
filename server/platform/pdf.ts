// pdfmake with the PDF standard Helvetica fonts (no font files to ship): the one place that sets them up.
import pdfmake from 'pdfmake';

pdfmake.setFonts({
  Helvetica: {
    normal: 'Helvetica',
    bold: 'Helvetica-Bold',
    italics: 'Helvetica-Oblique',
    bolditalics: 'Helvetica-BoldOblique',
  },
});

export { pdfmake };
