/**
 * Renders pages in worker threads so a slow page can't stall the server.
 *
 * wikiparser-node renders synchronously: a template-heavy page holds the
 * thread for hundreds of milliseconds or seconds, and in the request thread
 * every other request would wait for it. Each worker (renderWorker.ts) builds
 * its own services over its own connection to the same database and renders
 * what the request thread asks for; the request thread only awaits a message.
 *
 * Workers keep their own template texts and interface-message overrides, so
 * every save that changes what the request thread's caches know is broadcast
 * to them (invalidatePage, setMessageOverride). A render that crashes its
 * worker or runs past the time limit is rejected and the worker replaced.
 */
import type { SiteStatistics } from './functions/CoreFunctionDeps';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Knex } from 'knex';
import type { Settings } from '../config/Settings';
import type { DatabaseOptions } from '../db/Database';
import type { RevisionFacts } from './functions/CoreFunctionDeps';
import type { ParserOutput } from './ParserOutput';

/** What one render needs; plain data, as it crosses to another thread. */
export interface WorkerRenderRequest {
  title: { namespace: number; dbKey: string };
  text: string;
  revisionId?: number;
  revision?: RevisionFacts;
  preview?: boolean;
  /** The request's clock, so CURRENT* and #time read as they would in the request thread. */
  now: Date;
}

/** What a worker is started with. */
export interface RenderWorkerData {
  settings: Settings;
  database: DatabaseOptions;
  extraMessageDirs: string[];
}

export type RenderWorkerCommand =
  | { type: 'render'; id: number; request: WorkerRenderRequest }
  | { type: 'invalidatePage'; prefixedTitle: string; statistics: SiteStatistics }
  | { type: 'setMessageOverride'; dbKey: string; text: string | null }
  | { type: 'close' };

export type RenderWorkerReply =
  | { type: 'ready' }
  | { type: 'rendered'; id: number; output: ParserOutput }
  | { type: 'failed'; id: number; message: string; stack?: string };

export interface RenderWorkerPoolOptions {
  size: number;
  settings: Settings;
  database: DatabaseOptions;
  extraMessageDirs?: string[];
  /** A render still running after this long is abandoned and its worker replaced. */
  renderTimeoutMs?: number;
}

export interface RenderWorkerPoolStats {
  /** Workers answering renders. */
  ready: number;
  /** Workers in the middle of a render. */
  busy: number;
  /** Renders waiting for a free worker. */
  queued: number;
  /** Renders answered, successfully or not. */
  completed: number;
  /** Workers that died (crash, time limit) and were replaced. */
  replaced: number;
}

/** A render failed because its worker died or was stopped (not because the wikitext failed to render). */
export class RenderWorkerError extends Error {}

const DEFAULT_RENDER_TIMEOUT_MS = 30_000;
/** How long a closing worker may take to release its database before it is stopped. */
const CLOSE_GRACE_MS = 5_000;
/** Recent invalidations remembered for changedSince(); older render starts count as stale. */
const INVALIDATION_LOG_SIZE = 1000;
const RESPAWN_DELAY_MS = { first: 500, max: 30_000 };

interface Job {
  id: number;
  request: WorkerRenderRequest;
  resolve(output: ParserOutput): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  /** Why the worker is going away, when the pool decided it (time limit, close). */
  stopReason: string | null;
  /** The uncaught error that ended the worker, if any. */
  crash: Error | null;
}

/**
 * The worker entry next to this file, with the same extension: the .ts source
 * when the engine runs from TypeScript (tsx, ts-jest), a .js file if it was
 * compiled. A worker is a fresh Node instance that knows nothing of how its
 * parent loads TypeScript (jest's transform never reaches it, and tsx's hooks
 * are only inherited when the parent was started by the tsx CLI), so a .ts
 * entry gets tsx's CommonJS hook preloaded explicitly; giving execArgv also
 * keeps the parent's own flags (jest's, --inspect) out of the workers.
 */
function workerEntry(): { file: string; execArgv: string[] } {
  const extension = path.extname(__filename);
  const file = path.join(__dirname, `renderWorker${extension}`);
  return { file, execArgv: extension === '.ts' ? ['--require', require.resolve('tsx/cjs')] : [] };
}

