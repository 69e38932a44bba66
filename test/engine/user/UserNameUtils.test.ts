/**
 * MediaWiki's user name rules (UserNameUtils): normalisation like titles,
 * invalid, reserved and not-creatable names.
 */
import { defaultSettings } from '../../../engine/config/Settings';
import { NamespaceInfo } from '../../../engine/title/NamespaceInfo';
import { TitleFactory } from '../../../engine/title/TitleFactory';
import { UserNameUtils } from '../../../engine/user/UserNameUtils';

const settings = defaultSettings();
const titles = new TitleFactory(new NamespaceInfo({ sitename: 'API Portal', namespacesWithSubpages: {}, capitalLinks: true, extraNamespaces: {}, namespaceAliases: {}, contentNamespaces: [0] }), { server: 'http://localhost', articlePath: '/wiki/$1', scriptPath: '/w' });
const names = new UserNameUtils(titles, settings);

describe('UserNameUtils', () => {
  test('names are normalised like titles: underscores, first letter, outer spaces', () => {
    expect(names.getCanonical('  alice_smith ')).toBe('Alice smith');
    expect(names.getCanonical('élodie')).toBe('Élodie');
  });

  test.each(['', '127.0.0.1', '2001:DB8::1', 'Foo/bar', 'Foo#bar', 'Foo[bar]', 'Foo{bar}', 'Foo|bar', 'Talk:Foo', 'User:Foo', 'Foo\u200Bbar', 'x'.repeat(256)])('%j is not a valid name', (name) => {
    expect(names.getCanonical(name)).toBeNull();
  });

  test('reserved names are valid but not usable', () => {
    expect(names.getCanonical('MediaWiki default', 'valid')).toBe('MediaWiki default');
    expect(names.getCanonical('MediaWiki default', 'usable')).toBeNull();
    expect(names.getCanonical('Maintenance script', 'creatable')).toBe('Maintenance script');
    expect(names.isUsable('Maintenance script')).toBe(false);
  });

  test('$wgInvalidUsernameCharacters (@ : > =) make a name not creatable', () => {
    expect(names.getCanonical('alice@example.org', 'valid')).toBe('Alice@example.org');
    expect(names.getCanonical('alice@example.org', 'creatable')).toBeNull();
    expect(names.getCanonical('a=b', 'creatable')).toBeNull();
    expect(names.getCanonical('a>b', 'creatable')).toBeNull();
  });
});
