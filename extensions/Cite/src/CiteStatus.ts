/**
 * The outcome of validating a <ref> or <references> tag (the part of
 * MediaWiki's StatusValue that Cite uses): a value plus messages, each a
 * warning (the tag still renders, the message is attached to it) or a fatal
 * error (the tag is replaced by the message).
 */

export interface CiteMessage {
  /** Message key, e.g. 'cite_error_ref_no_key'. */
  key: string;
  /** Plain-text parameters ($1, $2 …). */
  params: string[];
}

export class CiteStatus<T> {
  readonly messages: (CiteMessage & { fatal: boolean })[] = [];

  constructor(public value: T) {}

  warning(key: string, ...params: string[]): void {
    this.messages.push({ key, params, fatal: false });
  }

  fatal(key: string, ...params: string[]): void {
    this.messages.push({ key, params, fatal: true });
  }

  /** No fatal error: the tag renders (possibly with warnings). */
  isOK(): boolean {
    return !this.messages.some((m) => m.fatal);
  }

  /** Neither errors nor warnings. */
  isGood(): boolean {
    return this.messages.length === 0;
  }

  /** Takes over the other status's messages (after its own, as StatusValue::merge). */
  merge(other: CiteStatus<unknown>): this {
    this.messages.push(...other.messages);
    return this;
  }

  firstMessage(): CiteMessage | undefined {
    return this.messages[0];
  }
}
