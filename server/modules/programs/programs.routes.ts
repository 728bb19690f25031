import {
  batchResult,
  continuationList,
  continuationQuery,
  workerIdParam,
  endRequest,
  endResult,
  ENROLLMENT_PROPOSERS,
  fileProposalQuery,
  fileProposalResult,
  ENROLLMENT_READERS,
  enrollmentList,
  enrollmentListQuery,
  gapList,
  idParam,
  PROGRAM_MANAGERS,
  PROGRAM_READERS,
  programCostPreview,
  programCostPreviewRequest,
  programCreate,
  programDetail,
  programList,
  programListQuery,
  programUpdate,
  proposalRequest,
  proposalResult,
  rejectRequest,
  rejectResult,
  rolloverRequest,
  rolloverResult,
  verifyRequest,
  verifyResult,
} from '../../../lib/contracts/programs.ts';
import type { Db } from '../../platform/db.ts';
import { registerUploadRoutes, uploadedFile, type App } from '../../platform/http.ts';
import { sendUploadTemplate } from '../../platform/xlsx-template.ts';
import * as decisions from './enrollment.decisions.ts';
import * as lists from './enrollment.lists.ts';
import * as proposals from './enrollment.proposals.ts';
import { proposalTemplate, proposeFromFile } from './proposal-file.service.ts';
import * as programs from './programs.service.ts';
import { rollOverView } from './rollover.ts';
import { registerRosterRoutes } from './roster.routes.ts';
import * as continuation from './continuation.ts';
import { continuationWorkbook, XLSX_TYPE } from './continuation.export.ts';
import { continuationLetterPdf } from './continuation.letter.ts';

/** The export holds the whole list of a regency; a cohort of 10,000 is the largest the cases show. */
const CONTINUATION_EXPORT_MAX = 20_000;

const tags = ['programs'];
/** A proposal list of 20,000 rows is well under 5 MB even as CSV with names. */
const PROPOSAL_FILE_MAX_BYTES = 10 * 1024 * 1024;

