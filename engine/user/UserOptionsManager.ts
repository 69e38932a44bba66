/**
 * Preferences (MediaWiki's UserOptionsManager): $wgDefaultUserOptions, with
 * only the values a user changed stored in `user_properties`. Anonymous
 * users always get the defaults.
 */
import type { Knex } from 'knex';

export type UserOptionValue = string | number | boolean;
export type UserOptions = Record<string, UserOptionValue>;

export class UserOptionsManager {
  constructor(
    private readonly db: Knex,
    private readonly defaults: Readonly<UserOptions>,
  ) {}

  getDefaultOptions(): UserOptions {
    return { ...this.defaults };
  }

  /** Every option of a user: the defaults overlaid with what they set. */
  async getOptions(userId: number): Promise<UserOptions> {
    const options = this.getDefaultOptions();
    if (userId <= 0) return options;
    const rows = await this.db('user_properties').where('up_user', userId).select('up_property', 'up_value');
    for (const row of rows) options[row.up_property] = this.decode(row.up_property, row.up_value);
    return options;
  }

  /** Saves options; a value equal to the default is removed rather than stored (as MediaWiki). */
  async setOptions(userId: number, values: Readonly<UserOptions>, db: Knex = this.db): Promise<void> {
    if (userId <= 0) throw new Error('Anonymous users have no stored preferences');
    for (const [name, value] of Object.entries(values)) {
      if (Object.prototype.hasOwnProperty.call(this.defaults, name) && String(this.defaults[name]) === String(value)) {
        await db('user_properties').where({ up_user: userId, up_property: name }).delete();
        continue;
      }
      const stored = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
      await db('user_properties').insert({ up_user: userId, up_property: name, up_value: stored }).onConflict(['up_user', 'up_property']).merge(['up_value']);
    }
  }

  /** Stored values are text; give them back in the type of their default. */
  private decode(name: string, value: string | null): UserOptionValue {
    const fallback = Object.prototype.hasOwnProperty.call(this.defaults, name) ? this.defaults[name] : undefined;
    if (typeof fallback === 'boolean') return value === '1' || value === 'true';
    if (typeof fallback === 'number') return Number.isFinite(Number(value)) ? Number(value) : fallback;
    return value ?? '';
  }
}
