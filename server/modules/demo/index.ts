export {
  seedDemo,
  hasAnyUser,
  formatCredentials,
  DEMO_REGENCY,
  DEMO_VILLAGE,
  type DemoCredential,
} from './demo.service.ts';
