/**
 * Who a session belongs to (MediaWiki's SessionManager / CookieSessionProvider
 * with the session data names wsUserID and wsToken):
 * - a logged-in session holds the user id and a copy of user_token; the user
 *   is only taken if that copy still matches, so changing the token ends every
 *   session of the account;
 * - logging in gives the session a new id (no session fixation, OWASP) and a
 *   new CSRF secret, and sets the cookie's lifetime: the browser session, or
 *   $wgExtendedLoginCookieExpiration with "Keep me logged in";
 * - logging out removes the session on the server and the cookie.
 */
import type Koa from 'koa';

export const SESSION_USER_ID = 'wsUserID';
export const SESSION_USER_TOKEN = 'wsToken';
const CSRF_SECRET = 'csrfSecret';

type SessionObject = Record<string, unknown> & { regenerate(): Promise<void> | undefined; maxAge: number | 'session' };

function sessionOf(ctx: Koa.Context): SessionObject | null {
  return (ctx.session as unknown as SessionObject | null) ?? null;
}

/** The user id and token a request's session claims, without touching the database. */
export function sessionClaim(ctx: Koa.Context): { userId: number; token: string } | null {
  const session = sessionOf(ctx);
  if (!session) return null;
  const userId = Number(session[SESSION_USER_ID]);
  const token = session[SESSION_USER_TOKEN];
  if (!Number.isInteger(userId) || userId <= 0 || typeof token !== 'string' || token === '') return null;
  return { userId, token };
}

/** Binds the session to `userId` under a fresh session id. */
export async function logInSession(ctx: Koa.Context, userId: number, userToken: string, remember: { persistentMs: number } | null): Promise<void> {
  const session = sessionOf(ctx);
  if (!session) throw new Error('No session support on this request');
  for (const key of Object.keys(session)) if (!key.startsWith('_')) delete session[key];
  session[SESSION_USER_ID] = userId;
  session[SESSION_USER_TOKEN] = userToken;
  // A new secret: CSRF tokens handed out before login stop working.
  delete session[CSRF_SECRET];
  session.maxAge = remember ? remember.persistentMs : 'session';
  await session.regenerate();
}

/** Ends the session: its row is deleted and the cookie cleared. */
export function logOutSession(ctx: Koa.Context): void {
  (ctx as unknown as { session: null }).session = null;
}

/** A session that names a user who no longer matches forgets the claim (the visitor is anonymous). */
export function forgetSessionUser(ctx: Koa.Context): void {
  const session = sessionOf(ctx);
  if (!session) return;
  delete session[SESSION_USER_ID];
  delete session[SESSION_USER_TOKEN];
}
