// Public API of the contributions module (iuran rules, quotes, costs, benefits).
export { ensureContributionRulesSeeded, type SeedResult } from './contributions.loader.ts';
export { registerContributionRoutes } from './contributions.routes.ts';
export {
  quote,
  cost,
  listRules,
  addRule,
  benefits,
  loadRules,
  invalidateRulesOnChange,
  RULES_CHANGED,
  type StoredRule,
} from './contributions.service.ts';
