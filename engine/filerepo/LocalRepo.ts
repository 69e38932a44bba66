/**
 * The wiki's own file repository (MediaWiki's LocalRepo over the `image`
 * table): finds files by name for the parser, registers uploaded files, and
 * knows where originals and thumbnails are published.
 *
 * Public URLs follow MediaWiki's hashed upload layout ($wgHashedUploadDirectory):
 * a file lives under two directory levels taken from the MD5 of its name,
 *   <uploadPath>/3/3a/Foobar.jpg
 * and its thumbnails under the thumb zone, in a directory named like the file:
 *   <uploadPath>/thumb/3/3a/Foobar.jpg/180px-Foobar.jpg
 */
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { getRedirectTargetText } from '../content/RedirectParser';
import { ActorStore } from '../storage/ActorStore';
import type { TitleFactory } from '../title/TitleFactory';
import type { UserIdentity } from '../user/UserIdentity';
import { toMwTimestamp } from '../util/Timestamp';
import type { FileInfo, FileMetadata } from './FileInfo';
import { rawUrlEncode } from './MediaHandler';

/** MediaWiki's NS_FILE. */
const NS_FILE = 6;

/** Names per query; keeps well under every backend's limit on bound parameters. */
const BATCH_SIZE = 500;

export interface LocalRepoOptions {
  /**
   * $wgUploadPath: public URL of the upload directory, without a trailing
   * slash ("/w/images", or absolute as in MediaWiki's parser tests,
   * "http://example.com/images").
   */
  uploadPath: string;
  /**
   * $wgHashedUploadDirectory: spread files over <a>/<ab>/ directories
   * (MediaWiki's default, true).
   */
  hashedDirectories?: boolean;
  /**
   * Follow file redirects (a File: description page redirecting to another
   * file), as MediaWiki's LocalRepo::checkRedirect does; needs the titles
   * to read redirect targets.
   */
  titles?: TitleFactory;
}

/** An upload to record (the fields of LocalFile::recordUpload3 that end up in the `image` row). */
export interface FileRegistration {
  /** DB key without namespace ("Foobar.jpg"). */
  name: string;
  size: number;
  width: number;
  height: number;
  /** Bits per channel; 0 when not applicable. */
  bits?: number;
  mime: string;
  /** MEDIATYPE_* name (BITMAP, DRAWING, AUDIO …). */
  mediaType: string;
  metadata?: FileMetadata;
  /** Upload summary. */
  description?: string;
  user: UserIdentity;
  /** TS_MW; now when absent. */
  timestamp?: string;
  /** Base-36 SHA-1 of the content. */
  sha1?: string;
}

interface ImageRow {
  img_name: string;
  img_size: number | string;
  img_width: number;
  img_height: number;
  img_metadata: string | null;
  img_bits: number;
  img_media_type: string;
  img_major_mime: string;
  img_minor_mime: string;
  img_timestamp: string;
  img_sha1: string;
}

export class LocalRepo {
  private readonly uploadPath: string;
  private readonly hashed: boolean;
  private readonly actors: ActorStore;

  constructor(
    private readonly db: Knex,
    private readonly options: LocalRepoOptions,
  ) {
    this.uploadPath = options.uploadPath.replace(/\/+$/, '');
    this.hashed = options.hashedDirectories ?? true;
    this.actors = new ActorStore(db);
  }

  /** MediaWiki's default $wgUploadPath: "$wgScriptPath/images". */
  static defaultUploadPath(scriptPath: string): string {
    return `${scriptPath}/images`;
  }

  /** FileRepo::getHashPath: "3/3a/" from the MD5 of the name ('' when not hashed). */
  getHashPath(name: string): string {
    if (!this.hashed) return '';
    const hash = createHash('md5').update(name, 'utf8').digest('hex');
    return `${hash.slice(0, 1)}/${hash.slice(0, 2)}/`;
  }

  /** Public URL of a file's original (File::getUrl). */
  getUrl(name: string): string {
    return `${this.uploadPath}/${this.getHashPath(name)}${rawUrlEncode(name)}`;
  }

  /** Public URL of a file's thumbnail directory, or of one thumbnail in it (File::getThumbUrl). */
  getThumbUrl(name: string, thumbName?: string): string {
    const dir = `${this.uploadPath}/thumb/${this.getHashPath(name)}${rawUrlEncode(name)}`;
    return thumbName === undefined ? dir : `${dir}/${rawUrlEncode(thumbName)}`;
  }

