// The demo's organisations (issue 16 §2): Bantul's OPDs, the BPJS branch and a few village offices, so every form's
// channel picker has something to offer; the Disnaker and the village operator of the demo belong to theirs.
import { sql } from 'kysely';
import { systemContext } from '../../platform/context.ts';
import { withScope, type Db } from '../../platform/db.ts';
import { createOrganisation, setMember } from './organisations.service.ts';

const REGENCY_ORGANISATIONS = [
  { kind: 'opd', name: 'Dinas Tenaga Kerja dan Transmigrasi' },
  { kind: 'opd', name: 'Dinas Sosial' },
  { kind: 'opd', name: 'Bagian Kesejahteraan Rakyat Setda' },
  { kind: 'opd', name: 'Dinas Pemberdayaan Masyarakat dan Desa' },
  { kind: 'bpjs_branch', name: 'BPJS Ketenagakerjaan Cabang Bantul' },
] as const;

export async function seedGovernanceDemo(
  db: Db,
  demo: { regency: string; village: string; disnaker: string; operator: string },
): Promise<void> {
  const ctx = systemContext('demo');
  const ids: string[] = [];
  for (const o of REGENCY_ORGANISATIONS) {
    ids.push((await createOrganisation(db, ctx, { region: demo.regency, ...o, active: true })).id);
  }
  // The demo village and the first two other villages of its kecamatan get a village office each.
  const villages = await withScope(db, '*', async (tx) => {
    const r = await sql<{ code: string; name: string }>`
      SELECT code, name FROM region_directory
       WHERE level = 'village' AND starts_with(code, ${`${demo.village.slice(0, 8)}.`})
       ORDER BY code = ${demo.village} DESC, code
       LIMIT 3`.execute(tx);
    return r.rows;
  });
  let office: string | null = null;
  for (const v of villages) {
    const o = await createOrganisation(db, ctx, {
      region: v.code,
      kind: 'village_office',
      name: `Pemerintah Desa ${v.name}`,
      active: true,
    });
    if (v.code === demo.village) office = o.id;
  }
  await setMember(db, ctx, { username: demo.disnaker, organisationId: ids[0]! });
  if (office) await setMember(db, ctx, { username: demo.operator, organisationId: office });
}
