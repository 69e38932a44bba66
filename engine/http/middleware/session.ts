/**
 * Server-side sessions (koa-session with the database store): the cookie
 * holds only an opaque id, HttpOnly and SameSite=Lax, Secure when the wiki is
 * served over https. A session is only created when something is stored in
 * it (a CSRF secret when a form is shown, a login), so plain reads set no
 * cookie. Without "Keep me logged in" the cookie lasts the browser session
 * and the server keeps the session for `sessionExpiry`.
 */
import session from 'koa-session';
import type Koa from 'koa';
import type { Services } from '../../services/Services';

export const SESSION_COOKIE = 'apiportal_session';

export function sessionMiddleware(app: Koa, services: Services): Koa.Middleware {
  app.keys = [services.secretKey];
  const secure = services.settings.server.startsWith('https:');
  return session(
    {
      key: SESSION_COOKIE,
      maxAge: 'session',
      httpOnly: true,
      sameSite: 'lax',
      secure,
      signed: true,
      rolling: false,
      renew: true,
      store: services.sessionStore,
    },
    app,
  ) as unknown as Koa.Middleware;
}