/** How a worker reaches the database `db` is connected to (SQLite file, or PostgreSQL connection and schema). */
export function databaseOptionsOf(db: Knex): DatabaseOptions {
  const config = db.client.config as { client: string; connection: unknown; searchPath?: string | string[] };
  if (config.client === 'pg') {
    const schema = Array.isArray(config.searchPath) ? config.searchPath[0] : config.searchPath;
    // knex has replaced the URL by its parsed form, which carries everything the URL said (ssl, options …).
    if (typeof config.connection === 'string') return { url: config.connection, pgSchema: schema };
    if (typeof config.connection === 'object' && config.connection !== null) return { pgConnection: config.connection as Knex.PgConnectionConfig, pgSchema: schema };
    throw new Error('Render workers need the PostgreSQL connection as a URL or settings object');
  }
  const filename = (config.connection as { filename?: string } | undefined)?.filename;
  // An in-memory database exists only in the connection that made it; no other thread can see it.
  if (!filename || filename === ':memory:') throw new Error('Render workers need a database file; set renderWorkers to 0 for an in-memory database');
  return { sqliteFile: filename };
}

export class RenderWorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly timeoutMs: number;
  private readonly workerData: RenderWorkerData;
  private nextJobId = 1;
  private closing = false;
  private completed = 0;
  private replaced = 0;
  private respawnDelayMs = RESPAWN_DELAY_MS.first;
  private readonly respawnTimers = new Set<NodeJS.Timeout>();
  /** Sequence number of the latest invalidation; see changedSince(). */
  private invalidationSeq = 0;
  /** Recent invalidations, oldest first; `title` null means everything (an interface message changed). */
  private readonly invalidationLog: { seq: number; title: string | null }[] = [];

  private constructor(private readonly options: RenderWorkerPoolOptions) {
    this.timeoutMs = options.renderTimeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS;
    // Workers never start workers of their own.
    this.workerData = { settings: { ...options.settings, renderWorkers: 0 }, database: options.database, extraMessageDirs: options.extraMessageDirs ?? [] };
  }

  /** Starts `size` workers and waits until each can render; fails if one can't start (bad settings, unreachable database). */
  static async start(options: RenderWorkerPoolOptions): Promise<RenderWorkerPool> {
    const pool = new RenderWorkerPool(options);
    const started = Array.from({ length: options.size }, () => pool.spawn());
    try {
      await Promise.all(started);
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  /** Renders in the first free worker; rejects if the worker crashes or the render exceeds the time limit. */
  render(request: WorkerRenderRequest): Promise<ParserOutput> {
    if (this.closing) return Promise.reject(new RenderWorkerError('The render worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextJobId++, request, resolve, reject });
      this.dispatch();
    });
  }

  /** A page was saved: workers forget its text (as PageTemplateSource.invalidate) and take the main thread's new site statistics. */
  invalidatePage(prefixedTitle: string, statistics: SiteStatistics): void {
    this.recordInvalidation(prefixedTitle);
    this.broadcast({ type: 'invalidatePage', prefixedTitle, statistics });
  }

  /** A MediaWiki: page was saved (or deleted: null): workers update their message overrides. */
  setMessageOverride(dbKey: string, text: string | null): void {
    this.recordInvalidation(null);
    this.broadcast({ type: 'setMessageOverride', dbKey, text });
  }

  /** A point in the invalidation history, to pass to changedSince() later. */
  invalidationMark(): number {
    return this.invalidationSeq;
  }

  /**
   * Whether a render started at `mark` may have used something invalidated
   * since: one of `titles` (its templates and link targets) or an interface
   * message. Such a render is still a fine answer to the request that asked
   * for it, but must not be cached.
   */
  changedSince(mark: number, titles: readonly string[]): boolean {
    if (mark === this.invalidationSeq) return false;
    const oldest = this.invalidationLog[0];
    if (!oldest || oldest.seq > mark + 1) return true;
    const wanted = new Set(titles);
    return this.invalidationLog.some((entry) => entry.seq > mark && (entry.title === null || wanted.has(entry.title)));
  }

  stats(): RenderWorkerPoolStats {
    return {
      ready: this.slots.filter((s) => s.ready).length,
      busy: this.slots.filter((s) => s.job !== null).length,
      queued: this.queue.length,
      completed: this.completed,
      replaced: this.replaced,
    };
  }

  /** Rejects waiting renders and stops every worker, letting each close its database connection first. */
  async close(): Promise<void> {
    this.closing = true;
    for (const timer of this.respawnTimers) clearTimeout(timer);
    this.respawnTimers.clear();
    for (const job of this.queue.splice(0)) job.reject(new RenderWorkerError('The render worker pool is closed'));
    await Promise.all(this.slots.map((slot) => this.stopSlot(slot, 'The render worker pool is closed')));
  }

  private recordInvalidation(title: string | null): void {
    this.invalidationLog.push({ seq: ++this.invalidationSeq, title });
    if (this.invalidationLog.length > INVALIDATION_LOG_SIZE) this.invalidationLog.shift();
  }

  private broadcast(command: RenderWorkerCommand): void {
    // A worker still starting gets the message too: its port queues it until
    // the worker listens, which is after it has loaded what the message changes.
    for (const slot of this.slots) slot.worker.postMessage(command);
  }

  /** Starts one worker; resolves when it is ready, rejects if it dies first. */
  private spawn(): Promise<void> {
    const { file, execArgv } = workerEntry();
    const worker = new Worker(file, { workerData: this.workerData, execArgv });
    const slot: Slot = { worker, ready: false, job: null, timer: null, stopReason: null, crash: null };
    this.slots.push(slot);
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (reply: RenderWorkerReply) => {
        if (reply.type === 'ready') {
          slot.ready = true;
          this.respawnDelayMs = RESPAWN_DELAY_MS.first;
          // Idle workers don't keep the process alive; a worker with a render in progress does.
          worker.unref();
          resolve();
          this.dispatch();
          return;
        }
        this.finishJob(slot, reply);
      });
      worker.on('error', (error) => {
        slot.crash = error;
      });
      worker.on('exit', (code) => {
        const reason = slot.stopReason ?? `The render worker stopped unexpectedly (exit code ${code})${slot.crash ? `: ${slot.crash.message}` : ''}`;
        this.removeSlot(slot, reason);
        if (!slot.ready) {
          reject(slot.crash ?? new RenderWorkerError(reason));
          this.afterFailedStart(reason);
        } else if (!this.closing) {
          this.replaced++;
          void this.spawn().catch(() => {
            // afterFailedStart has already dealt with it.
          });
        }
      });
    });
  }

  /**
   * A worker died before it could render. Renders waiting for a worker fail
   * now rather than wait for one that may never start; a new attempt follows
   * after a growing delay, so a persistent fault (database gone) doesn't spin.
   */
  private afterFailedStart(reason: string): void {
    if (this.closing) return;
    if (!this.slots.some((s) => s.ready)) {
      for (const job of this.queue.splice(0)) job.reject(new RenderWorkerError(reason));
    }
    const timer = setTimeout(() => {
      this.respawnTimers.delete(timer);
      if (this.closing) return;
      this.replaced++;
      void this.spawn().catch(() => {
        // afterFailedStart has already dealt with it.
      });
    }, this.respawnDelayMs);
    timer.unref();
    this.respawnTimers.add(timer);
    this.respawnDelayMs = Math.min(this.respawnDelayMs * 2, RESPAWN_DELAY_MS.max);
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.job || slot.stopReason) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      slot.timer = setTimeout(() => {
        void this.stopSlot(slot, `Rendering ${job.request.title.dbKey} took longer than ${this.timeoutMs} ms`);
      }, this.timeoutMs);
      slot.worker.postMessage({ type: 'render', id: job.id, request: job.request } satisfies RenderWorkerCommand);
    }
  }

  private finishJob(slot: Slot, reply: RenderWorkerReply): void {
    const job = slot.job;
    if (!job || reply.type === 'ready' || reply.id !== job.id) return;
    this.clearJob(slot);
    this.completed++;
    if (reply.type === 'rendered') job.resolve(reply.output);
    else {
      const error = new Error(reply.message);
      if (reply.stack) error.stack = reply.stack;
      job.reject(error);
    }
    this.dispatch();
  }

  private clearJob(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker.unref();
  }

  /** The worker is gone: its render fails, and the others pick up the queue. */
  private removeSlot(slot: Slot, reason: string): void {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    const job = slot.job;
    this.clearJob(slot);
    if (job) {
      this.completed++;
      job.reject(new RenderWorkerError(reason));
    }
    this.dispatch();
  }

  /**
   * Stops a worker. A busy one is terminated at once (a synchronous render
   * can't be interrupted any other way); an idle one is asked to close its
   * database connection and exit, and terminated if it doesn't in time.
   */
  private stopSlot(slot: Slot, reason: string): Promise<void> {
    if (slot.stopReason === null) slot.stopReason = reason;
    const exited = new Promise<void>((resolve) => {
      if (!this.slots.includes(slot)) resolve();
      else slot.worker.once('exit', () => resolve());
    });
    if (slot.job || !slot.ready) {
      void slot.worker.terminate();
    } else {
      slot.worker.postMessage({ type: 'close' } satisfies RenderWorkerCommand);
      const timer = setTimeout(() => void slot.worker.terminate(), CLOSE_GRACE_MS);
      timer.unref();
      void exited.then(() => clearTimeout(timer));
    }
    return exited;
  }
}
