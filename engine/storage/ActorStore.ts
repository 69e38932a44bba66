/**
 * MediaWiki's actor table: one row per name that ever performed an action,
 * registered or not, so revisions and log entries reference a small integer.
 */
import { Knex } from 'knex';
import { UserIdentity } from '../user/UserIdentity';

export class ActorStore {
  constructor(private readonly db: Knex) {}

  /** Returns the actor id for a user, creating the row on first use. */
  async acquireActorId(user: UserIdentity, trx: Knex = this.db): Promise<number> {
    const existing = await trx('actor').where({ actor_name: user.name }).first('actor_id');
    if (existing) return existing.actor_id as number;
    // A concurrent first edit by the same actor may insert first; the unique
    // index makes the loser's insert a no-op and the re-read finds the row.
    await trx('actor')
      .insert({ actor_name: user.name, actor_user: user.id > 0 ? user.id : null })
      .onConflict('actor_name')
      .ignore();
    const row = await trx('actor').where({ actor_name: user.name }).first('actor_id');
    return row.actor_id as number;
  }

  async getActorName(actorId: number): Promise<string | undefined> {
    const row = await this.db('actor').where({ actor_id: actorId }).first('actor_name');
    return row?.actor_name;
  }

  async findActorId(name: string): Promise<number | undefined> {
    const row = await this.db('actor').where({ actor_name: name }).first('actor_id');
    return row?.actor_id;
  }
}
