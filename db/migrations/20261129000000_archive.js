// @ts-check
/**
 * MediaWiki's `archive` table: the revisions of deleted pages, kept so that
 * Special:Undelete can restore them. A deleted revision keeps its rev_id
 * (ar_rev_id), its page id (ar_page_id, reused on restore when free) and its
 * text row (ar_text_id, as MediaWiki's pre-MCR schema), so an undeletion
 * brings back the very same revisions.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('archive', (t) => {
    t.increments('ar_id').primary();
    t.integer('ar_namespace').notNullable();
    t.string('ar_title', 255).notNullable();
    t.text('ar_comment').notNullable().defaultTo('');
    t.integer('ar_actor').notNullable().references('actor_id').inTable('actor');
    t.string('ar_timestamp', 14).notNullable();
    t.boolean('ar_minor_edit').notNullable().defaultTo(false);
    t.integer('ar_rev_id').notNullable().unique({ indexName: 'ar_revid_uniq' });
    t.integer('ar_text_id').notNullable().references('old_id').inTable('text');
    // Revision-deletion bits (MediaWiki's ar_deleted); always 0 here.
    t.integer('ar_deleted').notNullable().defaultTo(0);
    t.integer('ar_len').nullable();
    t.integer('ar_page_id').nullable();
    t.integer('ar_parent_id').nullable();
    t.string('ar_sha1', 32).notNullable().defaultTo('');
    t.index(['ar_namespace', 'ar_title', 'ar_timestamp'], 'ar_name_title_timestamp');
    t.index(['ar_actor', 'ar_timestamp'], 'ar_actor_timestamp');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTableIfExists('archive');
};
