import { createHash } from 'node:crypto';

/** MediaWiki stores rev_sha1 as the SHA-1 of the text in base 36, padded to 31 characters. */
export function revisionSha1(text: string): string {
  const hex = createHash('sha1').update(text, 'utf8').digest('hex');
  return BigInt(`0x${hex}`).toString(36).padStart(31, '0');
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
