#!/usr/bin/env node
'use strict';
require('../out/server/src/node/cli/main.js').main(process.argv.slice(2)).then(
	code => { process.exitCode = code; },
	error => { process.stderr.write(`entity-vault: ${error && error.stack || error}\n`); process.exitCode = 2; },
);
