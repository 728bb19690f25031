import {
  EMPLOYER_EDITORS,
  EMPLOYER_READERS,
  SANCTION_LETTER_WRITERS,
  attachWorkerInput,
  certificateInput,
  complianceAnswer,
  complianceQuery,
  employerDetail,
  employerList,
  employerListQuery,
  idParam,
  jakonBasisInput,
  licensingUploadQuery,
  projectDetail,
  projectInput,
  projectList,
  projectListQuery,
  sanctionLetterQuery,
  snapshotUploadQuery,
  uploadResult,
  warningInput,
} from '../../../lib/contracts/employers.ts';
import type { Database, Db } from '../../platform/db.ts';
import { registerUploadRoutes, uploadedFile, type App } from '../../platform/http.ts';
import * as importing from './employers.import.ts';
import * as employers from './employers.service.ts';
import * as projects from './projects.service.ts';

const tags = ['employers'];
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export function registerEmployerRoutes(app: App, deps: { db: Db; database: Database }) {
  const { db, database } = deps;
  const readers = { access: { roles: EMPLOYER_READERS } };
  const editors = { access: { roles: EMPLOYER_EDITORS } };

  app.get(
    '/api/employers',
    {
      schema: {
        tags,
        summary:
          'Pemberi kerja di wilayah dengan status kepesertaan BPJS (membayar, menunggak, sebagian, tidak terdaftar)',
        querystring: employerListQuery,
        response: { 200: employerList },
      },
      config: readers,
    },
    async (req) => employers.listEmployers(db, req.ctx, req.query),
  );

  app.get(
    '/api/employers/compliance',
    {
      schema: {
        tags,
        summary: 'Cek kepatuhan satu badan usaha menurut NIB: patuh atau tidak, per snapshot cabang, dengan alasannya',
        querystring: complianceQuery,
        response: { 200: complianceAnswer },
      },
      config: readers,
    },
    async (req) => employers.checkCompliance(db, req.ctx, req.query.nib),
  );

  app.get(
    '/api/employers/projects',
    {
      schema: {
        tags,
        summary: 'Proyek konstruksi APBD dengan iuran Jakon dan sertifikatnya',
        querystring: projectListQuery,
        response: { 200: projectList },
      },
      config: readers,
    },
    async (req) => projects.listProjects(db, req.ctx, req.query),
  );

  app.post(
    '/api/employers/projects',
    {
      schema: {
        tags,
        summary: 'Daftarkan proyek APBD; iuran Jakon dihitung mesin iuran dari nilai kontrak tanpa PPN',
        body: projectInput,
        response: { 201: projectDetail },
      },
      config: editors,
    },
    async (req, reply) => reply.status(201).send(await projects.registerProject(db, req.ctx, req.body)),
  );

  app.get(
    '/api/employers/projects/:id',
    {
      schema: { tags, summary: 'Satu proyek dengan pekerjanya', params: idParam, response: { 200: projectDetail } },
      config: readers,
    },
    async (req) => projects.getProject(db, req.ctx, req.params.id),
  );

  app.put(
    '/api/employers/projects/:id/certificate',
    {
      schema: {
        tags,
        summary: 'Catat nomor sertifikat Jakon dari cabang dan tanggal bayar iuran',
        params: idParam,
        body: certificateInput,
        response: { 200: projectDetail },
      },
      config: editors,
    },
    async (req) => projects.recordCertificate(db, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/employers/projects/:id/ready',
    {
      schema: {
        tags,
        summary: 'Tandai proyek siap mulai (ditolak tanpa sertifikat Jakon)',
        params: idParam,
        response: { 200: projectDetail },
      },
      config: editors,
    },
    async (req) => projects.markReady(db, req.ctx, req.params.id),
  );

  app.post(
    '/api/employers/projects/:id/workers',
    {
      schema: {
        tags,
        summary: 'Tambahkan pekerja terdaftar (menurut NIK) ke proyek',
        params: idParam,
        body: attachWorkerInput,
        response: { 200: projectDetail },
      },
      config: editors,
    },
    async (req) => projects.attachWorker(db, req.ctx, req.params.id, req.body),
  );

  app.put(
    '/api/employers/projects/:id/jakon-basis',
    {
      schema: {
        tags,
        summary: 'Pilih dasar iuran Jakon proyek (nilai kontrak atau upah pekerja) dan hitung ulang sebelum dibayar',
        params: idParam,
        body: jakonBasisInput,
        response: { 200: projectDetail },
      },
      config: editors,
    },
    async (req) => projects.chooseJakonBasis(db, req.ctx, req.params.id, req.body.basis),
  );

  app.get(
    '/api/employers/:id',
    {
      schema: {
        tags,
        summary: 'Satu pemberi kerja dengan riwayat teguran',
        params: idParam,
        response: { 200: employerDetail },
      },
      config: readers,
    },
    async (req) => employers.getEmployer(db, req.ctx, req.params.id),
  );

  app.post(
    '/api/employers/:id/warnings',
    {
      schema: {
        tags,
        summary: 'Catat peringatan tertulis (paling banyak dua, PP 86/2013)',
        params: idParam,
        body: warningInput,
        response: { 200: employerDetail },
      },
      config: editors,
    },
    async (req) => employers.recordWarning(db, req.ctx, req.params.id, req.body),
  );

  app.get(
    '/api/employers/:id/sanction-letter.pdf',
    {
      schema: {
        tags,
        summary: 'Surat permintaan sanksi (PP 86/2013) atas permintaan cabang; butuh dua teguran; tercatat di audit',
        params: idParam,
        querystring: sanctionLetterQuery,
      },
      config: { access: { roles: SANCTION_LETTER_WRITERS } },
    },
    async (req, reply) => {
      const letter = await employers.sanctionLetter(db, req.ctx, req.params.id, req.query);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${letter.fileName}"`)
        .send(letter.content);
    },
  );

  registerUploadRoutes(app, MAX_UPLOAD_BYTES, (scoped) => {
    scoped.post(
      '/api/employers/licensing',
      {
        schema: {
          tags,
          summary: 'Unggah daftar badan usaha dari DPMPTSP (NIB, NPWP, nama, sektor, skala, alamat, kode desa, kontak)',
          querystring: licensingUploadQuery,
          response: { 200: uploadResult },
        },
        bodyLimit: MAX_UPLOAD_BYTES,
        config: editors,
      },
      async (req) =>
        importing.importLicensingList(database, req.ctx, {
          fileName: req.query.fileName,
          content: uploadedFile(req.body),
        }),
    );
    scoped.post(
      '/api/employers/snapshots',
      {
        schema: {
          tags,
          summary: 'Unggah snapshot pemberi kerja cabang BPJS (NPP, NIB/NPWP, nama, status, TK aktif, dibayar sampai)',
          querystring: snapshotUploadQuery,
          response: { 200: uploadResult },
        },
        bodyLimit: MAX_UPLOAD_BYTES,
        config: editors,
      },
      async (req) =>
        importing.importEmployerSnapshot(database, req.ctx, {
          fileName: req.query.fileName,
          region: req.query.region,
          asOf: req.query.asOf,
          content: uploadedFile(req.body),
        }),
    );
  });
}
