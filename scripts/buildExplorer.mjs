// Bundles the GraphQL explorer (GraphiQL 5 + Monaco + its web workers) into public/explorer/ so the server
// can serve it with no internet access: no CDN, every script, style, font and worker comes from this build.
// Run by scripts/generate.mjs (the `prepare` script) and on its own with `node scripts/buildExplorer.mjs`.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}public/explorer`;
const started = performance.now();

// graphiql/style.css already carries Monaco's styles; Monaco's ESM modules also import their own CSS
// files one by one, which would only duplicate them in the bundle.
const skipMonacoCss = {
  name: 'skip-monaco-css',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /\.css$/ }, (args) =>
      args.importer.includes('/monaco-editor/')
        ? { path: args.path, namespace: 'skipped-css', sideEffects: false }
        : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'skipped-css' }, () => ({ contents: '', loader: 'js' }));
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  minify: true,
  legalComments: 'none',
  target: ['chrome120', 'firefox120', 'safari17'],
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
};

await rm(outdir, { recursive: true, force: true });
await Promise.all([
  // The page: ESM with code splitting, because GraphiQL loads Monaco and Prettier with dynamic imports.
  build({
    ...common,
    entryPoints: { explorer: 'src/features/explorer/client/main.tsx' },
    outdir,
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    jsx: 'automatic',
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file' },
    assetNames: 'assets/[name]-[hash]',
    plugins: [skipMonacoCss],
  }),
  // Monaco's web workers: classic scripts (IIFE), loaded by setupMonacoWorkers with `new Worker(url)`.
  build({
    ...common,
    entryPoints: {
      'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
      'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
      'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
    },
    outdir,
    format: 'iife',
  }),
]);
console.log(`explorer bundle built in ${Math.round(performance.now() - started)} ms → public/explorer/`);
