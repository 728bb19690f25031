// The demo's Paritrana pieces (issue 17): the DIY provincial assessor (province scope), and a submitted
// self-assessment of Kab. Sleman against the 2025 example framework, so the province's ranking has a second regency
// beside Bantul once Bantul submits. Sleman's figures are what Lindung holds for it (little in the demo).
import { generatePassword } from '../../platform/password.ts';
import { systemContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db.ts';
import { createUser } from '../access/index.ts';
import { listFrameworks, openAssessment, prepareFigures, submitAssessment } from '../assessment/index.ts';
import type { DemoCredential } from './demo.service.ts';

export const DEMO_PROVINCE = '34'; // DI Yogyakarta
export const DEMO_NEIGHBOUR = '34.04'; // Kab. Sleman

export async function seedDemoAssessment(database: Database): Promise<DemoCredential[]> {
  const ctx = systemContext('demo');
  const password = generatePassword('asesor');
  const asesor = {
    username: 'asesor.diy',
    displayName: 'Tim Penilai Paritrana DIY',
    role: 'asesor' as const,
    region: DEMO_PROVINCE,
  };
  await createUser(database.app, ctx, { ...asesor, password, locale: 'id' });
  const framework = (await listFrameworks(database.app, ctx)).items.find(
    (f) => f.year === 2025 && f.status === 'published',
  );
  if (framework) {
    const a = await openAssessment(database.app, ctx, {
      frameworkId: framework.id,
      region: DEMO_NEIGHBOUR,
      cutoff: '2026-06-30',
    });
    await prepareFigures(database.app, ctx, a.id);
    await submitAssessment(database.app, ctx, a.id);
  }
  return [{ username: asesor.username, password, role: asesor.role, region: asesor.region }];
}
