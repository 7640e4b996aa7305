#!/usr/bin/env node
// `npm run check [-- DIR] [-- options]`: checks examples/vault when no folder is given.
'use strict';
const path = require('path');
const cli = require('../out/server/src/node/cli/main.js');
const args = process.argv.slice(2);
let hasFolder;
try {
	hasFolder = cli.positionalsOf('check', args).length > 0;
} catch {
	hasFolder = true; // bad usage: let check say what is wrong
}
const finalArgs = hasFolder ? args : [path.join(__dirname, '..', 'examples', 'vault'), ...args];
cli.main(['check', ...finalArgs]).then(
	code => { process.exitCode = code; },
	error => { process.stderr.write(`entity-vault: ${error && error.stack || error}\n`); process.exitCode = 2; },
);
