import { z } from 'zod';
import {
  ASSESSMENT_PREPARERS,
  ASSESSMENT_READERS,
  ASSESSMENT_SUBMITTERS,
  ASSESSORS,
  FRAMEWORK_EDITORS,
  assessment,
  assessmentOpen,
  assessorScoreInput,
  commentInput,
  evidence,
  evidenceParam,
  evidenceQuery,
  framework,
  frameworkCopy,
  frameworkList,
  frameworkUpdate,
  idParam,
  manualValue,
  narrativeInput,
  provinceQuery,
  provinceView,
  registerCandidates,
  registerEvidenceInput,
} from '../../../lib/contracts/assessment.ts';
import { isoDate, okResponse, regionCode } from '../../../lib/contracts/common.ts';
import type { Db } from '../../platform/db.ts';
import { governanceFiles } from '../governance/index.ts';
import { registerUploadRoutes, uploadedFile, type App } from '../../platform/http.ts';
import type { FileStoreConfig } from '../../platform/file-store.ts';
import * as assessments from './assessment.service.ts';
import { fileEvidenceStore } from './assessment.store.ts';
import { evidencePdf, figuresWorkbook, rankingWorkbook, XLSX_TYPE } from './assessment.pack.ts';
import * as frameworks from './frameworks.service.ts';
import * as province from './province.service.ts';

const tags = ['assessment'];

