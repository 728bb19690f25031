// Routes of the claim documents and workflow (issue 15 §4, §5, §7). Registered by registerClaimRoutes.
import {
  assigneeInput,
  claimWorkflow,
  documentChecklist,
  documentIdParam,
  documentUploadQuery,
  handoverQuery,
  holidayDayParam,
  holidayInput,
  holidayList,
  receiptInput,
  transitionInput,
} from '../../../lib/contracts/claims-workflow.ts';
import { CLAIM_READERS, claimIdParam } from '../../../lib/contracts/claims.ts';
import { DOCUMENT_EDITORS, RECEIPT_RECORDERS } from '../../../lib/rules/claim-workflow.ts';
import { registerUploadRoutes, uploadedFile, type App } from '../../platform/http.ts';
import { XLSX_TYPE } from './claims.export.ts';
import { handoverFile } from './claims.handover.ts';
import * as sla from './claims.sla.ts';
import * as documents from './documents.service.ts';
import * as workflow from './workflow.service.ts';

const tags = ['claims'];

export function registerClaimWorkflowRoutes(app: App, deps: documents.DocumentDeps) {
  const { db, maxBytes } = deps;
  const readers = { access: { roles: CLAIM_READERS } };
  const editors = { access: { roles: DOCUMENT_EDITORS } };

  app.get(
    '/api/claims/:id/documents',
    {
      schema: {
        tags,
        summary: 'Daftar dokumen klaim: yang wajib, yang sudah diunggah, dan apakah berkas lengkap',
        params: claimIdParam,
        response: { 200: documentChecklist },
      },
      config: readers,
    },
    async (req) => documents.getChecklist(deps, req.ctx, req.params.id),
  );

  registerUploadRoutes(app, maxBytes, (scoped) => {
    scoped.post(
      '/api/claims/:id/documents',
      {
        schema: {
          tags,
          summary: 'Unggah satu dokumen klaim (PDF/JPEG/PNG sebagai isi permintaan; jenis dilihat dari isinya)',
          params: claimIdParam,
          querystring: documentUploadQuery,
          response: { 201: documentChecklist },
        },
        bodyLimit: maxBytes,
        config: editors,
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await documents.uploadDocument(deps, req.ctx, req.params.id, req.query, uploadedFile(req.body))),
    );
  });

  app.get(
    '/api/claims/documents/:id/file',
    {
      schema: {
        tags,
        summary: 'Buka dokumen klaim (tercatat di jejak audit sebelum dikirim)',
        params: documentIdParam,
      },
      config: readers,
    },
    async (req, reply) => {
      const { doc, stream } = await documents.openDocument(deps, req.ctx, req.params.id);
      const ext = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }[doc.contentType];
      return reply
        .header('content-type', doc.contentType)
        .header('content-length', String(doc.sizeBytes))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="dokumen-${doc.id}.${ext}"`)
        .send(stream);
    },
  );

  app.delete(
    '/api/claims/documents/:id',
    {
      schema: {
        tags,
        summary: 'Hapus dokumen klaim (selama berkas belum lengkap)',
        params: documentIdParam,
        response: { 200: documentChecklist },
      },
      config: editors,
    },
    async (req) => documents.removeDocument(deps, req.ctx, req.params.id),
  );

  app.get(
    '/api/claims/:id/workflow',
    {
      schema: {
        tags,
        summary: 'Tahap klaim, penanggung jawab, keputusan, konfirmasi penerimaan dan riwayatnya',
        params: claimIdParam,
        response: { 200: claimWorkflow },
      },
      config: readers,
    },
    async (req) => workflow.getWorkflow(db, req.ctx, req.params.id),
  );

  app.post(
    '/api/claims/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Langkah berikut klaim (lengkap, serahkan, kembalikan, bayar, tolak, tutup); urutan dijaga server',
        params: claimIdParam,
        body: transitionInput,
        response: { 200: claimWorkflow },
      },
      // Who may take which step is the state machine's (lib/rules/claim-workflow.ts), checked in the service.
      config: readers,
    },
    async (req) => workflow.transition(db, req.ctx, req.params.id, req.body, maxBytes),
  );

  app.put(
    '/api/claims/:id/assignee',
    {
      schema: {
        tags,
        summary: 'Tetapkan penanggung jawab klaim (satu orang)',
        params: claimIdParam,
        body: assigneeInput,
        response: { 200: claimWorkflow },
      },
      config: editors,
    },
    async (req) => workflow.assign(db, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/claims/:id/receipt',
    {
      schema: {
        tags,
        summary: 'Catat konfirmasi ahli waris bahwa manfaat diterima dan apakah ada yang meminta imbalan',
        params: claimIdParam,
        body: receiptInput,
        response: { 200: claimWorkflow },
      },
      config: { access: { roles: RECEIPT_RECORDERS } },
    },
    async (req) => workflow.recordReceipt(db, req.ctx, req.params.id, req.body),
  );

  app.get(
    '/api/claims/:id/cover-letter.pdf',
    {
      schema: {
        tags,
        summary: 'Surat pengantar berkas klaim ke BPJS (PDF, tercatat di jejak audit)',
        params: claimIdParam,
      },
      config: readers,
    },
    async (req, reply) => {
      const pdf = await workflow.coverLetter(db, req.ctx, req.params.id, maxBytes);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="surat-pengantar-klaim-${req.params.id}.pdf"`)
        .send(pdf);
    },
  );

  app.get(
    '/api/claims/handover-file',
    {
      schema: {
        tags,
        summary:
          'Berkas serah klaim ke BPJS: semua klaim yang sudah diserahkan dan belum diputus, satu baris per klaim (XLSX/CSV, tercatat di jejak audit)',
        querystring: handoverQuery,
      },
      config: readers,
    },
    async (req, reply) => {
      const { bytes } = await handoverFile(db, req.ctx, req.query);
      const csv = req.query.format === 'csv';
      return reply
        .header('content-type', csv ? 'text/csv; charset=utf-8' : XLSX_TYPE)
        .header('content-disposition', `attachment; filename="serah-klaim-bpjs.${csv ? 'csv' : 'xlsx'}"`)
        .header('cache-control', 'no-store')
        .send(bytes);
    },
  );

  app.get(
    '/api/claims/holidays',
    {
      schema: {
        tags,
        summary: 'Hari libur (bukan hari kerja) untuk batas layanan klaim',
        response: { 200: holidayList },
      },
      config: readers,
    },
    async (req) => sla.listHolidays(db, req.ctx),
  );
  app.post(
    '/api/claims/holidays',
    {
      schema: {
        tags,
        summary: 'Tambah hari libur (administrator)',
        body: holidayInput,
        response: { 201: holidayList },
      },
      config: { access: { roles: ['admin'] } },
    },
    async (req, reply) => reply.status(201).send(await sla.addHoliday(db, req.ctx, req.body)),
  );
  app.delete(
    '/api/claims/holidays/:day',
    {
      schema: {
        tags,
        summary: 'Hapus hari libur (administrator)',
        params: holidayDayParam,
        response: { 200: holidayList },
      },
      config: { access: { roles: ['admin'] } },
    },
    async (req) => sla.removeHoliday(db, req.ctx, req.params.day),
  );
}
