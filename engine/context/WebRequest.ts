/**
 * Request parameters as MediaWiki's WebRequest sees them: query string and
 * POST body merged (POST wins), with typed getters that never throw on bad
 * input — a malformed number falls back to the default, as in MediaWiki.
 */
export type ParamBag = Record<string, unknown>;

export class WebRequest {
  constructor(
    private readonly query: ParamBag,
    private readonly body: ParamBag,
    readonly method: string,
  ) {}

  wasPosted(): boolean {
    return this.method === 'POST';
  }

  private raw(name: string): unknown {
    if (this.body && Object.prototype.hasOwnProperty.call(this.body, name)) return this.body[name];
    if (Object.prototype.hasOwnProperty.call(this.query, name)) return this.query[name];
    return undefined;
  }

  /** A string parameter (the last value if repeated), or the default. */
  getVal(name: string): string | null;
  getVal(name: string, defaultValue: string): string;
  getVal(name: string, defaultValue: string | null = null): string | null {
    let value = this.raw(name);
    if (Array.isArray(value)) value = value[value.length - 1];
    if (value === undefined || value === null || typeof value === 'object') return defaultValue;
    // Strip NUL and normalise line endings (WebRequest::getGPCVal normalises Unicode too).
    return String(value).replace(/\0/g, '').normalize('NFC');
  }

  /** Textarea text with CRLF normalised to LF. */
  getText(name: string, defaultValue = ''): string {
    return (this.getVal(name) ?? defaultValue).replace(/\r\n?/g, '\n');
  }

  getInt(name: string, defaultValue = 0): number {
    const value = this.getVal(name);
    if (value === null || !/^\s*-?\d+\s*$/.test(value)) return defaultValue;
    const n = parseInt(value, 10);
    return Number.isSafeInteger(n) ? n : defaultValue;
  }

  /** A bounded integer, for limits and offsets (WebRequest::getLimitOffsetForUser clamps the same way). */
  getIntInRange(name: string, defaultValue: number, min: number, max: number): number {
    const n = this.getInt(name, defaultValue);
    return Math.min(max, Math.max(min, n));
  }

  /** Present and not '', '0' or 'false' (WebRequest::getBool / getFuzzyBool). */
  getBool(name: string, defaultValue = false): boolean {
    const value = this.getVal(name);
    if (value === null) return defaultValue;
    return value !== '' && value !== '0' && value.toLowerCase() !== 'false';
  }

  /** Present at all, even empty (checkboxes: WebRequest::getCheck). */
  getCheck(name: string): boolean {
    return this.raw(name) !== undefined;
  }

  getArray(name: string): string[] {
    const value = this.raw(name);
    if (value === undefined || value === null) return [];
    return (Array.isArray(value) ? value : [value]).map(String);
  }

  getQueryValues(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(this.query)) if (typeof value === 'string') out[key] = value;
    return out;
  }
}
