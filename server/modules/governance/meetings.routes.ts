// Routes of meetings (issue 16 §4), the village briefing list and the league tables (§5). Registered by
// registerGovernanceRoutes.
import {
  briefingList,
  briefingQuery,
  decisionIdParam,
  GOVERNANCE_EDITORS,
  GOVERNANCE_READERS,
  idParam,
  leagueQuery,
  leagueTable,
  meeting,
  meetingInput,
  meetingList,
  promoteInput,
  uploadQuery,
} from '../../../lib/contracts/governance.ts';
import { sendPdf } from './governance.files.ts';
import { registerUploadRoutes, uploadedFile, type App } from '../../platform/http.ts';
import type { FileDeps } from './instruments.service.ts';
import * as league from './league.service.ts';
import * as meetings from './meetings.service.ts';

const tags = ['governance'];

export function registerMeetingRoutes(app: App, deps: FileDeps) {
  const { db } = deps;
  const readers = { access: { roles: GOVERNANCE_READERS } };
  const editors = { access: { roles: GOVERNANCE_EDITORS } };
  app.get(
    '/api/governance/meetings',
    {
      schema: { tags, summary: 'Rapat koordinasi, FGD dan sosialisasi', response: { 200: meetingList } },
      config: readers,
    },
    async (req) => meetings.listMeetings(db, req.ctx),
  );
  app.post(
    '/api/governance/meetings',
    {
      schema: {
        tags,
        summary: 'Catat rapat dengan kehadiran per organisasi dan desa serta keputusannya',
        body: meetingInput,
        response: { 201: meeting },
      },
      config: editors,
    },
    async (req, reply) => reply.status(201).send(await meetings.createMeeting(db, req.ctx, req.body)),
  );
  app.post(
    '/api/governance/meetings/:id/decisions/:decisionId/item',
    {
      schema: {
        tags,
        summary: 'Jadikan keputusan rapat rencana aksi sebuah rencana kerja',
        params: decisionIdParam,
        body: promoteInput,
        response: { 200: meeting },
      },
      config: editors,
    },
    async (req) => meetings.promoteDecision(db, req.ctx, req.params.id, req.params.decisionId, req.body),
  );
  registerUploadRoutes(app, deps.maxBytes, (scoped) => {
    scoped.put(
      '/api/governance/meetings/:id/minutes',
      {
        schema: {
          tags,
          summary: 'Unggah notulen rapat (PDF, isi permintaan)',
          params: idParam,
          querystring: uploadQuery,
          response: { 200: meeting },
        },
        bodyLimit: deps.maxBytes,
        config: editors,
      },
      async (req) => meetings.uploadMinutes(deps, req.ctx, req.params.id, req.query.fileName, uploadedFile(req.body)),
    );
  });
  app.get(
    '/api/governance/meetings/:id/minutes',
    {
      schema: { tags, summary: 'Buka notulen rapat (tercatat di jejak audit sebelum dikirim)', params: idParam },
      config: readers,
    },
    async (req, reply) => {
      const file = await meetings.openMinutes(deps, req.ctx, req.params.id);
      return sendPdf(reply, file);
    },
  );
  app.get(
    '/api/governance/villages/briefing',
    {
      schema: {
        tags,
        summary: 'Desa/kelurahan yang sudah dan belum mendapat sosialisasi dalam periode',
        querystring: briefingQuery,
        response: { 200: briefingList },
      },
      config: readers,
    },
    async (req) => meetings.villageBriefing(db, req.ctx, req.query),
  );
  app.get(
    '/api/governance/league',
    {
      schema: {
        tags,
        summary: 'Peringkat pertumbuhan peserta aktif per saluran atau per desa dalam periode',
        querystring: leagueQuery,
        response: { 200: leagueTable },
      },
      config: readers,
    },
    async (req) => league.leagueTable(db, req.ctx, req.query),
  );
  app.get(
    '/api/governance/league.xlsx',
    {
      schema: { tags, summary: 'Unduh peringkat pertumbuhan peserta aktif (XLSX)', querystring: leagueQuery },
      config: readers,
    },
    async (req, reply) => {
      const file = await league.leagueWorkbook(db, req.ctx, req.query);
      return reply
        .header('content-type', league.XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.bytes);
    },
  );
}
