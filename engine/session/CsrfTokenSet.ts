/**
 * Session-bound CSRF tokens (MediaWiki's CsrfTokenSet / wpEditToken). The
 * per-session secret lives in the server-side session; tokens are salted
 * (BREACH-resistant) by the `csrf` package, whose verify() compares in
 * constant time. Tokens carry MediaWiki's `+\` suffix so clients that check
 * for it (and proxies that mangle it) behave as with MediaWiki.
 */
import Tokens from 'csrf';

const tokens = new Tokens({ saltLength: 16, secretLength: 24 });
const SUFFIX = '+\\';

export interface SessionLike {
  csrfSecret?: string;
}

export class CsrfTokenSet {
  constructor(private readonly session: SessionLike | null | undefined) {}

  /** A token for forms; starts a session if there is none yet. */
  getToken(): string {
    if (!this.session) throw new Error('No session available for a CSRF token');
    if (!this.session.csrfSecret) this.session.csrfSecret = tokens.secretSync();
    return tokens.create(this.session.csrfSecret) + SUFFIX;
  }

  matchToken(token: string | null | undefined): boolean {
    if (!token || !this.session?.csrfSecret) return false;
    if (!token.endsWith(SUFFIX)) return false;
    return tokens.verify(this.session.csrfSecret, token.slice(0, -SUFFIX.length));
  }
}
