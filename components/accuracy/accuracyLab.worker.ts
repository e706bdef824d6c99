/**
 * The accuracy lab's Web Worker: downloads the lab model once, then evaluates formats or continues prompts
 * (`handleRequest`, model/accuracyRun.ts) off the page's main thread. Started with
 * `new Worker(new URL('./accuracyLab.worker.ts', import.meta.url), { type: 'module' })`, which Next bundles in
 * development and the islands build (scripts/islands-build.mjs, `bundledWorkers`) bundles to
 * /_islands/accuracyLab.worker-<hash>.js. Requests run one after another; the page cancels by terminating it.
 */
import { createState, handleRequest } from './model/accuracyRun';
import type { AccuracyMessage, AccuracyRequest } from './model/accuracyLab';

// The project's TypeScript lib is the DOM's, not the worker's: the two members used here, typed.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<AccuracyRequest>) => void) | null;
  postMessage: (m: AccuracyMessage) => void;
};

const state = createState();
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (e) => {
  queue = queue.then(() =>
    handleRequest(
      state,
      e.data,
      (m) => scope.postMessage(m),
      (url) => fetch(url),
    ),
  );
};
