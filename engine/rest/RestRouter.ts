/**
 * REST routes under `<scriptPath>/rest.php` (MediaWiki's Rest\Router). Core
 * routes arrive with the REST API issue; extensions declare theirs in
 * `RestRoutes` and get the same path-template matching MediaWiki uses
 * (`/v1/page/{title}`), with percent-decoded parameters.
 */
import type { ParameterizedContext } from 'koa';
import type { Services } from '../services/Services';

export interface RestRequest {
  method: string;
  pathParams: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  koa: ParameterizedContext;
  services: Services;
}

export interface RestResponse {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

export type RestHandler = (request: RestRequest) => Promise<RestResponse> | RestResponse;

interface Route {
  methods: string[];
  template: string;
  pattern: RegExp;
  names: string[];
  handler: RestHandler;
}

export class RestRouter {
  private readonly routes: Route[] = [];

  add(template: string, methods: string | string[], handler: RestHandler): void {
    const names: string[] = [];
    const pattern = new RegExp(
      '^' +
        template
          .split('/')
          .map((segment) => {
            const m = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(segment);
            if (m) {
              names.push(m[1]);
              return '([^/]+)';
            }
            return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          })
          .join('/') +
        '$',
    );
    this.routes.push({ methods: (Array.isArray(methods) ? methods : [methods]).map((m) => m.toUpperCase()), template, pattern, names, handler });
  }

  /** Every route's path template and methods (for the route inventory). */
  listRoutes(): Array<{ template: string; methods: readonly string[] }> {
    return this.routes.map((route) => ({ template: route.template, methods: route.methods }));
  }

  /** The route for a path: `found` with params, `method-not-allowed` with allowed methods, or null. */
  match(method: string, path: string): { handler: RestHandler; params: Record<string, string> } | { allowed: string[] } | null {
    const allowed: string[] = [];
    for (const route of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      if (!route.methods.includes(method.toUpperCase()) && !(method.toUpperCase() === 'HEAD' && route.methods.includes('GET'))) {
        allowed.push(...route.methods);
        continue;
      }
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1]);
      });
      return { handler: route.handler, params };
    }
    return allowed.length > 0 ? { allowed } : null;
  }

  getTemplates(): string[] {
    return this.routes.map((r) => `${r.methods.join('|')} ${r.template}`);
  }
}
