import { z } from 'zod';
import { NIK_REVEALERS, WORKER_EDITORS, WORKER_MERGERS, WORKER_READERS } from '../../../lib/access/roles.ts';
import { okResponse } from '../../../lib/contracts/common.ts';
import {
  duplicateDismiss,
  duplicateList,
  duplicateListQuery,
  duplicateMerge,
  nikReveal,
  worker,
  workerCreate,
  workerHistory,
  workerList,
  workerListQuery,
  workerSaved,
  workerUpdate,
} from '../../../lib/contracts/workers.ts';
import type { Db } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import * as duplicates from './registry.duplicates.ts';
import * as history from './registry.history.ts';
import { RateWindow } from '../../platform/rate-window.ts';
import * as registry from './registry.service.ts';

const idParam = z.strictObject({ id: z.string().regex(/^\d{1,18}$/, 'angka') });

export function registerRegistryRoutes(app: App, deps: { db: Db; nikLookupsPerHour: number }) {
  const { db } = deps;
  const limits = { nikAnswers: new RateWindow(deps.nikLookupsPerHour, 60 * 60_000) };
  const readers = { access: { roles: WORKER_READERS } };
  const editors = { access: { roles: WORKER_EDITORS } };
  const mergers = { access: { roles: WORKER_MERGERS } };

  app.get(
    '/api/workers',
    {
      schema: {
        tags: ['registry'],
        summary: 'Daftar pekerja di wilayah Anda (NIK disamarkan)',
        querystring: workerListQuery,
        response: { 200: workerList },
      },
      config: readers,
    },
    async (req) => registry.listWorkers(db, req.ctx, req.query),
  );

  app.post(
    '/api/workers',
    {
      schema: { tags: ['registry'], summary: 'Tambah pekerja', body: workerCreate, response: { 201: workerSaved } },
      config: editors,
    },
    async (req, reply) => reply.status(201).send(await registry.registerWorker(db, req.ctx, req.body, limits)),
  );

  app.get(
    '/api/workers/:id',
    {
      schema: { tags: ['registry'], summary: 'Satu pekerja', params: idParam, response: { 200: worker } },
      config: readers,
    },
    async (req) => registry.getWorker(db, req.ctx, req.params.id),
  );

  app.patch(
    '/api/workers/:id',
    {
      schema: {
        tags: ['registry'],
        summary: 'Ubah data pekerja',
        params: idParam,
        body: workerUpdate,
        response: { 200: workerSaved },
      },
      config: editors,
    },
    async (req) => registry.updateWorker(db, req.ctx, req.params.id, req.body, limits),
  );

  app.post(
    '/api/workers/:id/reveal-nik',
    {
      schema: {
        tags: ['registry'],
        summary: 'Lihat NIK lengkap (tercatat di jejak audit)',
        params: idParam,
        response: { 200: nikReveal },
      },
      config: { access: { roles: NIK_REVEALERS } },
    },
    async (req) => registry.revealNik(db, req.ctx, req.params.id),
  );

  app.get(
    '/api/workers/:id/history',
    {
      schema: {
        tags: ['registry'],
        summary: 'Riwayat perubahan satu pekerja (NIK disamarkan)',
        params: idParam,
        response: { 200: workerHistory },
      },
      config: readers,
    },
    async (req) => history.workerHistory(db, req.ctx, req.params.id),
  );

  app.get(
    '/api/workers/duplicates',
    {
      schema: {
        tags: ['registry'],
        summary: 'Kemungkinan duplikat di wilayah Anda',
        querystring: duplicateListQuery,
        response: { 200: duplicateList },
      },
      config: editors,
    },
    async (req) => duplicates.listDuplicates(db, req.ctx, req.query),
  );

  app.post(
    '/api/workers/duplicates/merge',
    {
      schema: {
        tags: ['registry'],
        summary: 'Gabungkan dua data pekerja yang sama (tercatat di jejak audit)',
        body: duplicateMerge,
        response: { 200: workerSaved },
      },
      config: mergers,
    },
    async (req) => duplicates.mergeDuplicates(db, req.ctx, req.body),
  );

  app.post(
    '/api/workers/duplicates/dismiss',
    {
      schema: {
        tags: ['registry'],
        summary: 'Tandai pasangan sebagai bukan duplikat',
        body: duplicateDismiss,
        response: { 200: okResponse },
      },
      config: mergers,
    },
    async (req) => duplicates.dismissDuplicate(db, req.ctx, req.body),
  );
}
