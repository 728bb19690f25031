// The current text of every domain SQL function, trigger and published view (issue 14 §6), in the order start-up
// applies it. Migrations are history (frozen once landed); these files are the present: a change to a rule is made in
// its file here, never in a new migration, and start-up re-applies the files whenever one of them changed
// (server/platform/repeatable.ts). Each module keeps its files in `server/modules/<module>/sql/`.
//
// Order: a file comes after the files whose functions or views its SQL-language bodies and views name, so a new
// object can be created from nothing. Tables, types, indexes, constraints and row-level security policies stay in
// migrations: they hold data or guard it, and are never dropped and re-created at start.
export const REPEATABLE_FILES: readonly string[] = [
  'server/modules/access/sql/scope.sql',
  'server/modules/regions/sql/region-directory.sql',
  'server/modules/access/sql/access-guards.sql',
  'server/modules/contributions/sql/contribution-rules.sql',
  'server/modules/registry/sql/worker-rules.sql',
  'server/modules/registry/sql/worker-directory.sql',
  'server/modules/billing/sql/lapse-date.sql',
  'server/modules/programs/sql/slots.sql',
  'server/modules/programs/sql/program-directory.sql',
  'server/modules/exchange/sql/membership-snapshot.sql',
  'server/modules/exchange/sql/bpjs-member-current.sql',
  // Read by lindung_nik_covered below: the project workers' Jakon participations.
  'server/modules/employers/sql/project-coverage.sql',
  'server/modules/programs/sql/coverage-state.sql',
  'server/modules/exchange/sql/bpjs-covered.sql',
  'server/modules/programs/sql/protection-record.sql',
  'server/modules/coverage/sql/coverage-refresh.sql',
  'server/modules/coverage/sql/coverage-quality.sql',
  'server/modules/claims/sql/benefit-rules.sql',
  'server/modules/claims/sql/claims-open-data.sql',
  'server/modules/governance/sql/open-regulations.sql',
  'server/modules/governance/sql/channels.sql',
  'server/modules/programs/sql/pu-money.sql',
  'server/modules/registry/sql/worker-duplicates.sql',
  'server/modules/assessment/sql/assessment-guards.sql',
];
