import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt with N=2^15, r=8, p=1 (OWASP's floor for scrypt), stored as scrypt$N$r$p$salt$hash (base64url).
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: n, r, p, maxmem: 128 * n * r * 2 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash to compare against when the username does not exist, so both paths take the same time. */
export const DUMMY_HASH_PROMISE = hashPassword(randomBytes(12).toString('hex'));

/** Readable demo passwords: three syllable groups and digits, e.g. "bantul-raka-7342". */
export function generatePassword(prefix = 'lindung'): string {
  const syllables = ['ra', 'ka', 'sa', 'ti', 'nu', 'me', 'lo', 'da', 'wi', 'pu', 'jo', 'ga'];
  const bytes = randomBytes(6);
  const word = Array.from(bytes.subarray(0, 3), (b) => syllables[b % syllables.length]).join('');
  const digits = String(bytes.readUInt16BE(3) % 10000).padStart(4, '0');
  return `${prefix}-${word}-${digits}`;
}
