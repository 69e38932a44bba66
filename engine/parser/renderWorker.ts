/**
 * One render worker thread of RenderWorkerPool: builds its own services over
 * its own database connection (reading only; migrations and seeding are the
 * request thread's business) and answers the pool's messages one at a time.
 *
 * One at a time matters for invalidations: one that arrives during a render
 * is applied after it, so whatever that render loaded into the template
 * cache is dropped with the rest, and the next render reads the saved text.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/Database';
import { createServices } from '../services/createServices';
import type { Services } from '../services/Services';
import type { RenderWorkerCommand, RenderWorkerData, RenderWorkerReply, WorkerRenderRequest } from './RenderWorkerPool';

if (!parentPort) throw new Error('renderWorker runs as a worker thread of RenderWorkerPool');
const port = parentPort;

function reply(message: RenderWorkerReply): void {
  port.postMessage(message);
}

async function render(services: Services, request: WorkerRenderRequest) {
  const title = services.titleFactory.makeTitle(request.title.namespace, request.title.dbKey);
  return services.renderer.render(request.text, { title, revisionId: request.revisionId, revision: request.revision, preview: request.preview, now: request.now });
}

async function handle(services: Services, command: RenderWorkerCommand, close: () => Promise<void>): Promise<void> {
  switch (command.type) {
    case 'render':
      try {
        reply({ type: 'rendered', id: command.id, output: await render(services, command.request) });
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        reply({ type: 'failed', id: command.id, message: failure.message, stack: failure.stack });
      }
      return;
    case 'invalidatePage':
      services.templateSource.invalidate(command.prefixedTitle);
      // {{NUMBEROFPAGES}} and friends: the main thread counted once after the save.
      services.siteStats.set(command.statistics);
      return;
    case 'setMessageOverride':
      services.messages.overrides.set(command.dbKey, command.text);
      return;
    case 'close':
      await close();
      return;
  }
}

async function main(): Promise<void> {
  const data = workerData as RenderWorkerData;
  const db = openDatabase(data.database);
  // Passing the connection keeps createServices from migrating; the pool's
  // settings have renderWorkers 0, so this worker starts no workers itself.
  const services = await createServices(data.settings, { db, extraMessageDirs: data.extraMessageDirs });
  const close = async () => {
    await services.close();
    await db.destroy();
    // Ends this thread only (process.exit in a worker stops the worker).
    process.exit(0);
  };
  let pending = Promise.resolve();
  port.on('message', (command: RenderWorkerCommand) => {
    pending = pending
      .then(() => handle(services, command, close))
      // A failed command must not stop the messages after it.
      .catch((error: unknown) => {
        process.stderr.write(`render worker: ${command.type} failed: ${(error as Error).stack ?? String(error)}\n`);
      });
  });
  reply({ type: 'ready' });
}

void main().catch((error: unknown) => {
  // Thrown outside any render: the pool sees the worker exit with this error before it was ready.
  setImmediate(() => {
    throw error;
  });
});
