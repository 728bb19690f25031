import { electionCountdown } from '../../../lib/contracts/election.ts';
import { homeTodo } from '../../../lib/contracts/home.ts';
import { PROGRAM_READERS } from '../../../lib/contracts/programs.ts';
import type { Db } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import * as home from './home.service.ts';

export function registerHomeRoutes(app: App, deps: { db: Db }) {
  const { db } = deps;
  app.get(
    '/api/home/todo',
    {
      schema: {
        tags: ['home'],
        summary: 'Daftar tugas Beranda: yang menunggu pengguna ini menurut perannya, di wilayah kerjanya',
        response: { 200: homeTodo },
      },
      config: { access: {} },
    },
    async (req) => home.homeTodo(db, req.ctx),
  );
  app.get(
    '/api/home/elections',
    {
      schema: {
        tags: ['home'],
        summary:
          'Hitung mundur pemilu di Beranda: hari menuju pemungutan suara dan petugas yang belum terlindungi, per program',
        response: { 200: electionCountdown },
      },
      config: { access: { roles: PROGRAM_READERS } },
    },
    async (req) => home.homeElections(db, req.ctx),
  );
}
