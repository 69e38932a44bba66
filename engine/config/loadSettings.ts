/**
 * Settings = defaults ← settings file (JSON, the LocalSettings.php of this
 * engine) ← environment. Validated once at start so a bad value stops
 * start-up with a message naming it, instead of failing later at random.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defaultSettings, Settings, SettingsError, validateSettings } from './Settings';

export interface LoadOptions {
  /** Path of the settings file; `SETTINGS_FILE` or ./LocalSettings.json by default. Missing file = defaults only. */
  file?: string;
  env?: NodeJS.ProcessEnv;
  /** Programmatic overrides applied last (tests, benchmarks). */
  overrides?: Partial<Settings>;
}

function readSettingsFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new SettingsError(`Settings file ${file} must hold a JSON object`);
    }
    return parsed as Record<string, unknown>;
  } catch (error) {
    if (error instanceof SettingsError) throw error;
    throw new SettingsError(`Settings file ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

function fromEnvironment(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (env.PORT !== undefined && env.PORT !== '') {
    const port = Number(env.PORT);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new SettingsError(`Invalid settings:\n  - PORT: not a port number: ${env.PORT}`);
    out.port = port;
  }
  if (env.SERVER) out.server = env.SERVER.replace(/\/$/, '');
  if (env.DATABASE_URL) out.databaseUrl = env.DATABASE_URL;
  if (env.DATA_DIR) out.dataDir = env.DATA_DIR;
  if (env.LISTEN_HOST) out.listenHost = env.LISTEN_HOST;
  return out;
}

export function loadSettings(options: LoadOptions = {}): Settings {
  const env = options.env ?? process.env;
  const file = options.file ?? env.SETTINGS_FILE ?? path.resolve('LocalSettings.json');
  const merged: Record<string, unknown> = {
    ...defaultSettings(),
    ...readSettingsFile(file),
    ...fromEnvironment(env),
    ...(options.overrides ?? {}),
  };
  // Without an explicit server, follow the port so printed and generated URLs work.
  const explicitServer = env.SERVER || options.overrides?.server || readSettingsFile(file).server;
  if (!explicitServer && typeof merged.port === 'number' && merged.port !== 0) {
    merged.server = `http://localhost:${merged.port}`;
  }
  return validateSettings(merged);
}
