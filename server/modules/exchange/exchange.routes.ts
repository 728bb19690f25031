import { z } from 'zod';
import {
  batchIdParam,
  batchList,
  batchListQuery,
  EXCHANGE_USERS,
  exportQuery,
  reconciliation,
  reconciliationQuery,
  responseResult,
  responseUploadQuery,
  simulatorResponse,
  snapshotList,
  snapshotListQuery,
  snapshotResult,
  snapshotUploadQuery,
  template,
  TEMPLATE_EDITORS,
  templateQuery,
  templateUpdate,
  takeKpjRequest,
  takeKpjResult,
  VILLAGE_CHECK_ANSWERERS,
  VILLAGE_CHECK_READERS,
  villageCheck,
  villageCheckAnswer,
  villageCheckCreate,
  villageCheckCreated,
  villageCheckIdParam,
  villageCheckList,
  villageCheckQuery,
} from '../../../lib/contracts/exchange.ts';
import { regionCode } from '../../../lib/contracts/common.ts';
import type { Database, Db } from '../../platform/db.ts';
import { registerUploadRoutes, uploadedFile, type App } from '../../platform/http.ts';
import { sendUploadTemplate } from '../../platform/xlsx-template.ts';
import { responseTemplate, snapshotTemplate } from './exchange.templates.ts';
import type { ExchangeAdapter } from './adapter.ts';
import * as actions from './exchange.actions.ts';
import * as batches from './batches.service.ts';
import * as reconciling from './reconciliation.service.ts';
import { MAX_UPLOAD_BYTES } from './exchange.shared.ts';
import * as responses from './responses.service.ts';
import * as snapshots from './snapshots.service.ts';

const tags = ['exchange'];

function sendFile(
  reply: { header(k: string, v: string): unknown; send(b: Buffer): unknown },
  file: { fileName: string; contentType: string; content: Buffer },
) {
  reply.header('content-type', file.contentType);
  reply.header('content-disposition', `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`);
  return reply.send(file.content);
}

