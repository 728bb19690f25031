import {
  COLLECTION_PLANNERS,
  COLLECTION_WORKERS,
  DEVICE_ADMINS,
  device,
  deviceCreate,
  deviceIdParam,
  deviceList,
  idParam,
  listImportQuery,
  listImportResult,
  regionCodes,
  syncRequest,
  syncResult,
  targetCreate,
  targetDetail,
  targetList,
  targetSummary,
  villageList,
  villagesQuery,
  visitInput,
  worklist,
  worklistQuery,
} from '../../../lib/contracts/collection.ts';
import { z } from 'zod';
import type { Database, Db } from '../../platform/db.ts';
import { registerUploadRoutes, uploadedFile, type App } from '../../platform/http.ts';
import { regionCodeSets } from '../regions/index.ts';
import * as candidates from './collection.candidates.ts';
import { targetWorkbook, XLSX_TYPE } from './collection.export.ts';
import { FIELD_SW_SCRIPT } from './collection.sw.ts';
import * as sync from './collection.sync.ts';
import * as targets from './collection.targets.ts';

const tags = ['collection'];
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export function registerCollectionRoutes(app: App, deps: { db: Db; database: Database }) {
  const { db } = deps;
  const planners = { access: { roles: COLLECTION_PLANNERS } };
  const collectors = { access: { roles: COLLECTION_WORKERS } };
  const admins = { access: { roles: DEVICE_ADMINS } };

  app.post(
    '/api/collection/targets',
    {
      schema: {
        tags,
        summary:
          'Bagi kuota ke semua desa wilayah: manual, rata, atau sebanding angkatan kerja BPS / daftar kemiskinan',
        body: targetCreate,
        response: { 201: targetSummary },
      },
      config: planners,
    },
    async (req, reply) => reply.status(201).send(await targets.createTarget(db, req.ctx, req.body)),
  );

  app.get(
    '/api/collection/villages',
    {
      schema: {
        tags,
        summary: 'Semua desa/kelurahan wilayah (untuk membagi kuota secara manual)',
        querystring: villagesQuery,
        response: { 200: villageList },
      },
      config: planners,
    },
    async (req) => targets.villagesInRegion(db, req.ctx, req.query.region),
  );

  app.get(
    '/api/collection/region-codes',
    {
      schema: {
        tags,
        summary: 'Semua kode provinsi dan kecamatan, untuk memeriksa awalan wilayah NIK di perangkat tanpa sinyal',
        response: { 200: regionCodes },
      },
      config: collectors,
    },
    async () => {
      const sets = await regionCodeSets(db);
      return { provinces: [...sets.provinces].sort(), districts: [...sets.districts].sort() };
    },
  );

  app.get(
    '/api/collection/targets',
    {
      schema: { tags, summary: 'Target pengumpulan di wilayah Anda', response: { 200: targetList } },
      config: collectors,
    },
    async (req) => targets.listTargets(db, req.ctx),
  );

  app.get(
    '/api/collection/targets/:id',
    {
      schema: {
        tags,
        summary: 'Kuota dan kemajuan tiap desa (terdaftar, diusulkan, terlindungi, sisa), termasuk desa tanpa pekerja',
        params: idParam,
        response: { 200: targetDetail },
      },
      config: collectors,
    },
    async (req) => targets.targetDetail(db, req.ctx, req.params.id),
  );

  app.get(
    '/api/collection/targets/:id/export.xlsx',
    { schema: { tags, summary: 'Unduh kuota dan kemajuan tiap desa (XLSX)', params: idParam }, config: collectors },
    async (req, reply) => {
      const detail = await targets.targetDetail(db, req.ctx, req.params.id);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="target-pengumpulan-${detail.id}.xlsx"`)
        .send(await targetWorkbook(detail, req.ctx.actor?.locale ?? 'id'));
    },
  );

  app.get(
    '/api/collection/worklist',
    {
      schema: {
        tags,
        summary: 'Daftar kunjungan desa: calon yang kemungkinan layak dan belum terlindungi, desil terendah dulu',
        querystring: worklistQuery,
        response: { 200: worklist },
      },
      config: collectors,
    },
    async (req) => candidates.worklist(db, req.ctx, req.query),
  );

  app.post(
    '/api/collection/visits',
    {
      schema: {
        tags,
        summary: 'Catat hasil kunjungan calon',
        body: visitInput,
        response: { 201: z.object({ id: z.string() }) },
      },
      config: collectors,
    },
    async (req, reply) => reply.status(201).send(await candidates.recordVisit(db, req.ctx, req.body)),
  );

  app.post(
    '/api/collection/devices',
    {
      schema: {
        tags,
        summary: 'Daftarkan perangkat lapangan (aplikasi luring) untuk akun ini',
        body: deviceCreate.extend({ id: z.uuid() }),
        response: { 201: device },
      },
      config: collectors,
    },
    async (req, reply) => reply.status(201).send(await sync.registerDevice(db, req.ctx, req.body)),
  );

  app.get(
    '/api/collection/devices',
    { schema: { tags, summary: 'Perangkat lapangan di wilayah Anda', response: { 200: deviceList } }, config: admins },
    async (req) => sync.listDevices(db, req.ctx),
  );

  app.post(
    '/api/collection/devices/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Cabut perangkat: antreannya tidak diterima lagi',
        params: deviceIdParam,
        response: { 200: device },
      },
      config: admins,
    },
    async (req) => sync.revokeDevice(db, req.ctx, req.params.id),
  );

  app.post(
    '/api/collection/sync',
    {
      schema: {
        tags,
        summary:
          'Kirim antrean luring: entri diterapkan berurutan dan sekali saja (id dari perangkat); jawaban per entri diterima/galat/konflik',
        body: syncRequest,
        response: { 200: syncResult },
      },
      bodyLimit: 5 * 1024 * 1024,
      config: collectors,
    },
    async (req) => sync.syncQueue(db, req.ctx, req.body),
  );

  // The field page's service worker: a fixed path, revalidated on every load (never an immutable cache).
  app.get('/collection-sw.js', { schema: { hide: true }, config: { access: { public: true } } }, async (_req, reply) =>
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('service-worker-allowed', '/lapangan')
      .send(FIELD_SW_SCRIPT),
  );

  registerUploadRoutes(app, MAX_UPLOAD_BYTES, (scoped) => {
    scoped.post(
      '/api/collection/lists/import',
      {
        schema: {
          tags,
          summary:
            'Impor daftar calon dari data kemiskinan (DTSEN/P3KE; CSV ; atau XLSX): semua baris atau tidak sama sekali; bukan pendaftaran pekerja',
          querystring: listImportQuery,
          response: { 201: listImportResult },
        },
        bodyLimit: MAX_UPLOAD_BYTES,
        config: planners,
      },
      async (req, reply) =>
        reply.status(201).send(
          await candidates.importCandidates(deps.database, req.ctx, {
            ...req.query,
            content: uploadedFile(req.body),
          }),
        ),
    );
  });
}
