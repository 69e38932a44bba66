/** What the parser needs to know about an uploaded file (a row of MediaWiki's `file`/`image` table). */
export interface FileInfo {
  /** DB key without namespace, e.g. "Foobar.jpg". */
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
  timestamp: string;
}
