/**
 * The slice of wikiparser-node's token API the engine's overrides use. The
 * library has no stable typed export for its token classes, so this is the
 * one description of what we rely on.
 */
export interface WikiToken {
  type: string;
  name?: string;
  length: number;
  data?: string;
  firstChild?: WikiToken;
  lastChild?: WikiToken;
  nextSibling?: WikiToken;
  parentNode?: WikiToken;
  childNodes: WikiToken[];
  innerText?: string;
  level?: number;
  text?(): string;
  toString(): string;
  toHtmlInternal?(opt?: object): string;
  querySelectorAll(selector: string): WikiToken[];
  deleteData?(offset: number, count?: number): void;
  getAttrs?(): Record<string, string | true>;
}

export { escapeHtml } from '../../html/Html';
