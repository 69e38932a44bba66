/**
 * The Koa application: small middlewares in order (errors → security headers
 * → static resources → body limits → session → request context → routes),
 * and MediaWiki's URL layout:
 *   /wiki/<Title>             article path ($wgArticlePath)
 *   /w/index.php?title=…      entry point with actions ($wgScript)
 *   /w/rest.php/…             REST routes
 *   /w/resources/…, /w/skins/<Name>/…, /w/extensions/<Name>/…  static files
 */
import path from 'node:path';
import Koa from 'koa';
import Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import { createCoreActions } from '../actions/CoreActions';
import type { Services } from '../services/Services';
import { Dispatcher } from './Dispatcher';
import { errorHandler } from './middleware/errorHandler';
import { requestContextMiddleware, ContextState } from './middleware/requestContext';
import { securityHeaders } from './middleware/securityHeaders';
import { sessionMiddleware } from './middleware/session';
import { staticFiles } from './middleware/staticFiles';
import { restMiddleware } from './middleware/rest';
import { BadTitleError } from '../errors/ErrorPageError';

export interface AppOptions {
  /** Where internal errors are logged (tests capture it). */
  log?: (line: string) => void;
}

export function createApp(services: Services, options: AppOptions = {}): Koa {
  const app = new Koa();
  const { settings } = services;
  if (settings.server.startsWith('https:')) app.proxy = true;
  const dispatcher = new Dispatcher(createCoreActions());
  const articlePrefix = settings.articlePath.replace('$1', '');
  const scriptPath = settings.scriptPath;

  app.use(errorHandler(services, options.log));
  app.use(securityHeaders());
  const resourceRoots = [
    { urlPrefix: `${scriptPath}/resources/`, dir: path.resolve(__dirname, '../resources') },
    ...services.extensionRegistry.getResourceRoots(scriptPath),
  ];
  app.use(staticFiles(resourceRoots));
  app.use(
    bodyParser({
      enableTypes: ['form', 'json'],
      formLimit: `${settings.maxRequestBodyBytes}b`,
      jsonLimit: `${settings.maxRequestBodyBytes}b`,
      encoding: 'utf-8',
    }),
  );
  app.use(sessionMiddleware(app, services));
  app.use(restMiddleware(services, `${scriptPath}/rest.php`));
  app.use(requestContextMiddleware(services));

  const router = new Router();
  const context = (ctx: Koa.Context) => (ctx.state as ContextState).context!;

  router.get('/', async (ctx) => {
    const mainPage = services.titleFactory.newFromText(services.messages.msg('mainpage', settings.languageCode).text()) ?? services.titleFactory.newFromText(settings.mainPage)!;
    ctx.status = 301;
    ctx.redirect(mainPage.getLocalURL());
  });

  router.all(new RegExp(`^${escapeRegExp(articlePrefix)}(.*)$`), async (ctx) => {
    const raw = ctx.path.slice(articlePrefix.length);
    let titleText: string;
    try {
      titleText = decodeURIComponent(raw);
    } catch {
      throw new BadTitleError('title-invalid-characters', [raw]);
    }
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD' && ctx.method !== 'POST') {
      ctx.status = 405;
      ctx.set('Allow', 'GET, HEAD, POST');
      return;
    }
    await dispatcher.handle(context(ctx), titleText, true);
  });

  router.all(`${scriptPath}/index.php`, async (ctx) => {
    const c = context(ctx);
    await dispatcher.handle(c, c.request.getVal('title'), false);
  });

  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

