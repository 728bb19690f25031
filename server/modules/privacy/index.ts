// Public API of the privacy module: what Lindung holds about one person, exported for them (UU 27/2022).
export { registerPrivacyRoutes } from './privacy.routes.ts';
export { personalData, type PersonalData } from './privacy.service.ts';