export function registerProgramRoutes(app: App, deps: { db: Db }) {
  const { db } = deps;
  const readers = { access: { roles: PROGRAM_READERS } };
  const managers = { access: { roles: PROGRAM_MANAGERS } };
  const proposers = { access: { roles: ENROLLMENT_PROPOSERS } };
  registerRosterRoutes(app, deps);

  app.get(
    '/api/programs',
    {
      schema: {
        tags,
        summary: 'Program perlindungan yang menyangkut wilayah Anda, dengan kuota dan anggaran terikat',
        querystring: programListQuery,
        response: { 200: programList },
      },
      config: readers,
    },
    async (req) => programs.listPrograms(db, req.ctx, req.query),
  );

  app.post(
    '/api/programs',
    {
      schema: {
        tags,
        summary: 'Buat program perlindungan (iuran per bulan dihitung dari aturan iuran)',
        body: programCreate,
        response: { 201: programDetail },
      },
      config: managers,
    },
    async (req, reply) => reply.status(201).send(await programs.createProgram(db, req.ctx, req.body)),
  );

  app.post(
    '/api/programs/cost-preview',
    {
      schema: {
        tags,
        summary: 'Pratinjau biaya kuota dan berapa orang/bulan yang dibiayai pagu (tidak menyimpan apa pun)',
        body: programCostPreviewRequest,
        response: { 200: programCostPreview },
      },
      config: managers,
    },
    async (req) => programs.previewProgramCost(db, req.ctx, req.body),
  );

  app.get(
    '/api/programs/:id',
    {
      schema: {
        tags,
        summary: 'Satu program: biaya, kuota terisi, anggaran terikat per bulan',
        params: idParam,
        response: { 200: programDetail },
      },
      config: readers,
    },
    async (req) => programs.getProgram(db, req.ctx, req.params.id),
  );

  app.patch(
    '/api/programs/:id',
    {
      schema: {
        tags,
        summary: 'Ubah program (iuran dihitung ulang dengan aturan yang berlaku)',
        params: idParam,
        body: programUpdate,
        response: { 200: programDetail },
      },
      config: managers,
    },
    async (req) => programs.updateProgram(db, req.ctx, req.params.id, req.body),
  );

  app.get(
    '/api/programs/:id/gaps',
    {
      schema: {
        tags,
        summary: 'Per desa: pekerja sasaran terdaftar yang belum diikutsertakan',
        params: idParam,
        response: { 200: gapList },
      },
      config: readers,
    },
    async (req) => lists.programGaps(db, req.ctx, req.params.id),
  );

  app.get(
    '/api/programs/:id/enrollments',
    {
      schema: {
        tags,
        summary: 'Kepesertaan program di wilayah Anda (NIK disamarkan)',
        params: idParam,
        querystring: enrollmentListQuery,
        response: { 200: enrollmentList },
      },
      config: { access: { roles: ENROLLMENT_READERS } },
    },
    async (req) => lists.listEnrollments(db, req.ctx, req.params.id, req.query),
  );

  app.post(
    '/api/programs/:id/proposals/preview',
    {
      schema: {
        tags,
        summary: 'Pratinjau usulan: yang cocok, yang memenuhi syarat, dan alasan yang lain (tidak menyimpan)',
        params: idParam,
        body: proposalRequest,
        response: { 200: proposalResult },
      },
      config: proposers,
    },
    async (req) => proposals.proposeWorkers(db, req.ctx, req.params.id, req.body, { dryRun: true }),
  );

  app.post(
    '/api/programs/:id/proposals',
    {
      schema: {
        tags,
        summary: 'Usulkan pekerja (satu per satu atau dari filter daftar pekerja) sampai kuota dan pagu habis',
        params: idParam,
        body: proposalRequest,
        response: { 200: proposalResult },
      },
      config: proposers,
    },
    async (req) => proposals.proposeWorkers(db, req.ctx, req.params.id, req.body),
  );

  app.get(
    '/api/programs/proposal-template.xlsx',
    {
      schema: { tags, summary: 'Templat berkas usulan (XLSX): kolom NIK sebagai teks dan satu baris contoh' },
      config: proposers,
    },
    async (req, reply) => sendUploadTemplate(reply, await proposalTemplate(db, req.ctx)),
  );

  // A spreadsheet with a NIK column, sent as the raw request body (like a worker import).
  registerUploadRoutes(app, PROPOSAL_FILE_MAX_BYTES, (scoped) => {
    scoped.post(
      '/api/programs/:id/proposals/file',
      {
        schema: {
          tags,
          summary: 'Usulan dari berkas CSV/XLSX berkolom NIK: pratinjau (dryRun=true) lalu usulkan (dryRun=false)',
          params: idParam,
          querystring: fileProposalQuery,
          response: { 200: fileProposalResult },
        },
        bodyLimit: PROPOSAL_FILE_MAX_BYTES,
        config: proposers,
      },
      async (req) => {
        const content = uploadedFile(req.body);
        return proposeFromFile(
          db,
          req.ctx,
          req.params.id,
          { content, fileName: req.query.fileName, sheet: req.query.sheet, fromMonth: req.query.fromMonth },
          { dryRun: req.query.dryRun },
        );
      },
    );
  });

  app.post(
    '/api/programs/:id/enrollments/verify',
    {
      schema: {
        tags,
        summary: 'Verifikasi usulan (syarat diperiksa ulang; yang gagal tetap diusulkan dengan alasannya)',
        params: idParam,
        body: verifyRequest,
        response: { 200: verifyResult },
      },
      config: managers,
    },
    async (req) => decisions.verifyEnrollments(db, req.ctx, req.params.id, req.body.ids),
  );

  app.post(
    '/api/programs/:id/enrollments/reject',
    {
      schema: {
        tags,
        summary: 'Tolak usulan dengan alasan (slot kembali kosong)',
        params: idParam,
        body: rejectRequest,
        response: { 200: rejectResult },
      },
      config: managers,
    },
    async (req) => decisions.rejectEnrollments(db, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/programs/:id/enrollments/end',
    {
      schema: {
        tags,
        summary: 'Akhiri kepesertaan (meninggal, mundur, pindah, diganti, akhir periode); bulan sesudahnya kosong',
        params: idParam,
        body: endRequest,
        response: { 200: endResult },
      },
      config: managers,
    },
    async (req) => decisions.endEnrollments(db, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/programs/:id/batches',
    {
      schema: {
        tags,
        summary: 'Kirim semua kepesertaan terverifikasi sebagai satu batch pendaftaran ke BPJS TK',
        params: idParam,
        response: { 201: batchResult },
      },
      config: managers,
    },
    async (req, reply) => reply.status(201).send(await decisions.submitBatch(db, req.ctx, req.params.id)),
  );

  app.post(
    '/api/programs/:id/rollover/preview',
    {
      schema: {
        tags,
        summary: 'Pratinjau "Lanjutkan ke tahun berikutnya": siapa dilanjutkan, siapa tidak dan alasannya, anggaran',
        params: idParam,
        body: rolloverRequest,
        response: { 200: rolloverResult },
      },
      config: managers,
    },
    async (req) => rollOverView(db, req.ctx, req.params.id, req.body, { dryRun: true }),
  );

  app.post(
    '/api/programs/:id/rollover',
    {
      schema: {
        tags,
        summary:
          'Lanjutkan ke tahun berikutnya: program periode sesudahnya dan usulan anggota yang tetap memenuhi syarat',
        params: idParam,
        body: rolloverRequest,
        response: { 201: rolloverResult },
      },
      config: managers,
    },
    async (req, reply) => reply.status(201).send(await rollOverView(db, req.ctx, req.params.id, req.body)),
  );

  app.get(
    '/api/programs/continuation',
    {
      schema: {
        tags,
        summary: 'Lanjutkan mandiri: orang yang kepesertaan didanainya berakhir, dengan iuran BPU mandiri',
        querystring: continuationQuery,
        response: { 200: continuationList },
      },
      config: { access: { roles: ENROLLMENT_READERS } },
    },
    async (req) => continuation.continuationList(db, req.ctx, req.query),
  );

  app.get(
    '/api/programs/continuation.xlsx',
    {
      schema: { tags, summary: 'Daftar lanjutkan mandiri sebagai XLSX' },
      config: { access: { roles: ENROLLMENT_READERS } },
    },
    async (req, reply) => {
      const list = await continuation.continuationAll(db, req.ctx, CONTINUATION_EXPORT_MAX);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', 'attachment; filename="lanjutkan-mandiri.xlsx"')
        .send(await continuationWorkbook(list.items, list.locale));
    },
  );

  app.get(
    '/api/programs/continuation/:workerId/letter.pdf',
    {
      schema: {
        tags,
        summary: 'Surat ajakan melanjutkan kepesertaan mandiri (PDF, bahasa Indonesia); tercatat di audit',
        params: workerIdParam,
      },
      config: { access: { roles: ENROLLMENT_READERS } },
    },
    async (req, reply) => {
      const facts = await continuation.continuationLetterFacts(db, req.ctx, req.params.workerId);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="lanjutkan-mandiri-${req.params.workerId}.pdf"`)
        .send(await continuationLetterPdf(facts));
    },
  );
}