  /**
   * Files by DB key, in one query (plus, for names that are not files, one
   * for redirects when those are followed). Names without a file are absent
   * from the map; a redirected name maps to its target file.
   */
  async findFiles(dbKeys: readonly string[]): Promise<Map<string, FileInfo>> {
    const wanted = [...new Set(dbKeys)];
    const found = new Map<string, FileInfo>();
    for (const row of await this.selectRows(wanted)) found.set(row.img_name, this.toFileInfo(row));
    const missing = wanted.filter((key) => !found.has(key));
    if (missing.length > 0 && this.options.titles) {
      const redirects = await this.checkRedirects(missing);
      const targets = [...new Set(redirects.values())].filter((target) => !found.has(target));
      const targetInfos = new Map<string, FileInfo>();
      for (const row of await this.selectRows(targets)) targetInfos.set(row.img_name, this.toFileInfo(row));
      for (const [from, to] of redirects) {
        const target = found.get(to) ?? targetInfos.get(to);
        if (target) found.set(from, { ...target, redirectedFrom: from });
      }
    }
    return found;
  }

  async findFile(dbKey: string): Promise<FileInfo | null> {
    return (await this.findFiles([dbKey])).get(dbKey) ?? null;
  }

  /** Records a file (a new upload or a new version replacing the row), as LocalFile::recordUpload3 does for `image`. */
  async registerFile(file: FileRegistration): Promise<FileInfo> {
    const [major, minor = 'unknown'] = file.mime.split('/');
    const row = {
      img_name: file.name,
      img_size: file.size,
      img_width: file.width,
      img_height: file.height,
      img_metadata: JSON.stringify(file.metadata ?? {}),
      img_bits: file.bits ?? 0,
      img_media_type: file.mediaType.toUpperCase(),
      img_major_mime: major || 'unknown',
      img_minor_mime: minor,
      img_description: file.description ?? '',
      img_actor: await this.actors.acquireActorId(file.user),
      img_timestamp: file.timestamp ?? toMwTimestamp(),
      img_sha1: file.sha1 ?? '',
    };
    await this.db('image').insert(row).onConflict('img_name').merge();
    return this.toFileInfo(row);
  }

  private async selectRows(names: readonly string[]): Promise<ImageRow[]> {
    const rows: ImageRow[] = [];
    for (let i = 0; i < names.length; i += BATCH_SIZE) {
      const batch = names.slice(i, i + BATCH_SIZE);
      rows.push(
        ...(await this.db('image')
          .whereIn('img_name', batch)
          .select('img_name', 'img_size', 'img_width', 'img_height', 'img_metadata', 'img_bits', 'img_media_type', 'img_major_mime', 'img_minor_mime', 'img_timestamp', 'img_sha1')),
      );
    }
    return rows;
  }

  /**
   * LocalRepo::checkRedirect for many names: File: description pages that are
   * redirects to another File: page, name → target name (one level, as MediaWiki).
   */
  private async checkRedirects(names: readonly string[]): Promise<Map<string, string>> {
    const targets = new Map<string, string>();
    const titles = this.options.titles!;
    for (let i = 0; i < names.length; i += BATCH_SIZE) {
      const rows: { page_title: string; old_text: string }[] = await this.db('page')
        .join('revision', 'rev_id', 'page_latest')
        .join('text', 'old_id', 'rev_text_id')
        .where({ page_namespace: NS_FILE, page_is_redirect: true })
        .whereIn('page_title', names.slice(i, i + BATCH_SIZE))
        .select('page_title', 'old_text');
      for (const row of rows) {
        const targetText = getRedirectTargetText(row.old_text);
        const target = targetText === null ? null : titles.newFromText(targetText);
        if (target && target.getNamespace() === NS_FILE && target.getDBkey() !== row.page_title) targets.set(row.page_title, target.getDBkey());
      }
    }
    return targets;
  }

  private toFileInfo(row: ImageRow): FileInfo {
    return {
      name: row.img_name,
      size: Number(row.img_size),
      width: row.img_width,
      height: row.img_height,
      mime: `${row.img_major_mime}/${row.img_minor_mime}`,
      mediaType: row.img_media_type,
      url: this.getUrl(row.img_name),
      thumbUrl: this.getThumbUrl(row.img_name),
      timestamp: row.img_timestamp,
      bits: row.img_bits,
      sha1: row.img_sha1,
      metadata: parseMetadata(row.img_metadata),
    };
  }
}

/** img_metadata as stored; anything unreadable counts as no metadata, as MediaWiki treats a broken blob. */
function parseMetadata(blob: string | null): FileMetadata {
  if (!blob) return {};
  try {
    const value: unknown = JSON.parse(blob);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as FileMetadata) : {};
  } catch {
    return {};
  }
}
