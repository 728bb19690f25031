import { okResponse } from '../../../lib/contracts/common.ts';
import {
  idParam,
  TARGET_EDITORS,
  TARGET_READERS,
  workforceExportQuery,
  workforceImportQuery,
  workforceImportResult,
  workforceList,
  workforceListQuery,
  workforceRow,
  workforceUpdate,
  workforceUpsert,
} from '../../../lib/contracts/targets.ts';
import type { Db } from '../../platform/db.ts';
import { registerUploadRoutes, uploadedFile, type App } from '../../platform/http.ts';
import { sendUploadTemplate } from '../../platform/xlsx-template.ts';
import * as imports from './workforce.import.ts';
import * as workforce from './workforce.service.ts';
import { workforceTemplate } from './workforce.template.ts';

// The OpenAPI tag stays 'targets': the workforce pages live in the web's targets module.
const tags = ['targets'];
const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export function registerWorkforceRoutes(app: App, deps: { db: Db }) {
  const { db } = deps;
  const readers = { access: { roles: TARGET_READERS } };
  const editors = { access: { roles: TARGET_EDITORS } };

  app.get(
    '/api/workforce',
    {
      schema: {
        tags,
        summary: 'Angka angkatan kerja (penduduk bekerja, semesta PBPU) per wilayah dan tahun, dengan sumbernya',
        querystring: workforceListQuery,
        response: { 200: workforceList },
      },
      config: readers,
    },
    async (req) => workforce.listWorkforce(db, req.ctx, req.query),
  );

  app.get(
    '/api/workforce/template.xlsx',
    {
      schema: { tags, summary: 'Templat impor angkatan kerja (XLSX): kode wilayah sebagai teks, satu baris contoh' },
      config: editors,
    },
    async (req, reply) => sendUploadTemplate(reply, await workforceTemplate(db, req.ctx)),
  );

  app.get(
    '/api/workforce.xlsx',
    {
      schema: { tags, summary: 'Angka angkatan kerja terpilih sebagai XLSX', querystring: workforceExportQuery },
      config: readers,
    },
    async (req, reply) =>
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="angkatan-kerja.xlsx"')
        .send(await workforce.exportWorkforce(db, req.ctx, req.query)),
  );

  app.put(
    '/api/workforce',
    {
      schema: {
        tags,
        summary: 'Simpan satu angka (baru, atau ganti angka wilayah, tahun, indikator dan segmen yang sama)',
        body: workforceUpsert,
        response: { 200: workforceRow },
      },
      config: editors,
    },
    async (req) => workforce.saveWorkforce(db, req.ctx, req.body),
  );

  app.patch(
    '/api/workforce/:id',
    {
      schema: {
        tags,
        summary: 'Ubah jumlah orang atau sumber satu angka',
        params: idParam,
        body: workforceUpdate,
        response: { 200: workforceRow },
      },
      config: editors,
    },
    async (req) => workforce.updateWorkforce(db, req.ctx, req.params.id, req.body),
  );

  app.delete(
    '/api/workforce/:id',
    {
      schema: { tags, summary: 'Hapus satu angka angkatan kerja', params: idParam, response: { 200: okResponse } },
      config: editors,
    },
    async (req) => workforce.deleteWorkforce(db, req.ctx, req.params.id),
  );

  registerUploadRoutes(app, MAX_UPLOAD_BYTES, (scoped) => {
    scoped.post(
      '/api/workforce/import',
      {
        schema: {
          tags,
          summary:
            'Impor angka BPS dari CSV (; atau ,) atau XLSX: semua baris atau tidak sama sekali; masalah per baris dan kolom',
          querystring: workforceImportQuery,
          response: { 200: workforceImportResult },
        },
        bodyLimit: MAX_UPLOAD_BYTES,
        config: editors,
      },
      async (req) => {
        return imports.importWorkforce(db, req.ctx, { ...req.query, content: uploadedFile(req.body) });
      },
    );
  });
}