export function registerAssessmentRoutes(
  app: App,
  deps: { db: Db; files: string | FileStoreConfig; evidenceMaxBytes: number },
) {
  const { db } = deps;
  const evidenceDeps = { db, store: fileEvidenceStore(deps.files), maxBytes: deps.evidenceMaxBytes };
  const registerDeps = { ...evidenceDeps, register: governanceFiles(db, deps.files) };
  const readers = { access: { roles: ASSESSMENT_READERS } };
  const editors = { access: { roles: FRAMEWORK_EDITORS } };
  const preparers = { access: { roles: ASSESSMENT_PREPARERS } };
  const submitters = { access: { roles: ASSESSMENT_SUBMITTERS } };
  const assessors = { access: { roles: ASSESSORS } };

  // --- Frameworks -------------------------------------------------------------------------------------------------
  app.get(
    '/api/paritrana/frameworks',
    {
      schema: { tags, summary: 'Kerangka penilaian Paritrana per tahun', response: { 200: frameworkList } },
      config: readers,
    },
    async (req) => frameworks.listFrameworks(db, req.ctx),
  );
  app.get(
    '/api/paritrana/frameworks/:id',
    {
      schema: {
        tags,
        summary: 'Satu kerangka: aspek, kriteria, indikator, bobot, aturan nilai',
        params: idParam,
        response: { 200: framework },
      },
      config: readers,
    },
    async (req) => frameworks.getFramework(db, req.ctx, req.params.id),
  );
  app.patch(
    '/api/paritrana/frameworks/:id',
    {
      schema: {
        tags,
        summary: 'Ubah draf kerangka (administrator nasional)',
        params: idParam,
        body: frameworkUpdate,
        response: { 200: framework },
      },
      config: editors,
    },
    async (req) => frameworks.updateFramework(db, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/paritrana/frameworks/:id/publish',
    {
      schema: {
        tags,
        summary: 'Terbitkan draf kerangka; sesudahnya beku',
        params: idParam,
        response: { 200: framework },
      },
      config: editors,
    },
    async (req) => frameworks.publishFramework(db, req.ctx, req.params.id),
  );
  app.post(
    '/api/paritrana/frameworks/:id/copy',
    {
      schema: {
        tags,
        summary: 'Salin kerangka menjadi draf baru (cara mengubah kerangka terbit)',
        params: idParam,
        body: frameworkCopy,
        response: { 201: framework },
      },
      config: editors,
    },
    async (req, reply) => reply.status(201).send(await frameworks.copyFramework(db, req.ctx, req.params.id, req.body)),
  );

  // --- Self-assessment --------------------------------------------------------------------------------------------
  app.get(
    '/api/paritrana/assessments',
    {
      schema: {
        tags,
        summary: 'Penilaian mandiri di wilayah kerja',
        querystring: z.strictObject({ region: regionCode.optional() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                frameworkId: z.string(),
                region: z.string(),
                regionLabel: z.string(),
                cutoff: z.string(),
                status: z.string(),
                submittedAt: z.string().nullable(),
              }),
            ),
          }),
        },
      },
      config: readers,
    },
    async (req) => assessments.listAssessments(db, req.ctx, req.query.region),
  );
  app.post(
    '/api/paritrana/assessments',
    {
      schema: {
        tags,
        summary: 'Buka penilaian mandiri kabupaten/kota untuk kerangka terbit',
        body: assessmentOpen,
        response: { 200: assessment },
      },
      config: preparers,
    },
    async (req) => assessments.openAssessment(db, req.ctx, req.body),
  );
  app.get(
    '/api/paritrana/assessments/:id',
    {
      schema: {
        tags,
        summary: 'Penilaian mandiri: angka, nilai, narasi, bukti (yang dikirim: dari snapshot)',
        params: idParam,
        response: { 200: assessment },
      },
      config: readers,
    },
    async (req) => assessments.getAssessment(db, req.ctx, req.params.id),
  );
  app.post(
    '/api/paritrana/assessments/:id/prepare',
    {
      schema: {
        tags,
        summary: 'Hitung angka Lindung sekarang pada tanggal batas (dengan rincian baris)',
        params: idParam,
        body: z.strictObject({ cutoff: isoDate.optional() }),
        response: { 200: assessment },
      },
      config: preparers,
    },
    async (req) => assessments.prepareFigures(db, req.ctx, req.params.id, req.body.cutoff),
  );
  app.put(
    '/api/paritrana/assessments/:id/manual',
    {
      schema: {
        tags,
        summary: 'Isi angka atau ya/tidak indikator manual',
        params: idParam,
        body: manualValue,
        response: { 200: assessment },
      },
      config: preparers,
    },
    async (req) => assessments.setManualValue(db, req.ctx, req.params.id, req.body),
  );
  app.put(
    '/api/paritrana/assessments/:id/narrative',
    {
      schema: {
        tags,
        summary: 'Narasi satu aspek',
        params: idParam,
        body: narrativeInput,
        response: { 200: assessment },
      },
      config: preparers,
    },
    async (req) => assessments.setNarrative(db, req.ctx, req.params.id, req.body),
  );
  registerUploadRoutes(app, deps.evidenceMaxBytes, (scoped) => {
    scoped.post(
      '/api/paritrana/assessments/:id/evidence',
      {
        schema: {
          tags,
          summary: 'Unggah bukti (PDF/JPEG/PNG sebagai isi permintaan; SHA-256 dicatat)',
          params: idParam,
          querystring: evidenceQuery,
          response: { 201: evidence },
        },
        bodyLimit: deps.evidenceMaxBytes,
        config: preparers,
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await assessments.uploadEvidence(evidenceDeps, req.ctx, req.params.id, req.query, uploadedFile(req.body)),
          ),
    );
  });
  app.get(
    '/api/paritrana/assessments/:id/register',
    {
      schema: {
        tags,
        summary: 'Instrumen register tata kelola yang berlaku pada tanggal batas dan punya PDF (dapat dilampirkan)',
        params: idParam,
        response: { 200: registerCandidates },
      },
      config: preparers,
    },
    async (req) => assessments.registerCandidates(db, req.ctx, req.params.id),
  );
  app.post(
    '/api/paritrana/assessments/:id/evidence/register',
    {
      schema: {
        tags,
        summary: 'Lampirkan instrumen dari register tata kelola sebagai bukti (PDF dan SHA-256-nya disalin)',
        params: idParam,
        body: registerEvidenceInput,
        response: { 201: evidence },
      },
      config: preparers,
    },
    async (req, reply) =>
      reply.status(201).send(await assessments.attachInstrument(registerDeps, req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/paritrana/assessments/:id/evidence/:evidenceId/file',
    {
      schema: { tags, summary: 'Unduh bukti (tercatat di jejak audit sebelum dikirim)', params: evidenceParam },
      config: readers,
    },
    async (req, reply) => {
      const { evidence: e, stream } = await assessments.openEvidence(
        evidenceDeps,
        req.ctx,
        req.params.id,
        req.params.evidenceId,
      );
      const ext = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }[e.contentType] ?? 'bin';
      return reply
        .header('content-type', e.contentType)
        .header('content-length', String(e.sizeBytes))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="bukti-${e.id}.${ext}"`)
        .send(stream);
    },
  );
  app.delete(
    '/api/paritrana/assessments/:id/evidence/:evidenceId',
    {
      schema: { tags, summary: 'Hapus bukti dari draf', params: evidenceParam, response: { 200: okResponse } },
      config: preparers,
    },
    async (req) => assessments.removeEvidence(evidenceDeps, req.ctx, req.params.id, req.params.evidenceId),
  );
  app.post(
    '/api/paritrana/assessments/:id/submit',
    {
      schema: {
        tags,
        summary: 'Setujui dan kirim: snapshot beku dengan SHA-256',
        params: idParam,
        response: { 200: assessment },
      },
      config: submitters,
    },
    async (req) => assessments.submitAssessment(db, req.ctx, req.params.id),
  );
  app.get(
    '/api/paritrana/assessments/:id/pack.pdf',
    {
      schema: {
        tags,
        summary: 'Paket bukti (PDF): sampul, ringkasan nilai, indikator, grafik, bukti dengan hash, narasi',
        params: idParam,
      },
      config: readers,
    },
    async (req, reply) => {
      const { pdf, name } = await evidencePdf(evidenceDeps, req.ctx, req.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(pdf);
    },
  );
  app.get(
    '/api/paritrana/assessments/:id/figures.xlsx',
    { schema: { tags, summary: 'Angka penilaian mandiri (XLSX)', params: idParam }, config: readers },
    async (req, reply) => {
      const { xlsx, name } = await figuresWorkbook(evidenceDeps, req.ctx, req.params.id);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(xlsx);
    },
  );

  // --- Province ---------------------------------------------------------------------------------------------------
  app.get(
    '/api/paritrana/province',
    {
      schema: {
        tags,
        summary: 'Semua kiriman kabupaten/kota satu provinsi berdampingan, dengan peringkat',
        querystring: provinceQuery,
        response: { 200: provinceView },
      },
      config: readers,
    },
    async (req) => province.provinceView(db, req.ctx, req.query),
  );
  app.get(
    '/api/paritrana/province.xlsx',
    { schema: { tags, summary: 'Peringkat provinsi (XLSX)', querystring: provinceQuery }, config: readers },
    async (req, reply) => {
      const { xlsx, name } = await rankingWorkbook(db, req.ctx, req.query);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(xlsx);
    },
  );
  app.put(
    '/api/paritrana/assessments/:id/scores',
    {
      schema: {
        tags,
        summary: 'Nilai asesor untuk indikator wawancara/narasi (tiap asesor terpisah)',
        params: idParam,
        body: assessorScoreInput,
        response: { 200: okResponse },
      },
      config: assessors,
    },
    async (req) => province.scoreIndicator(db, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/paritrana/assessments/:id/comments',
    {
      schema: {
        tags,
        summary: 'Komentar tim penilai provinsi',
        params: idParam,
        body: commentInput,
        response: { 200: okResponse },
      },
      config: assessors,
    },
    async (req) => province.addComment(db, req.ctx, req.params.id, req.body.body),
  );
}
