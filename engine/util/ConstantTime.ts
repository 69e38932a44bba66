/**
 * Constant-time string comparison for secrets (tokens, session bindings):
 * both sides are hashed to the same length first, so neither the content nor
 * the length of the expected value leaks through timing (the idea of
 * oidc-provider's constant_equals, with node:crypto's timingSafeEqual).
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export function constantTimeEquals(expected: string, actual: string): boolean {
  const a = createHash('sha256').update(expected, 'utf8').digest();
  const b = createHash('sha256').update(actual, 'utf8').digest();
  return timingSafeEqual(a, b) && expected.length === actual.length;
}
