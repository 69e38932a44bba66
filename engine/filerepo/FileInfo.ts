/** What the parser needs to know about an uploaded file (a row of MediaWiki's `file`/`image` table). */
export interface FileInfo {
  /** DB key without namespace, e.g. "Foobar.jpg". For a name reached through a file redirect, the target's name. */
  name: string;
  size: number;
  width: number;
  height: number;
  /** e.g. "image/jpeg". */
  mime: string;
  /** MediaWiki's MEDIATYPE_* name: BITMAP, DRAWING, AUDIO, VIDEO, MULTIMEDIA, OFFICE, TEXT, EXECUTABLE, ARCHIVE, 3D, UNKNOWN. */
  mediaType: string;
  /** Public URL of the original file. */
  url: string;
  /**
   * Public URL of the directory holding the file's thumbnails (MediaWiki's
   * thumb zone URL plus the file's hash path and name); a thumbnail's URL is
   * this, '/', and the thumbnail's name ("180px-Foobar.jpg").
   */
  thumbUrl: string;
  timestamp: string;
  /** Bits per colour channel (img_bits); 0 when not applicable. */
  bits: number;
  /** Base-36 SHA-1 of the content (img_sha1). */
  sha1: string;
  /** What the media handler extracted from the file (img_metadata). */
  metadata: FileMetadata;
  /** The DB key this file was asked for when that was a redirect to it (File::getRedirected). */
  redirectedFrom?: string;
}

/**
 * The handler metadata MediaWiki keeps in img_metadata, for the handlers this
 * engine knows: multi-page documents (DjVu, PDF) list their pages' sizes,
 * SVG drawings list the languages their text is translated into.
 */
export interface FileMetadata {
  /** Sizes of the pages of a multi-page document, first page first. */
  pages?: { width: number; height: number }[];
  /** SVG `systemLanguage` translations: language code → SVGReader::LANG_FULL_MATCH (1) or LANG_PREFIX_MATCH (2). */
  translations?: Record<string, number>;
}

/** MediaWiki's MEDIATYPE_* names. */
export type MediaType = 'BITMAP' | 'DRAWING' | 'AUDIO' | 'VIDEO' | 'MULTIMEDIA' | 'OFFICE' | 'TEXT' | 'EXECUTABLE' | 'ARCHIVE' | '3D' | 'UNKNOWN';
