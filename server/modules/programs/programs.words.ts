// The programs module's server words (see lib/i18n/words.ts).

/**
 * The sheet of the proposal upload template. Not translated: it is part of the file format the proposal reader is
 * given, the same for every user.
 */
export const PROPOSAL_TEMPLATE_SHEET = 'Usulan';
