// Routes of the election roster guard (issue 18 §3): the roster upload, the roster per village/TPS and "Usulkan
// semua". The home page's countdown is served by the home module through index.ts (electionCountdowns).
import {
  electionParams,
  electionRoster,
  proposeAllInput,
  proposeAllResult,
  rosterImportResult,
  rosterUploadQuery,
} from '../../../lib/contracts/election.ts';
import { ENROLLMENT_PROPOSERS, ENROLLMENT_READERS, PROGRAM_MANAGERS } from '../../../lib/contracts/programs.ts';
import type { Database, Db } from '../../platform/db.ts';
import { registerUploadRoutes, uploadedFile, type App } from '../../platform/http.ts';
import { electionRoster as rosterOf, proposeAllUncovered } from './election.guard.ts';
import { importRoster } from './election.import.ts';

const tags = ['programs'];
/** A regency's roster (tens of thousands of officers) is well under 10 MB even as CSV. */
const ROSTER_MAX_BYTES = 20 * 1024 * 1024;

export function registerElectionRoutes(app: App, deps: { db: Db; database: Database }) {
  const { db, database } = deps;
  registerUploadRoutes(app, ROSTER_MAX_BYTES, (scoped) => {
    scoped.post(
      '/api/programs/:id/election/roster',
      {
        schema: {
          tags,
          summary:
            'Unggah daftar petugas pemilu KPU/Bawaslu (CSV/XLSX: NIK, nama, jabatan, kode desa, TPS, honorarium); ' +
            'menggantikan daftar program ini; ada masalah per baris/kolom → tidak ada yang disimpan',
          params: electionParams,
          querystring: rosterUploadQuery,
          response: { 200: rosterImportResult },
        },
        bodyLimit: ROSTER_MAX_BYTES,
        config: { access: { roles: PROGRAM_MANAGERS } },
      },
      async (req) =>
        importRoster(database, req.ctx, req.params.id, {
          fileName: req.query.fileName,
          content: uploadedFile(req.body),
        }),
    );
  });

  app.get(
    '/api/programs/:id/election',
    {
      schema: {
        tags,
        summary:
          'Daftar petugas pemilu per desa dan TPS: terlindungi (definisi tunggal) pada bulan masa tugas, sedang diproses, belum',
        params: electionParams,
        response: { 200: electionRoster },
      },
      config: { access: { roles: ENROLLMENT_READERS } },
    },
    async (req) => rosterOf(db, req.ctx, req.params.id),
  );

  app.post(
    '/api/programs/:id/election/propose-all',
    {
      schema: {
        tags,
        summary:
          '"Usulkan semua": semua petugas yang belum terlindungi dan belum diusulkan, tepat untuk bulan masa tugas, ' +
          'dengan honorariumnya sebagai upah (kuota dan pagu dijaga)',
        params: electionParams,
        body: proposeAllInput,
        response: { 200: proposeAllResult },
      },
      config: { access: { roles: ENROLLMENT_PROPOSERS } },
    },
    async (req) => proposeAllUncovered(db, req.ctx, req.params.id, { dryRun: req.body.dryRun }),
  );
}
