export {
  seedDemo,
  hasAnyUser,
  formatCredentials,
  hasDemo,
  DEMO_REGENCY,
  DEMO_VILLAGE,
  type DemoCredential,
} from './demo.service.ts';
export { generateDemoWorkers, regencyDivisions, type DemoWorkersInput } from './demo.workers.ts';
export { seedDemoPrograms, type DemoProgramsResult, type DemoPlace } from './demo.programs.ts';
export { generateWorkers, DEMO_REFERENCE_DATE, type GeneratedWorker, type GenerateOptions } from './generate.ts';
