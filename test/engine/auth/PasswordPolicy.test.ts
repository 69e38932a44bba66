/**
 * $wgPasswordPolicy: MediaWiki's default rules, and the strictest rule of the
 * user's groups winning.
 */
import { DEFAULT_PASSWORD_POLICY } from '../../../engine/config/Settings';
import { PasswordPolicy } from '../../../engine/auth/PasswordPolicy';

const policy = new PasswordPolicy(DEFAULT_PASSWORD_POLICY);
const keys = (name: string, password: string, groups: string[] = []) => policy.check(name, password, groups).map((e) => e.key);

describe('PasswordPolicy', () => {
  test('a long, uncommon password that is not the name passes', () => {
    expect(keys('Alice', 'violet-harbour-17-tides')).toEqual([]);
  });

  test('fewer than 8 characters is too short; length counts characters, not bytes', () => {
    expect(policy.check('Alice', 'x7!kQ2z')).toEqual([{ key: 'passwordtooshort', params: [8] }]);
    expect(keys('Alice', 'ÄÖÜäöüß€')).toEqual([]);
  });

  test('privileged groups need 10 characters (the strictest group wins)', () => {
    expect(keys('Alice', 'x7!kQ2zpw', ['sysop'])).toEqual(['passwordtooshort']);
    expect(policy.check('Alice', 'x7!kQ2zpw', ['user', 'bureaucrat'])[0].params).toEqual([10]);
    expect(keys('Alice', 'x7!kQ2zpwA', ['sysop'])).toEqual([]);
  });

  test('the password may not be the user name (in any case)', () => {
    expect(keys('LongUserName', 'longusername')).toContain('password-name-match');
  });

  test('passwords from the common list are refused, case-insensitively', () => {
    expect(keys('Alice', 'password')).toContain('passwordincommonlist');
    expect(keys('Alice', 'Baseball1')).toEqual(keys('Alice', 'baseball1'));
    expect(keys('Alice', '12345678')).toContain('passwordincommonlist');
  });

  test('more than 4096 characters is too long', () => {
    expect(keys('Alice', 'a'.repeat(4097))).toContain('passwordtoolong');
  });
});
