#!/usr/bin/env node
// `npm run check [-- DIR] [-- options]`: checks examples/vault when no folder is given.
'use strict';
const path = require('path');
const args = process.argv.slice(2);
const valueFlags = new Set(['--format', '--exclude', '--severity', '--required-fields', '--cache-dir', '--mention-min-length', '--mention-ignore']);
let hasFolder = false;
for (let i = 0; i < args.length; i++) {
	if (valueFlags.has(args[i])) { i++; continue; }
	if (!args[i].startsWith('-')) { hasFolder = true; }
}
const finalArgs = hasFolder ? args : [path.join(__dirname, '..', 'examples', 'vault'), ...args];
require('../out/server/src/node/cli/main.js').main(['check', ...finalArgs]).then(
	code => { process.exitCode = code; },
	error => { process.stderr.write(`entity-vault: ${error && error.stack || error}\n`); process.exitCode = 2; },
);
