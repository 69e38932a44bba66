import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSettings } from '../../../engine/config/loadSettings';
import { SettingsError } from '../../../engine/config/Settings';

function tempFile(content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'settings-'));
  const file = path.join(dir, 'LocalSettings.json');
  fs.writeFileSync(file, content);
  return file;
}

describe('loadSettings', () => {
  test('defaults give a working wiki without a settings file', () => {
    const s = loadSettings({ file: '/nonexistent/LocalSettings.json', env: {} });
    expect(s).toMatchObject({ sitename: 'API Portal', articlePath: '/wiki/$1', scriptPath: '/w', languageCode: 'en', port: 8080, server: 'http://localhost:8080' });
    expect(s.namespacesWithSubpages['0']).toBe(true);
    // The shipped site configuration is the API Portal's: anonymous visitors only read.
    expect(s.groupPermissions['*'].edit).toBe(false);
    expect(s.groupPermissions.docseditor['edit-docs']).toBe(true);
  });

  test('the file overrides defaults and the environment overrides the file', () => {
    const file = tempFile(JSON.stringify({ sitename: 'Docs', port: 9000 }));
    const s = loadSettings({ file, env: { PORT: '9100', DATA_DIR: '/tmp/x', DATABASE_URL: 'postgres://u@h/db' } });
    expect(s.sitename).toBe('Docs');
    expect(s.port).toBe(9100);
    expect(s.server).toBe('http://localhost:9100');
    expect(s.dataDir).toBe('/tmp/x');
    expect(s.databaseUrl).toBe('postgres://u@h/db');
  });

  test('SERVER wins over the port-derived default', () => {
    const s = loadSettings({ file: '/nonexistent', env: { PORT: '9100', SERVER: 'https://api.example.org/' } });
    expect(s.server).toBe('https://api.example.org');
  });

  test.each([
    [{ articlePath: '/wiki/' }, 'articlePath'],
    [{ server: 'localhost:8080' }, 'server'],
    [{ sitename: '' }, 'sitename'],
    [{ languageCode: 'not a code' }, 'languageCode'],
    [{ unknownSetting: 1 }, 'unknownSetting'],
    [{ groupPermissions: { user: { edit: 'yes' } } }, 'groupPermissions.user.edit'],
  ])('a bad setting %j stops start-up with a message naming %s', (bad, name) => {
    const file = tempFile(JSON.stringify(bad));
    expect(() => loadSettings({ file, env: {} })).toThrow(SettingsError);
    expect(() => loadSettings({ file, env: {} })).toThrow(name);
  });

  test('a bad PORT or invalid JSON names the problem', () => {
    expect(() => loadSettings({ file: '/nonexistent', env: { PORT: 'eighty' } })).toThrow(/PORT/);
    expect(() => loadSettings({ file: tempFile('{nope'), env: {} })).toThrow(/not valid JSON/);
  });
});
