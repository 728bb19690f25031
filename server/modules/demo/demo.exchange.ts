// The demo's BPJS membership snapshot for the demo regency, made by the exchange module's simulator and imported
// through the same path as a branch's file: Lindung's active participants as BPJS lists them (a few missing, a few
// with another KPJ, a few in arrears), registered workers who pay for themselves (some lapsed), and people the
// registry does not know (employers' wage earners). Runs once: skipped when any snapshot exists.
import { systemClock } from '../../platform/clock.ts';
import { systemContext } from '../../platform/context.ts';
import { withScope, type Database } from '../../platform/db.ts';
import {
  importSimulatedSnapshot,
  latestSnapshotDate,
  SimulatorAdapter,
  unenrolledWorkers,
  type Participant,
} from '../exchange/index.ts';
import type { ParticipationCategory } from '../../../lib/rules/segments.ts';
import { todayWib } from '../../../lib/rules/eligibility.ts';

const SELF_PAID = 120;
const OUTSIDE_REGISTRY = 40;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The month `back` months before `iso`, as its first day. */
function monthsBefore(iso: string, back: number): string {
  const d = new Date(`${iso.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - back);
  return d.toISOString().slice(0, 10);
}

export async function seedDemoExchange(
  database: Database,
  place: { regency: string },
  now = systemClock(),
): Promise<{ persons: number }> {
  const any = await withScope(database.app, '*', async (tx) => (await latestSnapshotDate(tx, '*')) !== null);
  if (any) return { persons: 0 };
  const ctx = systemContext('demo');
  const asOf = todayWib(now);
  const workers = await unenrolledWorkers(database.app, ctx, place.regency, SELF_PAID);
  const selfPaid: Participant[] = workers.map((w, i) => ({
    nik: w.nik,
    kpj: null,
    category: w.category as ParticipationCategory,
    coverageStart: monthsBefore(asOf, 6 + (i % 30)),
    coverageEnd: null,
    // One in five stopped paying half a year ago: lapsed in the coverage view.
    paidThrough: i % 5 === 0 ? monthsBefore(asOf, 6) : monthsBefore(asOf, 1),
    village: w.village_code,
  }));
  const district = `${place.regency.replace('.', '')}01`;
  const employed: Participant[] = Array.from({ length: OUTSIDE_REGISTRY }, (_, i) => ({
    // Valid-looking NIKs of people the registry does not hold (wage earners registered by their employers).
    nik: `${district}${pad(1 + (i % 28))}${pad(1 + (i % 12))}${pad(80 + (i % 15))}${pad(9000 + i, 4)}`,
    kpj: null,
    category: 'PU',
    coverageStart: monthsBefore(asOf, 12 + i),
    coverageEnd: null,
    paidThrough: monthsBefore(asOf, 1),
    village: null,
  }));
  const result = await importSimulatedSnapshot(database, ctx, new SimulatorAdapter(), {
    region: place.regency,
    asOf,
    others: [...selfPaid, ...employed],
  });
  if (!result.imported) throw new Error(`demo snapshot refused: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return { persons: result.snapshot?.persons ?? 0 };
}
