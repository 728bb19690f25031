// Routes of payroll rosters of PU programmes (issue 18 §2): the preview of a roster file (raw body, like a worker
// import), the acceptance of the diff or a chosen part (JSON), and the roster template.
import { idParam, PROGRAM_MANAGERS } from '../../../lib/contracts/programs.ts';
import { rosterAcceptRequest, rosterQuery, rosterView } from '../../../lib/contracts/roster.ts';
import type { Db } from '../../platform/db.ts';
import { registerUploadRoutes, uploadedFile, type App } from '../../platform/http.ts';
import { sendUploadTemplate } from '../../platform/xlsx-template.ts';
import { acceptRoster, previewRoster } from './roster.service.ts';
import { rosterTemplate } from './roster.template.ts';

const tags = ['programs'];
/** A roster of 20,000 rows is well under 5 MB even as CSV; its accepted rows as JSON are about the same. */
const ROSTER_MAX_BYTES = 10 * 1024 * 1024;

export function registerRosterRoutes(app: App, deps: { db: Db }) {
  const { db } = deps;
  const managers = { access: { roles: PROGRAM_MANAGERS } };

  app.get(
    '/api/programs/roster-template.xlsx',
    {
      schema: { tags, summary: 'Templat daftar gaji program PU (XLSX): NIK sebagai teks, gaji, tanggal mulai/selesai' },
      config: managers,
    },
    async (req, reply) => sendUploadTemplate(reply, await rosterTemplate(db, req.ctx)),
  );

  registerUploadRoutes(app, ROSTER_MAX_BYTES, (scoped) => {
    scoped.post(
      '/api/programs/:id/roster/preview',
      {
        schema: {
          tags,
          summary:
            'Pratinjau impor daftar gaji (CSV/XLSX) program PU: masalah per baris dan kolom, pendatang, yang keluar, perubahan upah',
          params: idParam,
          querystring: rosterQuery,
          response: { 200: rosterView },
        },
        bodyLimit: ROSTER_MAX_BYTES,
        config: managers,
      },
      async (req) =>
        previewRoster(db, req.ctx, req.params.id, { content: uploadedFile(req.body), fileName: req.query.fileName }),
    );
  });

  app.post(
    '/api/programs/:id/roster/accept',
    {
      schema: {
        tags,
        summary:
          'Terima daftar gaji: daftarkan orang baru, usulkan pendatang dengan upahnya, akhiri yang keluar, ubah upah (satu transaksi)',
        params: idParam,
        body: rosterAcceptRequest,
        response: { 200: rosterView },
      },
      bodyLimit: ROSTER_MAX_BYTES,
      config: managers,
    },
    async (req) => acceptRoster(db, req.ctx, req.params.id, req.body),
  );
}
