import { z } from 'zod';
import { PERSONAL_DATA_EXPORTERS } from '../../../lib/access/roles.ts';
import type { Db } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import { renderPersonalDataPdf } from './privacy.pdf.ts';
import { personalData } from './privacy.service.ts';

const params = z.strictObject({ id: z.string().regex(/^\d{1,18}$/, 'angka') });
const query = z.strictObject({ format: z.enum(['json', 'pdf']).default('pdf') });

export function registerPrivacyRoutes(app: App, deps: { db: Db }) {
  const { db } = deps;
  app.get(
    '/api/workers/:id/personal-data',
    {
      schema: {
        tags: ['privacy'],
        summary:
          'Data saya: semua data yang disimpan tentang satu pekerja (PDF atau JSON, UU 27/2022 Pasal 7); tercatat di audit',
        params,
        querystring: query,
      },
      config: { access: { roles: PERSONAL_DATA_EXPORTERS } },
    },
    async (req, reply) => {
      const data = await personalData(db, req.ctx, req.params.id, req.query.format);
      const base = `data-pribadi-${req.params.id}`;
      if (req.query.format === 'json')
        return reply
          .header('content-type', 'application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="${base}.json"`)
          .send(JSON.stringify(data, null, 2));
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${base}.pdf"`)
        .send(await renderPersonalDataPdf(data));
    },
  );
}
