#!/usr/bin/env node
'use strict';
if (process.argv[2] === 'check') {
	// `check` walks every page once, making each page's diagnostics and dropping them: most of what it allocates is
	// garbage, some of it promoted to the old generation, and V8's default heap growth let the heap reach 1.1 GiB at
	// 100,000 pages (1.8 GiB peak RSS) with about 0.4 GiB live. Growing it by 50 % over what is live collects sooner:
	// peak RSS 1.2 GiB there, for about 5 s more CPU in full collections (20 % would give 1.05 GiB for 25 s more).
	require('v8').setFlagsFromString('--heap-growing-percent=50');
}
require('../out/server/src/node/cli/main.js').main(process.argv.slice(2)).then(
	code => { process.exitCode = code; },
	error => { process.stderr.write(`entity-vault: ${error && error.stack || error}\n`); process.exitCode = 2; },
);
