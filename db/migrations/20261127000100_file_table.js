// @ts-check
/**
 * The file repository's table: MediaWiki's `image` table (one row per current
 * version of an uploaded file, keyed by its name), with MediaWiki's column
 * names. Old versions (`oldimage`) and the newer `file`/`filerevision` split
 * come with uploads.
 *
 * - img_name: the file's DB key without namespace ("Foobar.jpg");
 * - img_metadata: the media handler's metadata as JSON (SVG translations,
 *   DjVu/PDF page sizes …), where MediaWiki stores a serialised blob;
 * - img_media_type: MediaWiki's MEDIATYPE_* name (BITMAP, DRAWING, AUDIO …);
 * - img_major_mime / img_minor_mime: the MIME type split at '/';
 * - img_description: the upload summary as text (this schema keeps comments
 *   inline, as rev_comment does, instead of MediaWiki's comment table);
 * - img_timestamp: TS_MW (14 digits), like every timestamp here;
 * - img_sha1: base-36 SHA-1 of the content, 31 characters, as MediaWiki.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('image', (t) => {
    t.string('img_name', 255).primary();
    t.bigInteger('img_size').notNullable().defaultTo(0);
    t.integer('img_width').notNullable().defaultTo(0);
    t.integer('img_height').notNullable().defaultTo(0);
    t.text('img_metadata').nullable();
    t.integer('img_bits').notNullable().defaultTo(0);
    t.string('img_media_type', 16).notNullable().defaultTo('UNKNOWN');
    t.string('img_major_mime', 16).notNullable().defaultTo('unknown');
    t.string('img_minor_mime', 100).notNullable().defaultTo('unknown');
    t.text('img_description').notNullable().defaultTo('');
    t.integer('img_actor').notNullable().references('actor_id').inTable('actor');
    t.string('img_timestamp', 14).notNullable();
    t.string('img_sha1', 32).notNullable().defaultTo('');
    // MediaWiki's indexes: uploads by user and time, by size, by time, by hash, by type.
    t.index(['img_actor', 'img_timestamp'], 'img_actor_timestamp');
    t.index(['img_size'], 'img_size');
    t.index(['img_timestamp'], 'img_timestamp');
    t.index(['img_sha1'], 'img_sha1');
    t.index(['img_media_type', 'img_major_mime', 'img_minor_mime'], 'img_media_mime');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTableIfExists('image');
};
