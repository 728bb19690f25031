import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import type { Locale } from '../../../lib/i18n/locale.ts';
import { AppError } from '../../platform/errors.ts';

// zxcvbn's estimate with the common-password list and keyboard patterns; score 3 ("safely unguessable") or more.
// The length rule (10+) stays in the contract; this is the server's second check, with the account's own names as
// words an attacker would try first.
const MIN_SCORE = 3;

let factory: ZxcvbnFactory | null = null;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });
  return factory;
}

const REASONS: Record<string, Record<Locale, string>> = {
  userInputs: {
    id: 'kata sandi memuat nama pengguna atau nama orangnya.',
    en: 'it contains the username or the person’s name.',
  },
  common: { id: 'kata sandi termasuk yang paling umum dipakai.', en: 'it is one of the most common passwords.' },
  pattern: {
    id: 'kata sandi berupa urutan, pengulangan atau pola papan ketik (mis. 1234567890, qwerty).',
    en: 'it is a sequence, a repetition or a keyboard pattern (e.g. 1234567890, qwerty).',
  },
  date: { id: 'kata sandi berupa tanggal atau tahun.', en: 'it is a date or a year.' },
  other: { id: 'kata sandi terlalu pendek atau mudah ditebak.', en: 'it is too short or too predictable.' },
};

function reasonOf(warning: string | null): keyof typeof REASONS {
  switch (warning) {
    case 'userInputs':
      return 'userInputs';
    case 'topTen':
    case 'topHundred':
    case 'common':
    case 'similarToCommon':
    case 'wordByItself':
    case 'namesByThemselves':
    case 'commonNames':
      return 'common';
    case 'straightRow':
    case 'keyPattern':
    case 'simpleRepeat':
    case 'extendedRepeat':
    case 'sequences':
      return 'pattern';
    case 'recentYears':
    case 'dates':
      return 'date';
    default:
      return 'other';
  }
}

/** Refuses a password an attacker would guess early: common ones, patterns, the account's own names. */
export function assertStrongPassword(
  password: string,
  account: { username: string; displayName?: string | undefined },
  locale: Locale,
): void {
  const words = [account.username, ...account.username.split(/[._-]+/)];
  if (account.displayName) words.push(account.displayName, ...account.displayName.split(/\s+/));
  const result = estimator().check(
    password,
    words.filter((w) => w.length >= 3),
  );
  if (result.score >= MIN_SCORE) return;
  const reason = REASONS[reasonOf(result.feedback.warning)]![locale];
  throw new AppError('PASSWORD_WEAK', { reason }, [{ path: 'body.password', message: reason }]);
}
