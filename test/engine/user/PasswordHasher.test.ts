/**
 * Argon2id hashes in PHC format; a hash made with other parameters is
 * recognised for re-hashing; malformed hashes never verify.
 */
import { OWASP_ARGON2ID, PasswordHasher } from '../../../engine/user/PasswordHasher';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  test('hashes are Argon2id with the OWASP parameters and salted', async () => {
    const a = await hasher.hash('violet-harbour');
    const b = await hasher.hash('violet-harbour');
    expect(a).toMatch(new RegExp(`^\\$argon2id\\$v=19\\$m=${OWASP_ARGON2ID.memoryCost},t=${OWASP_ARGON2ID.timeCost},p=${OWASP_ARGON2ID.parallelism}\\$`));
    expect(a).not.toBe(b);
    expect(await hasher.verify(a, 'violet-harbour')).toBe(true);
    expect(await hasher.verify(a, 'violet-harbouR')).toBe(false);
  });

  test('a hash made with weaker parameters verifies but needs a re-hash', async () => {
    const old = await new PasswordHasher({ memoryCost: 4096, timeCost: 1, parallelism: 1 }).hash('violet-harbour');
    expect(await hasher.verify(old, 'violet-harbour')).toBe(true);
    expect(hasher.needsRehash(old)).toBe(true);
    expect(hasher.needsRehash(await hasher.hash('x'))).toBe(false);
    // MediaWiki's own formats (:pbkdf2:…) are not ours: re-hash after a successful login elsewhere.
    expect(hasher.needsRehash(':pbkdf2:sha512:30000:64:abc:def')).toBe(true);
  });

  test('empty and malformed stored hashes never verify', async () => {
    expect(await hasher.verify('', '')).toBe(false);
    expect(await hasher.verify('$argon2id$broken', 'x')).toBe(false);
    expect(await hasher.verify('plaintext', 'plaintext')).toBe(false);
  });
});