export function registerExchangeRoutes(app: App, deps: { db: Db; database: Database; adapter: ExchangeAdapter }) {
  const { db, database, adapter } = deps;
  const users = { access: { roles: EXCHANGE_USERS } };

  app.get(
    '/api/exchange/template',
    {
      schema: {
        tags,
        summary:
          'Templat kolom berkas batch pendaftaran yang berlaku untuk wilayah (milik sendiri, di atasnya, atau nasional)',
        querystring: templateQuery,
        response: { 200: template },
      },
      config: users,
    },
    async (req) => batches.getTemplate(db, req.ctx, req.query.region),
  );

  app.put(
    '/api/exchange/template',
    {
      schema: {
        tags,
        summary: 'Simpan templat kolom untuk wilayah Anda (urutan, judul kolom, isian); tercatat di audit',
        querystring: templateQuery,
        body: templateUpdate,
        response: { 200: template },
      },
      config: { access: { roles: TEMPLATE_EDITORS } },
    },
    async (req) => batches.saveTemplate(db, req.ctx, req.body, req.query.region),
  );

  app.get(
    '/api/exchange/batches',
    {
      schema: {
        tags,
        summary: 'Batch pendaftaran yang dikirim ke BPJS TK, dengan status jawaban',
        querystring: batchListQuery,
        response: { 200: batchList },
      },
      config: users,
    },
    async (req) => batches.listBatches(db, req.ctx, req.query, adapter),
  );

  app.get(
    '/api/exchange/batches/:id/file',
    {
      schema: {
        tags,
        summary: 'Unduh berkas batch (XLSX atau CSV) menurut templat; setiap unduhan tercatat di audit',
        params: batchIdParam,
        querystring: exportQuery,
      },
      config: users,
    },
    async (req, reply) =>
      sendFile(reply, await batches.exportBatch(db, req.ctx, req.params.id, req.query.format, adapter)),
  );

  app.get(
    '/api/exchange/batches/:id/simulator/response-file',
    {
      schema: {
        tags,
        summary: 'Demo: berkas jawaban cabang dari simulator BPJS (CSV), untuk diperiksa lalu diunggah',
        params: batchIdParam,
      },
      config: users,
    },
    async (req, reply) => {
      const file = await responses.fetchResponseFile(db, req.ctx, req.params.id, adapter);
      return sendFile(reply, { fileName: file.name, contentType: 'text/csv; charset=utf-8', content: file.content });
    },
  );

  app.post(
    '/api/exchange/batches/:id/simulator/apply',
    {
      schema: {
        tags,
        summary: 'Demo: minta jawaban simulator BPJS dan terapkan langsung (pemeriksaan sama dengan unggahan)',
        params: batchIdParam,
        response: { 200: simulatorResponse },
      },
      config: users,
    },
    async (req) => responses.applyAdapterResponse(db, req.ctx, req.params.id, adapter),
  );

  app.get(
    '/api/exchange/snapshots',
    {
      schema: {
        tags,
        summary: 'Snapshot peserta BPJS yang sudah diimpor',
        querystring: snapshotListQuery,
        response: { 200: snapshotList },
      },
      config: users,
    },
    async (req) => snapshots.listSnapshots(db, req.ctx, req.query),
  );

  app.get(
    '/api/exchange/reconciliation',
    {
      schema: {
        tags,
        summary: 'Rekonsiliasi: cocok, selisih, tidak ada di BPJS, di luar Lindung (NIK disamarkan)',
        querystring: reconciliationQuery,
        response: { 200: reconciliation },
      },
      config: users,
    },
    async (req) => reconciling.reconciliation(db, req.ctx, req.query),
  );

  app.get(
    '/api/exchange/reconciliation.xlsx',
    {
      schema: {
        tags,
        summary: 'Rekonsiliasi sebagai XLSX (empat lembar); tercatat di audit',
        querystring: z.strictObject({ region: regionCode.optional() }),
      },
      config: users,
    },
    async (req, reply) => sendFile(reply, await reconciling.reconciliationXlsx(db, req.ctx, req.query.region)),
  );

  app.post(
    '/api/exchange/reconciliation/take-kpj',
    {
      schema: {
        tags,
        summary: 'Ambil KPJ BPJS: KPJ dari snapshot terbaru ditulis ke kepesertaan Lindung (tercatat di audit)',
        body: takeKpjRequest,
        response: { 200: takeKpjResult },
      },
      config: users,
    },
    async (req) => actions.takeBranchKpj(db, req.ctx, req.body),
  );

  app.post(
    '/api/exchange/village-checks',
    {
      schema: {
        tags,
        summary: 'Minta desa cek: permintaan ke operator desa peserta (satu yang terbuka per NIK; tercatat di audit)',
        body: villageCheckCreate,
        response: { 200: villageCheckCreated },
      },
      config: users,
    },
    async (req) => actions.requestVillageCheck(db, req.ctx, req.body),
  );

  app.get(
    '/api/exchange/village-checks',
    {
      schema: {
        tags,
        summary: 'Permintaan cek ke desa di wilayah Anda (yang terbuka lebih dulu; NIK disamarkan)',
        querystring: villageCheckQuery,
        response: { 200: villageCheckList },
      },
      config: { access: { roles: VILLAGE_CHECK_READERS } },
    },
    async (req) => actions.listVillageChecks(db, req.ctx, req.query),
  );

  app.post(
    '/api/exchange/village-checks/:id/answer',
    {
      schema: {
        tags,
        summary: 'Jawaban desa atas permintaan cek (tercatat di audit)',
        params: villageCheckIdParam,
        body: villageCheckAnswer,
        response: { 200: villageCheck },
      },
      config: { access: { roles: VILLAGE_CHECK_ANSWERERS } },
    },
    async (req) => actions.answerVillageCheck(db, req.ctx, req.params.id, req.body),
  );

  app.get(
    '/api/exchange/response-template.xlsx',
    {
      schema: { tags, summary: 'Templat berkas jawaban cabang (XLSX): NIK dan KPJ sebagai teks, satu baris contoh' },
      config: users,
    },
    async (req, reply) => sendUploadTemplate(reply, await responseTemplate(db, req.ctx)),
  );

  app.get(
    '/api/exchange/snapshot-template.xlsx',
    {
      schema: { tags, summary: 'Templat snapshot peserta (XLSX): NIK dan KPJ sebagai teks, satu baris contoh' },
      config: users,
    },
    async (req, reply) => sendUploadTemplate(reply, await snapshotTemplate(db, req.ctx)),
  );

  // Uploads: the file arrives as the raw body, as for worker imports.
  registerUploadRoutes(app, MAX_UPLOAD_BYTES, (scoped) => {
    scoped.post(
      '/api/exchange/batches/:id/response',
      {
        schema: {
          tags,
          summary:
            'Unggah jawaban cabang (NIK, KPJ, status, alasan, mulai): dryRun=true pratinjau, false terapkan semua atau tidak sama sekali',
          params: batchIdParam,
          querystring: responseUploadQuery,
          response: { 200: responseResult },
        },
        bodyLimit: MAX_UPLOAD_BYTES,
        config: users,
      },
      async (req) =>
        responses.importResponse(db, req.ctx, req.params.id, {
          fileName: req.query.fileName,
          dryRun: req.query.dryRun,
          content: uploadedFile(req.body),
        }),
    );

    scoped.post(
      '/api/exchange/snapshots',
      {
        schema: {
          tags,
          summary: 'Unggah snapshot peserta BPJS satu wilayah (NIK, KPJ, kategori, mulai, akhir, dibayar sampai)',
          querystring: snapshotUploadQuery,
          response: { 200: snapshotResult },
        },
        bodyLimit: MAX_UPLOAD_BYTES,
        config: users,
      },
      async (req) =>
        snapshots.importSnapshot(database, req.ctx, {
          fileName: req.query.fileName,
          region: req.query.region,
          asOf: req.query.asOf,
          content: uploadedFile(req.body),
        }),
    );
  });
}
