// Probes of the every-route scope test (access/region-scope.db.test.ts) for the meeting, organisation-edit, progress
// and league routes (issue 16 §4, §5): a Disnaker of Kab. Bantul must neither see nor change Kab. Sleman's meetings,
// minutes and organisations. Kept here so the shared test gains one line. Test support only: imported by that test,
// never by the application.
import { expect } from 'vitest';
import { systemContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db.ts';
import type { App } from '../../platform/http.ts';
import { tableDigest } from '../../testing/unchanged.ts';
import { createMeeting } from './meetings.service.ts';
import { createOrganisation } from './organisations.service.ts';
import { createPlan } from './plans.service.ts';

const OTHER = '34.04'; // Kab. Sleman
const TABLES = ['gov_meeting', 'gov_meeting_attendance', 'gov_meeting_decision', 'gov_organisation', 'gov_action_item'];
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

type Ctx = { app: App; db: Database; headers: Record<string, string> };

export function governanceScopeProbes(ctx: () => Ctx): Map<string, () => Promise<void>> {
  let seeded: { meeting: string; decision: string; org: string; plan: string } | null = null;
  const sleman = async () => {
    if (seeded) return seeded;
    const system = systemContext('test');
    const { db } = ctx();
    const org = await createOrganisation(db.app, system, {
      region: OTHER,
      kind: 'opd',
      name: 'Bappeda Sleman',
      active: true,
    });
    const plan = await createPlan(db.app, system, {
      region: OTHER,
      title: 'Rencana Rapat Sleman',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      signedOn: null,
      signatories: [],
      items: [],
    });
    const m = await createMeeting(db.app, system, {
      region: OTHER,
      kind: 'coordination',
      title: 'Rapat Sleman',
      heldOn: '2026-07-01',
      place: 'Setda Sleman',
      organiserId: org.id,
      attendance: [{ organisationId: null, villageCode: '34.04.01.2001', attendees: 5 }],
      decisions: ['Keputusan Sleman'],
    });
    seeded = { meeting: m.id, decision: m.decisions[0]!.id, org: org.id, plan: plan.id };
    return seeded;
  };
  const refused =
    (
      method: 'GET' | 'POST' | 'PUT',
      url: (ids: NonNullable<typeof seeded>) => string,
      payload?: object,
      status = 404,
    ) =>
    async () => {
      const ids = await sleman();
      const { app, db, headers } = ctx();
      const before = await tableDigest(db.owner, TABLES);
      const pdf = payload === PDF;
      const r = await app.inject({
        method,
        url: url(ids),
        headers: pdf ? { ...headers, 'content-type': 'application/octet-stream' } : headers,
        ...(payload ? { payload: pdf ? PDF : payload } : {}),
      });
      expect(r.statusCode).toBe(status);
      for (const secret of ['Rapat Sleman', 'Bappeda Sleman', 'Keputusan Sleman', '%PDF']) {
        expect(r.body).not.toContain(secret);
      }
      expect(await tableDigest(db.owner, TABLES)).toEqual(before);
    };
  const visible = (url: string) => async () => {
    await sleman();
    const { app, headers } = ctx();
    const r = await app.inject({ method: 'GET', url, headers });
    expect(r.statusCode).toBe(200);
    for (const secret of ['Rapat Sleman', 'Bappeda Sleman', '34.04.01.2001']) expect(r.body).not.toContain(secret);
  };
  const item = { planId: '1', ownerOrganisationId: null, dueOn: '2026-12-31' };
  return new Map([
    ['GET /api/governance/meetings', visible('/api/governance/meetings')],
    [
      'POST /api/governance/meetings',
      refused(
        'POST',
        () => '/api/governance/meetings',
        { region: OTHER, kind: 'fgd', title: 'x', heldOn: '2026-07-01', place: 'x' },
        403,
      ),
    ],
    [
      'POST /api/governance/meetings/{id}/decisions/{decisionId}/item',
      refused('POST', (ids) => `/api/governance/meetings/${ids.meeting}/decisions/${ids.decision}/item`, item),
    ],
    [
      'PUT /api/governance/meetings/{id}/minutes',
      refused('PUT', (ids) => `/api/governance/meetings/${ids.meeting}/minutes?fileName=x.pdf`, PDF),
    ],
    [
      'GET /api/governance/meetings/{id}/minutes',
      refused('GET', (ids) => `/api/governance/meetings/${ids.meeting}/minutes`),
    ],
    [
      'GET /api/governance/villages/briefing',
      visible('/api/governance/villages/briefing?from=2026-01-01&to=2026-12-31'),
    ],
    ['GET /api/governance/league', visible('/api/governance/league?by=channel&from=2026-01-01&to=2026-12-31')],
    [
      'GET /api/governance/league.xlsx',
      visible('/api/governance/league.xlsx?by=village&from=2026-01-01&to=2026-12-31'),
    ],
    [
      'PUT /api/governance/organisations/{id}',
      refused('PUT', (ids) => `/api/governance/organisations/${ids.org}`, { kind: 'opd', name: 'x', active: false }),
    ],
    [
      'POST /api/governance/progress/recompute',
      async () => {
        await sleman();
        const { app, db, headers } = ctx();
        const before = await tableDigest(db.owner, TABLES);
        const r = await app.inject({ method: 'POST', url: '/api/governance/progress/recompute', headers });
        expect(r.statusCode).toBe(202);
        expect(await tableDigest(db.owner, TABLES)).toEqual(before);
      },
    ],
  ]);
}
