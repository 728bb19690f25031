import {
  REPORT_READERS,
  reportCreate,
  reportFileParam,
  reportIdParam,
  reportList,
  reportListQuery,
  reportRow,
} from '../../../lib/contracts/reports.ts';
import type { Db } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import type { ReportRunner } from './reports.runner.ts';
import * as reports from './reports.service.ts';

const tags = ['reports'];

export function registerReportRoutes(app: App, deps: { db: Db; runner: ReportRunner }) {
  const { db, runner } = deps;
  const readers = { access: { roles: REPORT_READERS } };

  app.get(
    '/api/reports',
    {
      schema: {
        tags,
        summary: 'Riwayat laporan bulanan (dibuat atas permintaan dan terjadwal), dengan berkas PDF dan XLSX',
        querystring: reportListQuery,
        response: { 200: reportList },
      },
      config: readers,
    },
    async (req) => reports.listReports(db, req.ctx, req.query),
  );

  app.post(
    '/api/reports',
    {
      schema: {
        tags,
        summary: 'Buat laporan bulanan untuk satu wilayah dan bulan (disusun di latar belakang; pantau progresnya)',
        body: reportCreate,
        response: { 201: reportRow },
      },
      config: readers,
    },
    async (req, reply) => reply.status(201).send(await reports.createReport(db, req.ctx, req.body, runner.enqueue)),
  );

  app.get(
    '/api/reports/:id',
    {
      schema: {
        tags,
        summary: 'Satu laporan: status, progres, berkas',
        params: reportIdParam,
        response: { 200: reportRow },
      },
      config: readers,
    },
    async (req) => reports.getReport(db, req.ctx, req.params.id),
  );

  app.get(
    '/api/reports/:id/files/:format',
    {
      schema: { tags, summary: 'Unduh berkas laporan (pdf atau xlsx); unduhan dicatat', params: reportFileParam },
      config: readers,
    },
    async (req, reply) => {
      const file = await reports.downloadReportFile(db, req.ctx, req.params.id, req.params.format);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.content);
    },
  );
}
