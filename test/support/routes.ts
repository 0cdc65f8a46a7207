import type { Express } from 'express';
import { accessRuleOf, type AccessRule } from '../../server/src/http/access';

/** One route of an app, as its router holds it, with the access rule its guards declare. */
export interface RouteEntry {
  method: string;
  /** The full path as registered (`/api/v1/admin/users/:id`), or a RegExp's source. */
  path: string;
  pattern: RegExp | null;
  /** The rule in force: the route's own guard, else the last router-level guard before it. */
  rule: AccessRule | undefined;
  /** Why the rule cannot be read (more than one guard on the route, say). */
  problem?: string;
}

interface Layer {
  handle: unknown;
  route?: { path: unknown; methods: Record<string, boolean>; stack: Layer[] };
  rawPath?: unknown;
}

/**
 * Every route of an Express 5 app, read from its router: mounted routers are walked with their
 * mount paths; a guard applied with `router.use(guard)` covers the routes after it in that stack
 * and in routers mounted after it (as Express runs it).
 */
export function listRoutes(app: Express): RouteEntry[] {
  const router = (app as unknown as { router: { stack: Layer[] } }).router;
  return walk(router.stack, '', undefined);
}

function walk(stack: Layer[], prefix: string, inherited: AccessRule | undefined): RouteEntry[] {
  const entries: RouteEntry[] = [];
  let inForce = inherited;
  for (const layer of stack) {
    if (layer.route) {
      const own = layer.route.stack
        .map((handler) => accessRuleOf(handler.handle))
        .filter((rule): rule is AccessRule => rule !== undefined);
      const distinct = new Set(own.map((rule) => JSON.stringify(rule)));
      const { path, pattern } = joinPath(prefix, layer.route.path);
      for (const method of Object.keys(layer.route.methods).filter((name) => name !== '_all')) {
        entries.push({
          method,
          path,
          pattern,
          rule: own[0] ?? inForce,
          ...(distinct.size > 1 ? { problem: 'more than one access guard on the route' } : {}),
        });
      }
      continue;
    }
    const nested = (layer.handle as { stack?: Layer[] } | null)?.stack;
    if (Array.isArray(nested)) {
      const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      entries.push(...walk(nested, prefix + mount, inForce));
      continue;
    }
    const rule = accessRuleOf(layer.handle);
    if (rule) {
      if (layer.rawPath !== '/' && layer.rawPath !== undefined) {
        throw new Error(
          `A router-level guard on a mount path (${String(layer.rawPath)}) is not supported.`,
        );
      }
      inForce = rule;
    }
  }
  return entries;
}

function joinPath(prefix: string, path: unknown): { path: string; pattern: RegExp | null } {
  if (path instanceof RegExp) {
    if (prefix) throw new Error(`A RegExp route under a mount path (${prefix}) is not supported.`);
    return { path: path.source, pattern: path };
  }
  return { path: `${prefix}${String(path)}`, pattern: null };
}

/** Paths a RegExp route is tried with: the first it matches is requested. */
const REGEXP_SAMPLES = ['/route-matrix-probe', '/console/route-matrix-probe', '/console', '/'];

/** A concrete path to request: parameters filled with an id that exists nowhere. */
export function samplePath(entry: RouteEntry, id: string): string | undefined {
  if (entry.pattern) return REGEXP_SAMPLES.find((sample) => entry.pattern!.test(sample));
  return entry.path.replace(/[{}]/g, '').replace(/[:*][A-Za-z0-9_]+/g, id);
}
