/**
 * Tells Monaco (GraphiQL's editor) where its web workers are: the bundled files served beside the page, never
 * a CDN, so the explorer works offline. Must run before GraphiQL loads Monaco, i.e. before the first render.
 */
export function setupMonacoWorkers(assetBase: string): void {
  const workerUrl = (label: string): string => {
    if (label === 'graphql') return `${assetBase}/graphql.worker.js`;
    if (label === 'json') return `${assetBase}/json.worker.js`;
    return `${assetBase}/editor.worker.js`;
  };
  Object.assign(globalThis, {
    MonacoEnvironment: {
      getWorker: (_workerId: string, label: string) => new Worker(workerUrl(label), { name: label }),
    },
  });
}
