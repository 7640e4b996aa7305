#!/usr/bin/env node
// Bundles the extension with esbuild into dist/:
//   client/src/extension.ts   → dist/extension.js  (loaded by VS Code; `vscode` stays external)
//   server/src/node/main.ts   → dist/server.js     (the language server the client starts over IPC)
//   server/src/node/indexWorker.ts → dist/indexWorker.js (its indexing worker threads)
//   client/src/graphView/graphView.ts → dist/graphView.js (the graph panel's webview script, with Cytoscape.js; a browser bundle)
// Usage: node scripts/bundle.js [--production] [--watch] [--only=client|server|worker]
//   --production  minify (source maps are written either way)
//   --watch       rebuild on change (for F5 debugging, see .vscode/tasks.json)
//   --only=NAME   build one of the bundles
'use strict';

const path = require('path');
const esbuild = require('esbuild');

const repoRoot = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const production = args.includes('--production');
const watch = args.includes('--watch');
const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);

const bundles = {
  client: { entry: 'client/src/extension.ts', outfile: 'dist/extension.js', external: ['vscode'] },
  server: { entry: 'server/src/node/main.ts', outfile: 'dist/server.js', external: [] },
  // The cold index's worker threads: the server starts it from its own folder (dist/).
  worker: { entry: 'server/src/node/indexWorker.ts', outfile: 'dist/indexWorker.js', external: [] },
  // The graph panel's script, run in the webview (no Node, no network): an IIFE for the browser.
  graphView: { entry: 'client/src/graphView/graphView.ts', outfile: 'dist/graphView.js', external: [], browser: true },
};
const selectedNames = only ? [only] : Object.keys(bundles);
if (only !== undefined && !(only in bundles)) {
  console.error(`bundle: unknown --only=${only} (expected ${Object.keys(bundles).join(', ')})`);
  process.exit(2);
}

/** Reports each build's errors and size; in watch mode the first builds are reported together (see main). */
const initialReports = [];
let initialBuildsDone = false;

function reportPlugin(name) {
  return {
    name: 'report',
    setup(build) {
      let started = 0;
      build.onStart(() => {
        started = Date.now();
        if (watch && initialBuildsDone) {
          console.log(`bundle: ${name} build started`);
        }
      });
      build.onEnd((result) => {
        const outputs = Object.entries(result.metafile?.outputs ?? {}).filter(([file]) => file.endsWith('.js'));
        const size = outputs.reduce((total, [, output]) => total + output.bytes, 0);
        const status = result.errors.length > 0 ? `${result.errors.length} error(s)` : `${(size / 1024).toFixed(1)} KiB`;
        const line = `bundle: ${name} → ${bundles[name].outfile} ${status} in ${Date.now() - started} ms`;
        if (!watch || initialBuildsDone) {
          console.log(line);
          return;
        }
        initialReports.push(line);
        if (initialReports.length === selectedNames.length) {
          initialBuildsDone = true;
          for (const report of initialReports) {
            console.log(report);
          }
          console.log('bundle: watching for changes');
        }
      });
    },
  };
}

function options(name) {
  const bundle = bundles[name];
  return {
    absWorkingDir: repoRoot,
    entryPoints: [bundle.entry],
    outfile: bundle.outfile,
    bundle: true,
    platform: bundle.browser ? 'browser' : 'node',
    format: bundle.browser ? 'iife' : 'cjs',
    target: bundle.browser ? 'chrome120' : 'node20',
    external: bundle.external,
    // vscode-languageserver/-client and friends ship both a CommonJS main and an ESM "module" build:
    // prefer main so the bundle uses the same code as the tests.
    mainFields: bundle.browser ? ['browser', 'module', 'main'] : ['main', 'module'],
    // Except jsonc-parser (the vault configuration file): its UMD main requires its parts through a
    // factory's own `require` parameter, which esbuild cannot follow, so the bundle takes its ES build.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    minify: production,
    sourcemap: true,
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
    plugins: [reportPlugin(name)],
  };
}

async function main() {
  const names = selectedNames;
  if (watch) {
    // Build everything once, then watch. The task in .vscode/tasks.json waits for
    // "watching for changes" (so F5 starts only when both bundles exist), then for each
    // "NAME build started" … "NAME → …" pair.
    console.log('bundle: starting');
    for (const name of names) {
      const context = await esbuild.context(options(name));
      await context.watch(); // builds once now, then again on every change
    }
    return;
  }
  const results = await Promise.allSettled(names.map((name) => esbuild.build(options(name))));
  const failed = results.filter((result) => result.status === 'rejected');
  if (failed.length > 0) {
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
