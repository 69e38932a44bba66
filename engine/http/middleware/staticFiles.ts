/**
 * Serves the static resources of the engine, skins and extensions from their
 * folders. Paths are resolved inside the folder only (no traversal), with a
 * fixed set of content types; anything else is not served.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Koa from 'koa';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export function staticFiles(roots: Array<{ urlPrefix: string; dir: string }>): Koa.Middleware {
  return async (ctx, next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const root = roots.find((r) => ctx.path.startsWith(r.urlPrefix));
    if (!root) return next();
    let relative: string;
    try {
      relative = decodeURIComponent(ctx.path.slice(root.urlPrefix.length));
    } catch {
      ctx.status = 400;
      return;
    }
    const file = path.resolve(root.dir, relative);
    const type = TYPES[path.extname(file).toLowerCase()];
    if (!file.startsWith(path.resolve(root.dir) + path.sep) || !type) {
      ctx.status = 404;
      return;
    }
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(file);
    } catch {
      ctx.status = 404;
      return;
    }
    if (!stat.isFile()) {
      ctx.status = 404;
      return;
    }
    ctx.set('Cache-Control', 'public, max-age=3600');
    ctx.lastModified = stat.mtime;
    ctx.type = type;
    ctx.length = stat.size;
    if (ctx.fresh) {
      ctx.status = 304;
      return;
    }
    ctx.body = fs.createReadStream(file);
  };
}
