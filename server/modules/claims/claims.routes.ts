import {
  CLAIM_READERS,
  CLAIM_REPORTERS,
  HEIR_EDITORS,
  claimCreate,
  claimDetail,
  claimExportQuery,
  claimIdParam,
  claimList,
  claimListQuery,
  estimateRequest,
  estimateResult,
  gapImportQuery,
  gapImportResult,
  gapLedger,
  gapQuery,
  heirIdParam,
  heirInput,
  household,
  kkUpdate,
  workerIdParam,
} from '../../../lib/contracts/claims.ts';
import {
  CLAIM_FIGURE_READERS,
  claimFigures,
  claimFiguresQuery,
  openClaims,
  openClaimsQuery,
} from '../../../lib/contracts/claims-figures.ts';
import { benefitRuleInput, benefitRuleList } from '../../../lib/contracts/claims-rules.ts';
import { todayWib } from '../../../lib/rules/eligibility.ts';
import { systemClock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { fileStore, type FileStore, type FileStoreConfig } from '../../platform/file-store.ts';
import { registerUploadRoutes, uploadedFile, type App } from '../../platform/http.ts';
import { estimate } from './claims.estimate.ts';
import { claimsWorkbook, XLSX_TYPE } from './claims.export.ts';
import { addBenefitRule, listBenefitRules } from './claims.rules.ts';
import { getClaimFigures, openClaims as openClaimCounts } from './claims.figures.ts';
import * as claims from './claims.service.ts';
import { importGapList } from './gap-import.service.ts';
import * as household_ from './household.service.ts';
import { registerClaimWorkflowRoutes } from './workflow.routes.ts';

const tags = ['claims'];

/** Claim documents in the platform file store (data directory or S3-compatible bucket), folder claim-documents. */
export const fileDocumentStore = (files: string | FileStoreConfig): FileStore => fileStore(files, 'claim-documents');

/** The largest list file (a few thousand rows of deaths and accidents). */
const GAP_LIST_MAX_BYTES = 10 * 1024 * 1024;

export function registerClaimRoutes(
  app: App,
  deps: { db: Db; nikLookupsPerHour: number; files: string | FileStoreConfig; documentMaxBytes: number },
) {
  const { db } = deps;
  registerClaimWorkflowRoutes(app, { db, store: fileDocumentStore(deps.files), maxBytes: deps.documentMaxBytes });
  const readers = { access: { roles: CLAIM_READERS } };
  const reporters = { access: { roles: CLAIM_REPORTERS } };
  const editors = { access: { roles: HEIR_EDITORS } };

  app.post(
    '/api/claims/estimate',
    {
      schema: {
        tags,
        summary: 'Perkiraan manfaat JKM/JKK per baris dengan dasar hukumnya; dengan NIK: cakupan pada tanggal kejadian',
        body: estimateRequest,
        response: { 200: estimateResult },
      },
      config: {
        ...readers,
        // With a NIK this answers about one person, like the coverage check: counted per user.
        rateLimit: {
          max: deps.nikLookupsPerHour,
          timeWindow: '1 hour',
          keyGenerator: (req) => `claims-estimate:${req.ctx?.actor?.userId ?? req.ip}`,
          errorResponseBuilder: () => new AppError('NIK_LOOKUP_LIMITED', { max: deps.nikLookupsPerHour }),
        },
      },
    },
    async (req) => estimate(db, req.ctx, req.body),
  );

  app.post(
    '/api/claims',
    {
      schema: {
        tags,
        summary: 'Laporkan kematian/kecelakaan: cakupan pada tanggal kejadian dan perkiraan manfaat disimpan',
        body: claimCreate,
        response: { 201: claimDetail },
      },
      config: reporters,
    },
    async (req, reply) => reply.status(201).send(await claims.reportClaim(db, req.ctx, req.body)),
  );

  app.get(
    '/api/claims',
    {
      schema: {
        tags,
        summary: 'Daftar klaim di wilayah Anda',
        querystring: claimListQuery,
        response: { 200: claimList },
      },
      config: readers,
    },
    async (req) => claims.listClaims(db, req.ctx, req.query),
  );

  app.get(
    '/api/claims.xlsx',
    { schema: { tags, summary: 'Unduh daftar klaim (XLSX)', querystring: claimExportQuery }, config: readers },
    async (req, reply) => {
      const rows = await claims.exportClaims(db, req.ctx, req.query);
      const today = todayWib(systemClock());
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="klaim-${today}.xlsx"`)
        .send(await claimsWorkbook(rows, req.ctx.actor?.locale ?? 'id', today));
    },
  );

  app.get(
    '/api/claims/gaps',
    {
      schema: {
        tags,
        summary: 'Buku tak terlindungi: kejadian orang yang tidak tertanggung, alasan dan manfaat yang hilang',
        querystring: gapQuery,
        response: { 200: gapLedger },
      },
      config: readers,
    },
    async (req) => claims.gapLedger(db, req.ctx, req.query),
  );

  registerUploadRoutes(app, GAP_LIST_MAX_BYTES, (scoped) => {
    scoped.post(
      '/api/claims/gaps/import',
      {
        schema: {
          tags,
          summary:
            'Impor daftar kematian/kecelakaan (CSV ; atau XLSX) ke buku tak terlindungi: dryRun=true memeriksa dan menampilkan pratinjau; semua baris atau tidak sama sekali',
          querystring: gapImportQuery,
          response: { 200: gapImportResult },
        },
        bodyLimit: GAP_LIST_MAX_BYTES,
        config: reporters,
      },
      async (req) => importGapList(db, req.ctx, req.query, uploadedFile(req.body)),
    );
  });

  app.get(
    '/api/claims/figures',
    {
      schema: {
        tags,
        summary:
          'Angka klaim: manfaat yang sudah dirasakan per program, pendanaan dan wilayah, tahap, kepatuhan layanan, tak terlindungi',
        querystring: claimFiguresQuery,
        response: { 200: claimFigures },
      },
      config: { access: { roles: CLAIM_FIGURE_READERS } },
    },
    async (req) => getClaimFigures(db, req.ctx, req.query),
  );

  app.get(
    '/open/claims',
    {
      schema: {
        tags: ['open-data'],
        summary: 'Data terbuka: klaim dilaporkan, dibayar dan tak terlindungi per kecamatan (angka 1–4 disembunyikan)',
        querystring: openClaimsQuery,
        response: { 200: openClaims },
      },
      config: { access: { public: true } },
    },
    async (req) => openClaimCounts(db, { year: req.query.year }),
  );

  app.get(
    '/api/claims/benefit-rules',
    {
      schema: { tags, summary: 'Aturan manfaat JKM/JKK per tanggal berlaku', response: { 200: benefitRuleList } },
      config: readers,
    },
    async (req) => listBenefitRules(db, req.ctx),
  );

  app.post(
    '/api/claims/benefit-rules',
    {
      schema: {
        tags,
        summary: 'Tambah baris aturan manfaat (administrator): mengakhiri baris yang berlaku sehari sebelumnya',
        body: benefitRuleInput,
        response: { 201: benefitRuleList },
      },
      config: { access: { roles: ['admin'] } },
    },
    async (req, reply) => reply.status(201).send(await addBenefitRule(db, req.ctx, req.body)),
  );

  app.get(
    '/api/claims/:id',
    {
      schema: { tags, summary: 'Rincian klaim', params: claimIdParam, response: { 200: claimDetail } },
      config: readers,
    },
    async (req) => claims.getClaim(db, req.ctx, req.params.id),
  );

  app.get(
    '/api/claims/household/:workerId',
    {
      schema: { tags, summary: 'Nomor KK dan ahli waris pekerja', params: workerIdParam, response: { 200: household } },
      config: readers,
    },
    async (req) => household_.getHousehold(db, req.ctx, req.params.workerId),
  );

  app.put(
    '/api/claims/household/:workerId',
    {
      schema: { tags, summary: 'Ubah nomor KK', params: workerIdParam, body: kkUpdate, response: { 200: household } },
      config: editors,
    },
    async (req) => household_.setKkNumber(db, req.ctx, req.params.workerId, req.body),
  );

  app.post(
    '/api/claims/household/:workerId/heirs',
    {
      schema: {
        tags,
        summary: 'Tambah ahli waris',
        params: workerIdParam,
        body: heirInput,
        response: { 201: household },
      },
      config: editors,
    },
    async (req, reply) => reply.status(201).send(await household_.addHeir(db, req.ctx, req.params.workerId, req.body)),
  );

  app.delete(
    '/api/claims/heirs/:id',
    {
      schema: { tags, summary: 'Hapus ahli waris', params: heirIdParam, response: { 200: household } },
      config: editors,
    },
    async (req) => household_.removeHeir(db, req.ctx, req.params.id),
  );
}
