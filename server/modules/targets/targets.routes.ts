import { okResponse } from '../../../lib/contracts/common.ts';
import {
  idParam,
  TARGET_EDITORS,
  TARGET_READERS,
  targetCreate,
  targetList,
  targetListQuery,
  targetProgress,
  targetUpdate,
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
import { workforceTemplate } from './targets.template.ts';
import * as targets from './targets.service.ts';

const tags = ['targets'];
const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export function registerTargetRoutes(app: App, deps: { db: Db; clock?: targets.Clock }) {
  const { db } = deps;
  const clock = deps.clock ?? targets.systemClock;
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
    async (req) => targets.listWorkforce(db, req.ctx, req.query),
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
        .send(await targets.exportWorkforce(db, req.ctx, req.query)),
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
    async (req) => targets.saveWorkforce(db, req.ctx, req.body),
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
    async (req) => targets.updateWorkforce(db, req.ctx, req.params.id, req.body),
  );

  app.delete(
    '/api/workforce/:id',
    {
      schema: { tags, summary: 'Hapus satu angka angkatan kerja', params: idParam, response: { 200: okResponse } },
      config: editors,
    },
    async (req) => targets.deleteWorkforce(db, req.ctx, req.params.id),
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
        return targets.importWorkforce(db, req.ctx, { ...req.query, content: uploadedFile(req.body) });
      },
    );
  });

  app.get(
    '/api/targets',
    {
      schema: {
        tags,
        summary: 'Target cakupan per wilayah dan tahun, dengan capaian, selisih, waktu tempuh dan APBD yang dibutuhkan',
        querystring: targetListQuery,
        response: { 200: targetList },
      },
      config: readers,
    },
    async (req) => targets.listTargets(db, req.ctx, req.query, clock),
  );

  app.post(
    '/api/targets',
    {
      schema: {
        tags,
        summary: 'Tetapkan target cakupan (RPJMD, RKPD, RENSTRA, UCJ) untuk satu wilayah, tahun dan indikator',
        body: targetCreate,
        response: { 201: targetProgress },
      },
      config: editors,
    },
    async (req, reply) => reply.status(201).send(await targets.createTarget(db, req.ctx, req.body, clock)),
  );

  app.get(
    '/api/targets/:id',
    {
      schema: { tags, summary: 'Satu target dengan capaiannya', params: idParam, response: { 200: targetProgress } },
      config: readers,
    },
    async (req) => targets.getTarget(db, req.ctx, req.params.id, clock),
  );

  app.patch(
    '/api/targets/:id',
    {
      schema: {
        tags,
        summary: 'Ubah persen target, dasar atau dokumennya',
        params: idParam,
        body: targetUpdate,
        response: { 200: targetProgress },
      },
      config: editors,
    },
    async (req) => targets.updateTarget(db, req.ctx, req.params.id, req.body, clock),
  );

  app.delete(
    '/api/targets/:id',
    {
      schema: { tags, summary: 'Hapus target cakupan', params: idParam, response: { 200: okResponse } },
      config: editors,
    },
    async (req) => targets.deleteTarget(db, req.ctx, req.params.id),
  );
}
