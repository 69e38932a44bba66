/**
 * Dispatches `<scriptPath>/rest.php/…` to REST handlers, with errors in
 * MediaWiki's REST format: { errorKey, messageTranslations, httpCode, httpReason }.
 */
import type Koa from 'koa';
import { STATUS_CODES } from 'node:http';
import type { Services } from '../../services/Services';

export function restError(ctx: Koa.Context, services: Services, status: number, errorKey: string, params: string[] = []): void {
  const lang = services.settings.languageCode;
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.body = {
    errorKey,
    messageTranslations: { [lang]: services.messages.msg(errorKey, lang, ...params).text() },
    httpCode: status,
    httpReason: STATUS_CODES[status] ?? '',
  };
}

export function restMiddleware(services: Services, prefix: string): Koa.Middleware {
  return async (ctx, next) => {
    if (!ctx.path.startsWith(`${prefix}/`)) return next();
    const path = ctx.path.slice(prefix.length);
    const match = services.restRouter.match(ctx.method, path);
    if (!match) return restError(ctx, services, 404, 'rest-no-match');
    if ('allowed' in match) {
      ctx.set('Allow', [...new Set(match.allowed)].join(', '));
      return restError(ctx, services, 405, 'rest-wrong-method', [ctx.method, path]);
    }
    const response = await match.handler({
      method: ctx.method,
      pathParams: match.params,
      query: ctx.query as Record<string, string>,
      body: (ctx.request as unknown as { body?: unknown }).body,
      koa: ctx,
      services,
    });
    ctx.status = response.status ?? 200;
    for (const [name, value] of Object.entries(response.headers ?? {})) ctx.set(name, value);
    ctx.body = response.body;
  };
}
