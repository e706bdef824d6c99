/**
 * The method lab's Web Worker: runs `runLab` (two compareMethods runs, about a second of CPU) off the page's main
 * thread and posts progress, then the summary. The page starts it with
 * `new Worker(new URL('./methodLab.worker.ts', import.meta.url), { type: 'module' })`: Next bundles that in
 * development, and the islands build (scripts/islands-build.mjs, `bundledWorkers`) bundles it to
 * /_islands/methodLab.worker-<hash>.js for the static site (same origin, so CSP script-src 'self' allows it).
 * A stale run is cancelled by terminating the worker, so this handles one request at a time.
 */
import { runLab, type LabMessage, type LabRequest } from './model/labRun';

// The project's TypeScript lib is the DOM's, not the worker's: the two members used here, typed.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<LabRequest>) => void) | null;
  postMessage: (m: LabMessage) => void;
};

scope.onmessage = (e) => runLab(e.data, (m) => scope.postMessage(m));
