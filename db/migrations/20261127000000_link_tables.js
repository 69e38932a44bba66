// @ts-check
/**
 * Link tables, modelled on MediaWiki's (maintained by LinksUpdate on every
 * save, read by Special:WhatLinksHere, category pages and cache
 * invalidation): pagelinks, templatelinks, categorylinks, externallinks,
 * category and redirect.
 *
 * pagelinks and templatelinks keep the target's namespace and title in the
 * row, as MediaWiki did before the `linktarget` normalisation (1.39–1.43):
 * one table instead of two, and the same indexes the backlink queries use.
 * The *_from_namespace columns let WhatLinksHere filter by the linking
 * page's namespace without joining `page` (MediaWiki's *_backlinks_namespace
 * indexes).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pagelinks', (t) => {
    t.integer('pl_from').notNullable().references('page_id').inTable('page').onDelete('CASCADE');
    t.integer('pl_namespace').notNullable();
    t.string('pl_title', 255).notNullable();
    t.integer('pl_from_namespace').notNullable().defaultTo(0);
    t.primary(['pl_from', 'pl_namespace', 'pl_title']);
    // Backlinks of a title ("what links here"), and the same per linking namespace.
    t.index(['pl_namespace', 'pl_title', 'pl_from'], 'pl_namespace');
    t.index(['pl_from_namespace', 'pl_namespace', 'pl_title', 'pl_from'], 'pl_backlinks_namespace');
  });

  await knex.schema.createTable('templatelinks', (t) => {
    t.integer('tl_from').notNullable().references('page_id').inTable('page').onDelete('CASCADE');
    t.integer('tl_namespace').notNullable();
    t.string('tl_title', 255).notNullable();
    t.integer('tl_from_namespace').notNullable().defaultTo(0);
    t.primary(['tl_from', 'tl_namespace', 'tl_title']);
    t.index(['tl_namespace', 'tl_title', 'tl_from'], 'tl_namespace');
    t.index(['tl_from_namespace', 'tl_namespace', 'tl_title', 'tl_from'], 'tl_backlinks_namespace');
  });

  await knex.schema.createTable('categorylinks', (t) => {
    t.integer('cl_from').notNullable().references('page_id').inTable('page').onDelete('CASCADE');
    // The category's DB key, without the namespace.
    t.string('cl_to', 255).notNullable();
    // Collation::getSortKey() of "prefix\ntitle text" (MediaWiki's 'uppercase'
    // collation: the upper-cased string, compared byte-wise). Binary on both
    // databases so paging by sort key means the same everywhere.
    t.specificType('cl_sortkey', knex.client.config.client === 'pg' ? 'text COLLATE "C"' : 'text').notNullable();
    // The sort key as the page gave it ([[Category:X|key]] or DEFAULTSORT); '' when none.
    t.string('cl_sortkey_prefix', 255).notNullable().defaultTo('');
    t.string('cl_timestamp', 14).notNullable();
    t.string('cl_collation', 32).notNullable().defaultTo('');
    // 'page', 'subcat' or 'file', from the member's namespace.
    t.string('cl_type', 6).notNullable().defaultTo('page');
    t.primary(['cl_from', 'cl_to']);
    // Listing a category by section in sort-key order (CategoryViewer).
    t.index(['cl_to', 'cl_type', 'cl_sortkey', 'cl_from'], 'cl_sortkey');
    t.index(['cl_to', 'cl_timestamp'], 'cl_timestamp');
    t.index(['cl_collation', 'cl_to', 'cl_type', 'cl_from'], 'cl_collation_ext');
  });

  // MediaWiki 1.41's layout: the host reversed for prefix searches
  // (https://www.example.org/a → "https://org.example.www." + "/a").
  await knex.schema.createTable('externallinks', (t) => {
    t.increments('el_id').primary();
    t.integer('el_from').notNullable().references('page_id').inTable('page').onDelete('CASCADE');
    t.string('el_to_domain_index', 255).notNullable().defaultTo('');
    t.text('el_to_path').nullable();
    t.index(['el_from'], 'el_from');
    // MediaWiki indexes (domain index, path); the path is unbounded text here
    // and a PostgreSQL btree entry is limited to about 2.7 kB, so a long URL
    // would make the whole save fail: only the domain part is indexed.
    t.index(['el_to_domain_index'], 'el_to_domain_index');
  });

  await knex.schema.createTable('category', (t) => {
    t.increments('cat_id').primary();
    t.string('cat_title', 255).notNullable();
    // Every member (pages, subcategories and files), as in MediaWiki.
    t.integer('cat_pages').notNullable().defaultTo(0);
    t.integer('cat_subcats').notNullable().defaultTo(0);
    t.integer('cat_files').notNullable().defaultTo(0);
    t.unique(['cat_title'], { indexName: 'cat_title' });
    t.index(['cat_pages'], 'cat_pages');
  });

  // Where each redirect page points (MediaWiki's `redirect`): WhatLinksHere
  // nests the pages that link through a redirect under it.
  await knex.schema.createTable('redirect', (t) => {
    t.integer('rd_from').notNullable().primary().references('page_id').inTable('page').onDelete('CASCADE');
    t.integer('rd_namespace').notNullable();
    t.string('rd_title', 255).notNullable();
    t.string('rd_interwiki', 32).nullable();
    t.string('rd_fragment', 255).nullable();
    t.index(['rd_namespace', 'rd_title', 'rd_from'], 'rd_ns_title');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of ['redirect', 'category', 'externallinks', 'categorylinks', 'templatelinks', 'pagelinks']) {
    await knex.schema.dropTableIfExists(table);
  }
};
