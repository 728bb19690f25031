import { homeTodo } from '../../../lib/contracts/home.ts';
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
}
