// Passwords are stored as scrypt hashes with a per-password salt (OWASP: N=2^15, r=8, p=1), computed off
// the event loop. The parameters are stored with the hash so they can be raised later.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const PARAMS = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** The cost every password is hashed at unless a test says otherwise (N = 2^15, OWASP's minimum for scrypt). */
export const PASSWORD_COST = { N: PARAMS.N } as const;

/**
 * A cheaper cost for test fixtures only: the demo accounts a test logs in with are hashed at it, so a test
 * spends milliseconds instead of a CPU-second per login. Nothing outside tests passes a cost: the server,
 * the CLI and the API always hash at PASSWORD_COST, and a test checks that they do.
 */
export const TEST_ONLY_PASSWORD_COST = { N: 1024 } as const;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, opts, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(password: string, cost: { N: number } = PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16);
  const params = { ...PARAMS, N: cost.N };
  const key = await derive(password, salt, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash that no password matches, to spend the same time on unknown usernames as on known ones. */
export const UNUSABLE_PASSWORD_HASH = `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEY_LENGTH).toString('base64')}`;
