// Routes of organisations (channels) and joint work plans (issue 16 §2, §3). Registered by registerGovernanceRoutes.
import {
  CHANNEL_READERS,
  GOVERNANCE_EDITORS,
  GOVERNANCE_READERS,
  idParam,
  itemDoneInput,
  itemIdParam,
  itemInput,
  memberInput,
  organisation,
  organisationInput,
  organisationList,
  organisationUpdate,
  plan,
  planInput,
  planList,
  recomputeAnswer,
} from '../../../lib/contracts/governance.ts';
import { okResponse } from '../../../lib/contracts/common.ts';
import type { Db } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import type { JobQueue } from '../../platform/jobs.ts';
import * as organisations from './organisations.service.ts';
import * as plans from './plans.service.ts';

const tags = ['governance'];

export function registerPlanRoutes(app: App, { db, jobs }: { db: Db; jobs: JobQueue | undefined }) {
  const readers = { access: { roles: GOVERNANCE_READERS } };
  const editors = { access: { roles: GOVERNANCE_EDITORS } };
  app.get(
    '/api/governance/organisations',
    {
      schema: {
        tags,
        summary: 'Organisasi dan saluran di wilayah Anda dan di atasnya',
        response: { 200: organisationList },
      },
      config: { access: { roles: CHANNEL_READERS } },
    },
    async (req) => organisations.listOrganisations(db, req.ctx),
  );
  app.post(
    '/api/governance/organisations',
    {
      schema: { tags, summary: 'Tambah organisasi/saluran', body: organisationInput, response: { 201: organisation } },
      config: editors,
    },
    async (req, reply) => reply.status(201).send(await organisations.createOrganisation(db, req.ctx, req.body)),
  );
  app.put(
    '/api/governance/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Ubah organisasi/saluran (jenis, nama, aktif)',
        params: idParam,
        body: organisationUpdate,
        response: { 200: organisation },
      },
      config: editors,
    },
    async (req) => organisations.updateOrganisation(db, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/governance/progress/recompute',
    {
      schema: {
        tags,
        summary: 'Hitung ulang kemajuan rencana aksi sekarang (mengantrekan tugas terjadwal governance.progress)',
        response: { 202: recomputeAnswer },
      },
      config: editors,
    },
    async (req, reply) => reply.status(202).send(await plans.requestProgress(db, req.ctx, jobs)),
  );
  app.put(
    '/api/governance/members',
    {
      schema: {
        tags,
        summary: 'Tetapkan organisasi seorang pengguna (saluran bawaan)',
        body: memberInput,
        response: { 200: okResponse },
      },
      config: editors,
    },
    async (req) => organisations.setMember(db, req.ctx, req.body),
  );
  app.get(
    '/api/governance/plans',
    { schema: { tags, summary: 'Rencana kerja bersama', response: { 200: planList } }, config: readers },
    async (req) => plans.listPlans(db, req.ctx),
  );
  app.post(
    '/api/governance/plans',
    {
      schema: {
        tags,
        summary: 'Catat rencana kerja bersama dengan penanda tangan dan rencana aksi',
        body: planInput,
        response: { 201: plan },
      },
      config: editors,
    },
    async (req, reply) => reply.status(201).send(await plans.createPlan(db, req.ctx, req.body)),
  );
  app.get(
    '/api/governance/plans/:id',
    {
      schema: {
        tags,
        summary: 'Rencana kerja dengan kemajuan tiap rencana aksi (hasil hitungan terakhir)',
        params: idParam,
        response: { 200: plan },
      },
      config: readers,
    },
    async (req) => plans.getPlan(db, req.ctx, req.params.id),
  );
  app.post(
    '/api/governance/plans/:id/items',
    {
      schema: { tags, summary: 'Tambah rencana aksi', params: idParam, body: itemInput, response: { 201: plan } },
      config: editors,
    },
    async (req, reply) => reply.status(201).send(await plans.addItem(db, req.ctx, req.params.id, req.body)),
  );
  app.put(
    '/api/governance/plans/:id/items/:itemId/done',
    {
      schema: {
        tags,
        summary: 'Tandai rencana aksi manual selesai/belum dengan bukti',
        params: itemIdParam,
        body: itemDoneInput,
        response: { 200: plan },
      },
      config: editors,
    },
    async (req) => plans.setItemDone(db, req.ctx, req.params.id, req.params.itemId, req.body),
  );
}
