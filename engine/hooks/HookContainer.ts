/**
 * Named hooks with typed handlers (MediaWiki's HookContainer). Handlers run
 * in registration order. A handler of an abortable hook may return `false`
 * to stop the remaining handlers and tell the caller to abort — the same
 * contract as MediaWiki's `return false` for hooks documented as abortable.
 */
import type { HookSignatures } from './HookSignatures';

export type HookName = keyof HookSignatures;
export type HookHandler<N extends HookName> = (...args: Parameters<HookSignatures[N]>) => ReturnType<HookSignatures[N]> | Promise<ReturnType<HookSignatures[N]>>;

/** Hooks whose handlers may abort by returning false (MediaWiki marks these "abortable"). */
const ABORTABLE: ReadonlySet<HookName> = new Set<HookName>(['UserGetRights', 'PageSaveComplete', 'BeforePageDisplay', 'GetPreferences', 'SpecialPage_initList', 'SkinBuildSidebar', 'ParserFirstCallInit', 'getUserPermissionsErrors']);

export class HookContainer {
  private readonly handlers = new Map<HookName, Array<HookHandler<HookName>>>();

  register<N extends HookName>(name: N, handler: HookHandler<N>): void {
    if (!this.handlers.has(name)) this.handlers.set(name, []);
    this.handlers.get(name)!.push(handler as unknown as HookHandler<HookName>);
  }

  isRegistered(name: HookName): boolean {
    return (this.handlers.get(name)?.length ?? 0) > 0;
  }

  /**
   * Runs every handler of `name` in order. Returns false if a handler of an
   * abortable hook returned false (the remaining handlers are skipped).
   */
  async run<N extends HookName>(name: N, ...args: Parameters<HookSignatures[N]>): Promise<boolean> {
    for (const handler of this.handlers.get(name) ?? []) {
      const result = await (handler as unknown as HookHandler<N>)(...args);
      if (result === false) {
        if (!ABORTABLE.has(name)) throw new Error(`Hook handler for ${name} returned false, but ${name} cannot be aborted`);
        return false;
      }
    }
    return true;
  }

  /** Synchronous variant for hooks on hot paths whose handlers must not await (UserGetRights). */
  runSync<N extends HookName>(name: N, ...args: Parameters<HookSignatures[N]>): boolean {
    for (const handler of this.handlers.get(name) ?? []) {
      const result = (handler as unknown as HookHandler<N>)(...args);
      if (result instanceof Promise) throw new Error(`Hook ${name} is synchronous; a handler returned a Promise`);
      if (result === false) {
        if (!ABORTABLE.has(name)) throw new Error(`Hook handler for ${name} returned false, but ${name} cannot be aborted`);
        return false;
      }
    }
    return true;
  }
}
