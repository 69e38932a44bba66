/**
 * Turns errors into MediaWiki-style error pages with the right HTTP status:
 * ErrorPageError subclasses show their message; a body over the size limit
 * is 413; anything unexpected is logged and shown as a generic internal
 * error (MediaWiki's "[id] Exception caught"), never a stack trace.
 */
import { randomBytes } from 'node:crypto';
import type Koa from 'koa';
import { createRequestContext, ContextState } from './requestContext';
import { ErrorPageError } from '../../errors/ErrorPageError';
import { showErrorPage } from '../../output/ErrorPages';
import { sendOutput } from '../../output/sendOutput';
import type { Services } from '../../services/Services';

export function errorHandler(services: Services, log: (line: string) => void = (l) => process.stderr.write(l + '\n')): Koa.Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (raw) {
      const error = raw as Error & { status?: number; expose?: boolean; type?: string };
      let pageError: ErrorPageError;
      if (error instanceof ErrorPageError) {
        pageError = error;
      } else if (error.status === 413 || error.type === 'entity.too.large') {
        pageError = new ErrorPageError('internalerror', 'http-request-too-large', [], 413);
      } else if (error.status && error.status >= 400 && error.status < 500) {
        pageError = new ErrorPageError('internalerror', 'http-bad-request', [], error.status);
      } else {
        const id = randomBytes(6).toString('hex');
        log(`[${id}] ${ctx.method} ${ctx.path}: ${error.stack ?? String(error)}`);
        pageError = new ErrorPageError('internalerror', 'internalerror-text', [id], 500);
      }
      const state = ctx.state as ContextState;
      try {
        const context = state.context ?? (await createRequestContext(services, ctx));
        context.output.clearHtml();
        context.output.redirectUrl = null;
        context.output.rawBody = null;
        showErrorPage(context, pageError);
        await sendOutput(context);
      } catch (secondary) {
        log(`error page failed: ${(secondary as Error).stack}`);
        ctx.status = pageError.status;
        ctx.type = 'text/plain';
        ctx.body = 'Internal error';
      }
    }
  };
}
