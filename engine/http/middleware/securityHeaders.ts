/**
 * Security headers on every response (helmet): a Content-Security-Policy that
 * allows only our own scripts and styles (wikitext output carries inline
 * `style` attributes, which MediaWiki also permits after sanitising them),
 * no framing by other sites, nosniff, and a strict referrer policy.
 */
import helmet from 'koa-helmet';
import type { Middleware } from 'koa';

export function securityHeaders(): Middleware {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'https:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'self'"],
        'base-uri': ["'none'"],
        'object-src': ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'sameorigin' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: false,
  }) as unknown as Middleware;
}
