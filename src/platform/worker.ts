import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parentPort, Worker, workerData } from 'node:worker_threads';

/**
 * CPU-heavy parsing off the event loop: one worker thread per job, with a memory cap and a
 * deadline, so that a hostile file costs one thread, never the server's answers.
 *
 * The worker module calls `serveInWorker(handler)`; the caller runs it with `runInWorker`.
 * Built, the worker is the sibling `.js` file; from the sources (tsx, vitest) it is the `.ts`
 * file, loaded through tsx's ESM API (a worker does not inherit the parent's loaders).
 */
export class WorkerLimitError extends Error {
  constructor(readonly limit: 'time' | 'memory') {
    super(`worker stopped: ${limit} limit`);
    this.name = 'WorkerLimitError';
  }
}

export type WorkerLimits = { timeoutMs: number; maxOldGenerationSizeMb: number };

/** The worker module next to `callerUrl` named `baseName`, with the caller's extension. */
export function siblingWorker(callerUrl: string, baseName: string): URL {
  const ext = path.extname(fileURLToPath(callerUrl)) === '.ts' ? '.ts' : '.js';
  return new URL(`./${baseName}${ext}`, callerUrl);
}

let tsxApi: string | undefined;
function tsxEsmApiUrl(): string {
  if (!tsxApi) {
    const require = createRequire(import.meta.url);
    const manifest = require.resolve('tsx/package.json');
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
      exports: Record<string, { import: { default: string } }>;
    };
    const entry = pkg.exports['./esm/api']?.import.default;
    if (!entry) throw new Error('tsx/esm/api not found: run the built server (npm run build) instead');
    tsxApi = pathToFileURL(path.join(path.dirname(manifest), entry)).href;
  }
  return tsxApi;
}

function startWorker(moduleUrl: URL, input: unknown, limits: WorkerLimits, transfer: ArrayBuffer[]): Worker {
  const options = {
    workerData: input,
    transferList: transfer,
    resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb },
  };
  if (!moduleUrl.pathname.endsWith('.ts')) return new Worker(moduleUrl, options);
  const bootstrap = `import(${JSON.stringify(tsxEsmApiUrl())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl.href)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/** Runs the worker module on `input` and resolves with what its handler returned. */
export function runInWorker<T>(
  moduleUrl: URL,
  input: unknown,
  limits: WorkerLimits,
  transfer: ArrayBuffer[] = [],
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = startWorker(moduleUrl, input, limits, transfer);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => reject(new WorkerLimitError('time'))), limits.timeoutMs);
    worker.once('message', (message: { ok: true; value: T } | { ok: false; error: string }) =>
      settle(() => (message.ok ? resolve(message.value) : reject(new Error(message.error)))),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() =>
        reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new WorkerLimitError('memory') : error),
      ),
    );
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`worker exited with code ${code} before answering`))),
    );
  });
}

/** In a worker module: answers the parent with `handler(workerData)`. */
export function serveInWorker<I, O>(handler: (input: I) => Promise<O>): void {
  if (!parentPort) throw new Error('serveInWorker: not in a worker thread');
  const port = parentPort;
  handler(workerData as I).then(
    (value) => port.postMessage({ ok: true, value }),
    (error: unknown) =>
      port.postMessage({
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
}
