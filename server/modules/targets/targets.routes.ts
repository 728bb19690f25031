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
} from '../../../lib/contracts/targets.ts';
import type { Db } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import * as targets from './targets.service.ts';

const tags = ['targets'];

export function registerTargetRoutes(app: App, deps: { db: Db; clock?: targets.Clock }) {
  const { db } = deps;
  const clock = deps.clock ?? targets.systemClock;
  const readers = { access: { roles: TARGET_READERS } };
  const editors = { access: { roles: TARGET_EDITORS } };

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
