/**
 * Password hashing with Argon2id (@node-rs/argon2, OWASP's recommended
 * parameters: 19 MiB memory, 2 iterations, 1 lane). The stored string is the
 * PHC format, which records its own parameters, so `needsRehash` can tell a
 * hash made with older parameters and login re-hashes it (MediaWiki's
 * PasswordFactory::needsUpdate). Hashes and passwords are never logged.
 */
import { hash, verify } from '@node-rs/argon2';

/** @node-rs/argon2's Algorithm.Argon2id (a const enum, which isolated modules can't read). */
const ARGON2ID = 2;

export interface Argon2Parameters {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export const OWASP_ARGON2ID: Argon2Parameters = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export class PasswordHasher {
  constructor(private readonly params: Argon2Parameters = OWASP_ARGON2ID) {}

  async hash(password: string): Promise<string> {
    return hash(password, { algorithm: ARGON2ID, ...this.params });
  }

  /** Constant-time verification (inside the library); false for an empty or malformed stored hash. */
  async verify(stored: string, password: string): Promise<boolean> {
    if (!stored.startsWith('$argon2')) return false;
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  }

  /** True when `stored` was made with other parameters (or another algorithm) than the current ones. */
  needsRehash(stored: string): boolean {
    const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored);
    if (!m) return true;
    return Number(m[1]) !== this.params.memoryCost || Number(m[2]) !== this.params.timeCost || Number(m[3]) !== this.params.parallelism;
  }
}
