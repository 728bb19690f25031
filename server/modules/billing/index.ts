// Public API of the billing module: programme bills and payments, lapse warnings and the coverage check.
export { registerBillingRoutes } from './billing.routes.ts';
export {
  generateBills,
  listBills,
  allBills,
  recordPayment,
  listPayments,
  billingByMonth,
  type Clock,
} from './billing.service.ts';
// Paying a list of bills in full at once (a treasury transfer list; the demo's paid months), set-based.
export { payBillsInFull, type FullPayment } from './billing.bulk.ts';
export { listLapseWarnings, LAPSE_HORIZON_DAYS } from './lapse.service.ts';
export { checkCoverage } from './coverage-check.service.ts';
// The same check for a list of (NIK, date) pairs, set-based, inside the caller's withScope transaction.
export { coverageAtDates, type CoverageVerdict } from './coverage-check.service.ts';
export type { NikAt } from './billing.repository.ts';
// The one gathering of a person's participations (enrollments and current snapshot rows, judged by
// lindung_coverage_state), for other modules' reads inside their own withScope transaction.
export { participationsOfNiks, type ParticipationRow } from './billing.repository.ts';
// How many bills the transaction's scope sees, read inside the caller's withScope transaction.
export { billCount } from './billing.repository.ts';
