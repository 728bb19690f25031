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
export { listLapseWarnings, LAPSE_HORIZON_DAYS } from './lapse.service.ts';
export { checkCoverage } from './coverage-check.service.ts';
