/**
 * Writes the response for a finished request: a redirect, a raw body
 * (action=raw), or the skinned page after BeforePageDisplay.
 */
import type { RequestContext } from '../context/RequestContext';
import { buildSkinData } from './SkinDataBuilder';

export async function sendOutput(context: RequestContext): Promise<void> {
  const { koa, output } = context;
  if (output.redirectUrl) {
    koa.status = output.redirectStatus;
    koa.redirect(output.redirectUrl);
    koa.status = output.redirectStatus;
    return;
  }
  koa.set('Cache-Control', output.cacheControl);
  if (output.rawBody) {
    koa.status = output.statusCode;
    koa.type = output.rawBody.contentType;
    koa.body = output.rawBody.body;
    return;
  }
  await context.services.hooks.run('BeforePageDisplay', output, context.skin);
  const data = await buildSkinData(context);
  koa.status = output.statusCode;
  koa.type = 'text/html; charset=utf-8';
  koa.set('Content-Language', context.language);
  koa.body = await context.skin.render(data);
}
