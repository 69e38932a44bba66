/**
 * Everything the application answers that can change state, read from the
 * same sources the router dispatches from: every page action (index.php?
 * action=…), every special page, and every REST route with an unsafe
 * method. Security tests walk this list, so a new route is checked the
 * moment it exists.
 */
import { createCoreActions } from '../actions/CoreActions';
import type { Services } from '../services/Services';

export interface RouteEntry {
  kind: 'action' | 'special' | 'rest';
  /** Action name, special page name, or REST path template. */
  name: string;
  methods: readonly string[];
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function listStateChangingRoutes(services: Services): RouteEntry[] {
  const routes: RouteEntry[] = [];
  for (const name of createCoreActions().keys()) routes.push({ kind: 'action', name, methods: ['POST'] });
  for (const name of services.specialPageFactory.getNames()) routes.push({ kind: 'special', name, methods: ['POST'] });
  for (const route of services.restRouter.listRoutes()) {
    const unsafe = route.methods.filter((m) => UNSAFE.has(m));
    if (unsafe.length > 0) routes.push({ kind: 'rest', name: route.template, methods: unsafe });
  }
  return routes;
}
