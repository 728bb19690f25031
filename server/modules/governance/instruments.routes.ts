// Routes of the register of legal instruments and agreements (issue 16 §1) and the public list of enacted regional
// regulations. Registered by registerGovernanceRoutes.
import {
  expiringList,
  idParam,
  instrument,
  instrumentInput,
  instrumentList,
  instrumentQuery,
  openRegulationList,
  uploadQuery,
  GOVERNANCE_EDITORS,
  GOVERNANCE_READERS,
} from '../../../lib/contracts/governance.ts';
import { registerUploadRoutes, uploadedFile, type App } from '../../platform/http.ts';
import { sendPdf } from './governance.files.ts';
import * as instruments from './instruments.service.ts';

const tags = ['governance'];

export function registerInstrumentRoutes(app: App, deps: instruments.FileDeps) {
  const { db } = deps;
  const readers = { access: { roles: GOVERNANCE_READERS } };
  const editors = { access: { roles: GOVERNANCE_EDITORS } };

  app.get(
    '/api/governance/instruments',
    {
      schema: {
        tags,
        summary: 'Daftar produk hukum dan perjanjian (Perda, Raperda, Perkada, SE, PKS/MoU, rujukan nasional)',
        querystring: instrumentQuery,
        response: { 200: instrumentList },
      },
      config: readers,
    },
    async (req) => instruments.listInstruments(db, req.ctx, req.query),
  );

  app.post(
    '/api/governance/instruments',
    {
      schema: {
        tags,
        summary: 'Catat produk hukum atau perjanjian',
        body: instrumentInput,
        response: { 201: instrument },
      },
      config: editors,
    },
    async (req, reply) => reply.status(201).send(await instruments.createInstrument(db, req.ctx, req.body)),
  );

  app.get(
    '/api/governance/instruments/:id',
    {
      schema: { tags, summary: 'Satu produk hukum atau perjanjian', params: idParam, response: { 200: instrument } },
      config: readers,
    },
    async (req) => instruments.getInstrument(db, req.ctx, req.params.id),
  );

  app.put(
    '/api/governance/instruments/:id',
    {
      schema: {
        tags,
        summary: 'Ubah produk hukum atau perjanjian (status, tahap Raperda, masa berlaku, tautan)',
        params: idParam,
        body: instrumentInput,
        response: { 200: instrument },
      },
      config: editors,
    },
    async (req) => instruments.updateInstrument(db, req.ctx, req.params.id, req.body),
  );

  registerUploadRoutes(app, deps.maxBytes, (scoped) => {
    scoped.put(
      '/api/governance/instruments/:id/file',
      {
        schema: {
          tags,
          summary: 'Unggah berkas PDF bertanda tangan (isi permintaan; jenis dilihat dari isinya)',
          params: idParam,
          querystring: uploadQuery,
          response: { 200: instrument },
        },
        bodyLimit: deps.maxBytes,
        config: editors,
      },
      async (req) =>
        instruments.uploadInstrumentFile(deps, req.ctx, req.params.id, req.query.fileName, uploadedFile(req.body)),
    );
  });

  app.get(
    '/api/governance/instruments/:id/file',
    {
      schema: {
        tags,
        summary: 'Buka berkas bertanda tangan (tercatat di jejak audit sebelum dikirim)',
        params: idParam,
      },
      config: readers,
    },
    async (req, reply) => {
      const file = await instruments.openInstrumentFile(deps, req.ctx, req.params.id);
      return sendPdf(reply, file);
    },
  );

  app.get(
    '/api/governance/agreements/expiring',
    {
      schema: {
        tags,
        summary: 'Perjanjian yang berakhir dalam 90 hari (peringatan 90 dan 30 hari)',
        response: { 200: expiringList },
      },
      config: readers,
    },
    async (req) => instruments.expiringAgreements(db, req.ctx),
  );

  app.get(
    '/open/regulations',
    {
      schema: {
        tags: ['open-data'],
        summary: 'Data terbuka: peraturan daerah yang sudah ditetapkan (tanpa masuk)',
        response: { 200: openRegulationList },
      },
      config: { access: { public: true } },
    },
    async () => instruments.openRegulations(db),
  );
}
