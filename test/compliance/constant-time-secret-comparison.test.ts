/**
 * Rule: secrets (session bindings, CSRF and confirmation tokens, password
 * hashes, client secrets) are compared in constant time — through
 * constantTimeEquals, the csrf package's verify, or the Argon2 library's
 * verify — never with === or !== on the secret. The source is scanned for
 * comparisons whose operand is named like a secret; comparisons with
 * literals (emptiness, typeof checks) are not secret comparisons, and a line
 * may say why it is exempt with a `constant-time-exempt:` comment.
 */
import fs from 'node:fs';
import path from 'node:path';
import { constantTimeEquals } from '../../engine/util/ConstantTime';

const ROOT = path.resolve(__dirname, '../..');
const SECRET_NAME = /(token|secret|hash|password|passwd|nonce|verifier)/i;
/** An operand that is a literal, a type check or a length: comparing with these leaks nothing. */
const HARMLESS = /^(''|""|``|null|undefined|true|false|\d+|'[^']*'|"[^"]*"|typeof .*|.*\.length|.*\.startsWith\(.*\)|.*\.endsWith\(.*\))$/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

describe('constant-time comparison of secrets', () => {
  test('no === / !== comparison of a secret-named value in engine/, extensions/ or skins/', () => {
    const offenders: string[] = [];
    for (const root of ['engine', 'extensions', 'skins']) {
      const dir = path.join(ROOT, root);
      if (!fs.existsSync(dir)) continue;
      for (const file of sourceFiles(dir)) {
        const lines = fs.readFileSync(file, 'utf8').split('\n');
        lines.forEach((line, index) => {
          if (/^\s*(\*|\/\/)/.test(line)) return;
          if (line.includes('constant-time-exempt:')) return;
          for (const m of line.matchAll(/([\w.$[\]'"?]+)\s*[!=]==\s*([\w.$[\]'"?]+)/g)) {
            const [left, right] = [m[1], m[2]];
            // A property of a secret-named object (token.type, tokens.length) is not the secret.
            const secretSide = [left, right].filter((side) => SECRET_NAME.test(side.split('.').pop() ?? ''));
            if (secretSide.length === 0) continue;
            const other = secretSide.length === 2 ? null : SECRET_NAME.test(left) ? right : left;
            if (other !== null && HARMLESS.test(other)) continue;
            offenders.push(`${path.relative(ROOT, file)}:${index + 1}: ${line.trim()}`);
          }
        });
      }
    }
    expect(offenders).toEqual([]);
  });

  test('constantTimeEquals compares content and length', () => {
    expect(constantTimeEquals('abc', 'abc')).toBe(true);
    expect(constantTimeEquals('abc', 'abd')).toBe(false);
    expect(constantTimeEquals('abc', 'abcd')).toBe(false);
    expect(constantTimeEquals('', '')).toBe(true);
  });

  test('the session binding and CSRF checks use the constant-time helpers', () => {
    const userStore = fs.readFileSync(path.join(ROOT, 'engine/user/UserStore.ts'), 'utf8');
    expect(userStore).toMatch(/constantTimeEquals\(String\(row\.user_token\), sessionToken\)/);
    const csrf = fs.readFileSync(path.join(ROOT, 'engine/session/CsrfTokenSet.ts'), 'utf8');
    expect(csrf).toMatch(/tokens\.verify\(/);
  });
});
