// @ts-check
/**
 * Core schema, modelled on MediaWiki's tables (page, revision, text, actor,
 * user, recentchanges, logging, page_props) with MediaWiki's column names so
 * that a MediaWiki developer finds what they expect. Timestamps are
 * MediaWiki's 14-digit TS_MW strings (YYYYMMDDHHMMSS): they sort as text and
 * mean the same on SQLite and PostgreSQL.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('actor', (t) => {
    t.increments('actor_id').primary();
    t.integer('actor_user').nullable().unique();
    t.string('actor_name', 255).notNullable().unique();
  });

  await knex.schema.createTable('user', (t) => {
    t.increments('user_id').primary();
    t.string('user_name', 255).notNullable().unique();
    t.string('user_real_name', 255).notNullable().defaultTo('');
    t.text('user_password').notNullable().defaultTo('');
    t.text('user_email').notNullable().defaultTo('');
    t.string('user_email_authenticated', 14).nullable();
    t.string('user_touched', 14).notNullable();
    t.string('user_token', 64).notNullable().defaultTo('');
    t.string('user_registration', 14).nullable();
    t.integer('user_editcount').notNullable().defaultTo(0);
  });

  await knex.schema.createTable('page', (t) => {
    t.increments('page_id').primary();
    t.integer('page_namespace').notNullable();
    t.string('page_title', 255).notNullable();
    t.boolean('page_is_redirect').notNullable().defaultTo(false);
    t.boolean('page_is_new').notNullable().defaultTo(false);
    t.string('page_touched', 14).notNullable();
    t.integer('page_latest').notNullable().defaultTo(0);
    t.integer('page_len').notNullable().defaultTo(0);
    t.string('page_content_model', 32).notNullable().defaultTo('wikitext');
    t.unique(['page_namespace', 'page_title'], { indexName: 'page_name_title' });
  });

  // Content storage: MediaWiki's `text` table (old_id, old_text).
  await knex.schema.createTable('text', (t) => {
    t.increments('old_id').primary();
    t.text('old_text').notNullable();
  });

  await knex.schema.createTable('revision', (t) => {
    t.increments('rev_id').primary();
    t.integer('rev_page').notNullable().references('page_id').inTable('page').onDelete('CASCADE');
    t.integer('rev_parent_id').nullable();
    t.integer('rev_text_id').notNullable().references('old_id').inTable('text');
    t.text('rev_comment').notNullable().defaultTo('');
    t.integer('rev_actor').notNullable().references('actor_id').inTable('actor');
    t.string('rev_timestamp', 14).notNullable();
    t.boolean('rev_minor_edit').notNullable().defaultTo(false);
    t.integer('rev_len').notNullable();
    t.string('rev_sha1', 32).notNullable();
    t.index(['rev_page', 'rev_id'], 'rev_page_id');
    t.index(['rev_timestamp'], 'rev_timestamp');
    t.index(['rev_actor', 'rev_timestamp'], 'rev_actor_timestamp');
  });

  await knex.schema.createTable('recentchanges', (t) => {
    t.increments('rc_id').primary();
    t.string('rc_timestamp', 14).notNullable();
    t.integer('rc_actor').notNullable();
    t.integer('rc_namespace').notNullable();
    t.string('rc_title', 255).notNullable();
    t.text('rc_comment').notNullable().defaultTo('');
    t.boolean('rc_minor').notNullable().defaultTo(false);
    t.boolean('rc_bot').notNullable().defaultTo(false);
    t.boolean('rc_new').notNullable().defaultTo(false);
    t.integer('rc_cur_id').notNullable().defaultTo(0);
    t.integer('rc_this_oldid').notNullable().defaultTo(0);
    t.integer('rc_last_oldid').notNullable().defaultTo(0);
    // RC_EDIT = 0, RC_NEW = 1, RC_LOG = 3 (MediaWiki constants)
    t.integer('rc_type').notNullable();
    t.string('rc_source', 16).notNullable();
    t.integer('rc_old_len').nullable();
    t.integer('rc_new_len').nullable();
    t.string('rc_ip', 40).notNullable().defaultTo('');
    t.integer('rc_logid').notNullable().defaultTo(0);
    t.string('rc_log_type', 32).nullable();
    t.string('rc_log_action', 32).nullable();
    t.text('rc_params').nullable();
    t.index(['rc_timestamp'], 'rc_timestamp');
    t.index(['rc_namespace', 'rc_title', 'rc_timestamp'], 'rc_ns_title_timestamp');
    t.index(['rc_actor', 'rc_timestamp'], 'rc_actor');
  });

  await knex.schema.createTable('logging', (t) => {
    t.increments('log_id').primary();
    t.string('log_type', 32).notNullable();
    t.string('log_action', 32).notNullable();
    t.string('log_timestamp', 14).notNullable();
    t.integer('log_actor').notNullable();
    t.integer('log_namespace').notNullable().defaultTo(0);
    t.string('log_title', 255).notNullable().defaultTo('');
    t.integer('log_page').nullable();
    t.text('log_comment').notNullable().defaultTo('');
    t.text('log_params').notNullable().defaultTo('{}');
    t.index(['log_type', 'log_timestamp'], 'log_type_time');
    t.index(['log_actor', 'log_timestamp'], 'log_actor_time');
    t.index(['log_namespace', 'log_title', 'log_timestamp'], 'log_page_time');
    t.index(['log_timestamp'], 'log_times');
  });

  await knex.schema.createTable('page_props', (t) => {
    t.integer('pp_page').notNullable().references('page_id').inTable('page').onDelete('CASCADE');
    t.string('pp_propname', 60).notNullable();
    t.text('pp_value').notNullable();
    t.primary(['pp_page', 'pp_propname']);
    t.index(['pp_propname', 'pp_page'], 'pp_propname_page');
  });

  // Server-side sessions (one row per session id; data is JSON).
  await knex.schema.createTable('session', (t) => {
    t.string('sess_id', 64).primary();
    t.text('sess_data').notNullable();
    t.bigInteger('sess_expiry').notNullable();
    t.index(['sess_expiry'], 'sess_expiry');
  });

  // Full-text search index (MediaWiki's `searchindex`): FTS5 on SQLite,
  // a weighted tsvector with a GIN index on PostgreSQL.
  if (knex.client.config.client === 'pg') {
    await knex.raw(`CREATE TABLE searchindex (
      si_page integer PRIMARY KEY REFERENCES page(page_id) ON DELETE CASCADE,
      si_title text NOT NULL,
      si_text text NOT NULL,
      si_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', si_title), 'A') || setweight(to_tsvector('english', si_text), 'B')
      ) STORED
    )`);
    await knex.raw('CREATE INDEX si_vector_idx ON searchindex USING GIN (si_vector)');
  } else {
    await knex.raw(`CREATE VIRTUAL TABLE searchindex USING fts5(si_page UNINDEXED, si_title, si_text, tokenize = 'porter unicode61')`);
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of ['searchindex', 'session', 'page_props', 'logging', 'recentchanges', 'revision', 'text', 'page', 'user', 'actor']) {
    await knex.schema.dropTableIfExists(table);
  }
};
