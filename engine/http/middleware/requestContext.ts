/**
 * Builds the RequestContext for a request: parameters (query + form body),
 * the acting user, the interface language (`uselang`, then the content
 * language — MediaWiki ignores Accept-Language by default), and the skin
 * (`useskin`, then the default).
 */
import type Koa from 'koa';
import { RequestContext } from '../../context/RequestContext';
import { WebRequest } from '../../context/WebRequest';
import { isValidLanguageCode } from '../../i18n/LanguageFallback';
import type { Services } from '../../services/Services';
import { CsrfTokenSet } from '../../session/CsrfTokenSet';
import { anonymousUser, normalizeIp } from '../../user/UserIdentity';

export interface ContextState {
  context?: RequestContext;
}

export function chooseLanguage(requested: string | null, contentLanguage: string): string {
  if (requested && (requested === 'qqx' || isValidLanguageCode(requested))) return requested.toLowerCase();
  return contentLanguage;
}

export function createRequestContext(services: Services, ctx: Koa.Context): RequestContext {
  const body = (ctx.request as unknown as { body?: Record<string, unknown> }).body;
  const request = new WebRequest(ctx.query as Record<string, unknown>, body && typeof body === 'object' ? body : {}, ctx.method);
  const ip = normalizeIp(ctx.ip || '127.0.0.1');
  const language = chooseLanguage(request.getVal('uselang'), services.settings.languageCode);
  const skin = services.skinRegistry.resolve(request.getVal('useskin'), services.settings.defaultSkin);
  return new RequestContext({
    services,
    koa: ctx,
    request,
    user: anonymousUser(ip),
    language,
    skin,
    csrf: new CsrfTokenSet(ctx.session as unknown as { csrfSecret?: string }),
    ip,
  });
}

export function requestContextMiddleware(services: Services): Koa.Middleware {
  return async (ctx, next) => {
    (ctx.state as ContextState).context = createRequestContext(services, ctx);
    await next();
  };
}
