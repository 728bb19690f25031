import { createReadStream } from 'node:fs';
import { z } from 'zod';
import { WORKER_EDITORS } from '../../../lib/access/roles.ts';
import {
  importIssueList,
  importIssueQuery,
  importJob,
  importJobList,
  importJobListQuery,
  importMappingBody,
  importUploadQuery,
} from '../../../lib/contracts/imports.ts';
import type { Db } from '../../platform/db.ts';
import { registerUploadRoutes, uploadedFile, type App } from '../../platform/http.ts';
import { sendUploadTemplate } from '../../platform/xlsx-template.ts';
import { workerImportTemplate } from './imports.template.ts';
import { buildReport } from './imports.report.ts';
import type { ImportRunner } from './imports.runner.ts';
import * as imports from './imports.service.ts';

const idParam = z.strictObject({ id: z.string().regex(/^\d{1,18}$/, 'angka') });

export function registerImportRoutes(app: App, deps: { db: Db; runner: ImportRunner }) {
  const { db, runner } = deps;
  const editors = { access: { roles: WORKER_EDITORS } };

  registerUploadRoutes(app, imports.MAX_UPLOAD_BYTES, (scoped) => {
    scoped.post(
      '/api/imports',
      {
        schema: {
          tags: ['imports'],
          summary: 'Unggah berkas pekerja (CSV/XLSX sebagai isi permintaan) dan mulai uji coba',
          querystring: importUploadQuery,
          response: { 201: importJob },
        },
        bodyLimit: imports.MAX_UPLOAD_BYTES,
        config: editors,
      },
      async (req, reply) => {
        const content = uploadedFile(req.body);
        const job = await imports.createImport(
          db,
          req.ctx,
          { fileName: req.query.fileName, sheet: req.query.sheet, content, channelId: req.query.channelId ?? null },
          runner.start,
        );
        return reply.status(201).send(job);
      },
    );
  });

  app.get(
    '/api/imports/template.xlsx',
    {
      schema: {
        tags: ['imports'],
        summary: 'Templat impor pekerja (XLSX): judul kolom yang dikenali, NIK sebagai teks, satu baris contoh',
      },
      config: editors,
    },
    async (req, reply) => sendUploadTemplate(reply, await workerImportTemplate(db, req.ctx)),
  );

  app.get(
    '/api/imports',
    {
      schema: {
        tags: ['imports'],
        summary: 'Riwayat impor',
        querystring: importJobListQuery,
        response: { 200: importJobList },
      },
      config: editors,
    },
    async (req) => imports.listImports(db, req.ctx, req.query),
  );

  app.get(
    '/api/imports/:id',
    {
      schema: {
        tags: ['imports'],
        summary: 'Status dan kemajuan impor',
        params: idParam,
        response: { 200: importJob },
      },
      config: editors,
    },
    async (req) => imports.getImport(db, req.ctx, req.params.id),
  );

  app.delete(
    '/api/imports/:id',
    {
      schema: {
        tags: ['imports'],
        summary: 'Batalkan impor (yang menunggu segera; yang berjalan dihentikan tanpa mengubah data)',
        params: idParam,
        response: { 200: importJob },
      },
      config: editors,
    },
    async (req) => imports.cancelImport(db, req.ctx, req.params.id),
  );

  app.get(
    '/api/imports/:id/issues',
    {
      schema: {
        tags: ['imports'],
        summary: 'Masalah per baris dan kolom',
        params: idParam,
        querystring: importIssueQuery,
        response: { 200: importIssueList },
      },
      config: editors,
    },
    async (req) => imports.listIssues(db, req.ctx, req.params.id, req.query),
  );

  app.post(
    '/api/imports/:id/mapping',
    {
      schema: {
        tags: ['imports'],
        summary: 'Pemetaan kolom (dan desa bawaan), lalu uji coba lagi',
        params: idParam,
        body: importMappingBody,
        response: { 200: importJob },
      },
      config: editors,
    },
    async (req) => imports.setMapping(db, req.ctx, req.params.id, req.body, runner.start),
  );

  app.post(
    '/api/imports/:id/commit',
    {
      schema: {
        tags: ['imports'],
        summary: 'Simpan baris yang valid ke daftar pekerja',
        params: idParam,
        response: { 200: importJob },
      },
      config: editors,
    },
    async (req) => imports.commitImport(db, req.ctx, req.params.id, runner.start),
  );

  app.get(
    '/api/imports/:id/report.xlsx',
    {
      schema: { tags: ['imports'], summary: 'Laporan impor (XLSX, sel bermasalah ditandai)', params: idParam },
      config: editors,
    },
    async (req, reply) => {
      const report = await buildReport(db, req.ctx, req.params.id);
      const stream = createReadStream(report.path);
      stream.on('close', () => void report.dispose());
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${report.fileName}"`)
        .send(stream);
    },
  );
}
