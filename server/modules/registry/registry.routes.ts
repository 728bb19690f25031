import { z } from 'zod';
import { NIK_REVEALERS, WORKER_EDITORS, WORKER_READERS } from '../../../lib/access/roles.ts';
import {
  nikReveal,
  worker,
  workerCreate,
  workerList,
  workerListQuery,
  workerSaved,
  workerUpdate,
} from '../../../lib/contracts/workers.ts';
import type { Db } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import * as registry from './registry.service.ts';

const idParam = z.strictObject({ id: z.string().regex(/^\d{1,18}$/, 'angka') });

export function registerRegistryRoutes(app: App, deps: { db: Db }) {
  const { db } = deps;
  const readers = { access: { roles: WORKER_READERS } };
  const editors = { access: { roles: WORKER_EDITORS } };

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
    async (req, reply) => reply.status(201).send(await registry.registerWorker(db, req.ctx, req.body)),
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
    async (req) => registry.updateWorker(db, req.ctx, req.params.id, req.body),
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
}
