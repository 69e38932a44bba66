/**
 * Builds the RequestContext for a request: parameters (query + form body),
 * the acting user (from the session, if its binding to the account still
 * holds; else an anonymous visitor named by IP), the interface language
 * (`uselang`, then the user's preference, then the content language —
 * MediaWiki ignores Accept-Language by default), and the skin (`useskin`,
 * then the user's preference, then the default).
 */
import type Koa from 'koa';
import { RequestContext } from '../../context/RequestContext';
import { WebRequest } from '../../context/WebRequest';
import { isValidLanguageCode } from '../../i18n/LanguageFallback';
import type { Services } from '../../services/Services';
import { CsrfTokenSet } from '../../session/CsrfTokenSet';
import { normalizeIp } from '../../user/UserIdentity';
import { anonymousVisitor, User } from '../../user/User';
import { forgetSessionUser, sessionClaim } from '../../session/SessionUser';
import type { UserOptions } from '../../user/UserOptionsManager';

export interface ContextState {
  context?: RequestContext;
}

export function chooseLanguage(requested: string | null, contentLanguage: string): string {
  if (requested && (requested === 'qqx' || isValidLanguageCode(requested))) return requested.toLowerCase();
  return contentLanguage;
}

/** The session's user, or null (and the stale claim dropped) when its binding no longer holds. */
async function loadSessionUser(services: Services, ctx: Koa.Context): Promise<User | null> {
  const claim = sessionClaim(ctx);
  if (!claim) return null;
  const user = await services.userStore.getUserForSession(claim.userId, claim.token);
  if (!user) forgetSessionUser(ctx);
  return user;
}

export async function createRequestContext(services: Services, ctx: Koa.Context): Promise<RequestContext> {
  const body = (ctx.request as unknown as { body?: Record<string, unknown> }).body;
  const request = new WebRequest(ctx.query as Record<string, unknown>, body && typeof body === 'object' ? body : {}, ctx.method);
  const ip = normalizeIp(ctx.ip || '127.0.0.1');
  const user = (await loadSessionUser(services, ctx)) ?? anonymousVisitor(ip);
  const options: UserOptions = user.id > 0 ? await services.userOptions.getOptions(user.id) : services.userOptions.getDefaultOptions();
  const preferredLanguage = user.id > 0 && typeof options.language === 'string' && options.language !== '' ? options.language : services.settings.languageCode;
  const language = chooseLanguage(request.getVal('uselang'), chooseLanguage(preferredLanguage, services.settings.languageCode));
  const preferredSkin = user.id > 0 && typeof options.skin === 'string' && options.skin !== '' ? options.skin : null;
  const skin = services.skinRegistry.resolve(request.getVal('useskin') ?? preferredSkin, services.settings.defaultSkin);
  return new RequestContext({
    services,
    koa: ctx,
    request,
    user,
    userOptions: options,
    language,
    skin,
    csrf: new CsrfTokenSet(ctx.session as unknown as { csrfSecret?: string }),
    ip,
  });
}

export function requestContextMiddleware(services: Services): Koa.Middleware {
  return async (ctx, next) => {
    (ctx.state as ContextState).context = await createRequestContext(services, ctx);
    await next();
  };
}
