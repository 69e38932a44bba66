// @ts-check
/**
 * Accounts, groups, preferences, watchlist and page protection, with
 * MediaWiki's table and column names:
 *
 * - user: email confirmation token (only its SHA-256 hash is stored, as
 *   MediaWiki stores only a hash in user_email_token) and its expiry;
 *   user_newpassword / user_newpass_time hold a temporary password sent by
 *   Special:PasswordReset (hashed like any password); user_gender is kept in
 *   user_properties as MediaWiki does.
 * - user_groups: explicit memberships with an optional expiry (TS_MW or NULL
 *   for infinite); implicit groups (*, user, autoconfirmed) are never stored.
 * - user_properties: preferences that differ from the defaults.
 * - watchlist: one row per watched subject page (its talk page is watched with
 *   it, as MediaWiki keeps both rows; we keep the subject row and match both).
 * - page_restrictions / protected_titles: page protection and create
 *   protection of titles that don't exist.
 * - session gains sess_user so "log out everywhere" can drop every session of
 *   a user at once.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('user', (t) => {
    t.string('user_email_token', 64).nullable();
    t.string('user_email_token_expires', 14).nullable();
    t.text('user_newpassword').notNullable().defaultTo('');
    t.string('user_newpass_time', 14).nullable();
  });

  await knex.schema.createTable('user_groups', (t) => {
    t.integer('ug_user').notNullable().references('user_id').inTable('user').onDelete('CASCADE');
    t.string('ug_group', 255).notNullable();
    t.string('ug_expiry', 14).nullable();
    t.primary(['ug_user', 'ug_group']);
    t.index(['ug_group'], 'ug_group');
    t.index(['ug_expiry'], 'ug_expiry');
  });

  await knex.schema.createTable('user_properties', (t) => {
    t.integer('up_user').notNullable().references('user_id').inTable('user').onDelete('CASCADE');
    t.string('up_property', 255).notNullable();
    t.text('up_value').nullable();
    t.primary(['up_user', 'up_property']);
  });

  await knex.schema.createTable('watchlist', (t) => {
    t.increments('wl_id').primary();
    t.integer('wl_user').notNullable().references('user_id').inTable('user').onDelete('CASCADE');
    t.integer('wl_namespace').notNullable();
    t.string('wl_title', 255).notNullable();
    t.string('wl_notificationtimestamp', 14).nullable();
    t.unique(['wl_user', 'wl_namespace', 'wl_title'], { indexName: 'wl_user_ns_title' });
    t.index(['wl_namespace', 'wl_title'], 'wl_namespace_title');
  });

  await knex.schema.createTable('page_restrictions', (t) => {
    t.increments('pr_id').primary();
    t.integer('pr_page').notNullable().references('page_id').inTable('page').onDelete('CASCADE');
    t.string('pr_type', 60).notNullable();
    t.string('pr_level', 60).notNullable();
    t.boolean('pr_cascade').notNullable().defaultTo(false);
    t.string('pr_expiry', 14).nullable();
    t.unique(['pr_page', 'pr_type'], { indexName: 'pr_pagetype' });
    t.index(['pr_level'], 'pr_level');
  });

  await knex.schema.createTable('protected_titles', (t) => {
    t.integer('pt_namespace').notNullable();
    t.string('pt_title', 255).notNullable();
    t.integer('pt_user').notNullable();
    t.text('pt_reason').notNullable().defaultTo('');
    t.string('pt_timestamp', 14).notNullable();
    t.string('pt_expiry', 14).nullable();
    t.string('pt_create_perm', 60).notNullable();
    t.primary(['pt_namespace', 'pt_title']);
  });

  await knex.schema.alterTable('session', (t) => {
    t.integer('sess_user').nullable();
    t.index(['sess_user'], 'sess_user');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('session', (t) => {
    t.dropIndex(['sess_user'], 'sess_user');
    t.dropColumn('sess_user');
  });
  for (const table of ['protected_titles', 'page_restrictions', 'watchlist', 'user_properties', 'user_groups']) {
    await knex.schema.dropTableIfExists(table);
  }
  await knex.schema.alterTable('user', (t) => {
    t.dropColumn('user_email_token');
    t.dropColumn('user_email_token_expires');
    t.dropColumn('user_newpassword');
    t.dropColumn('user_newpass_time');
  });
};
