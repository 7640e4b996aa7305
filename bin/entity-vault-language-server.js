#!/usr/bin/env node
'use strict';
// Starts the language server; pass --stdio, --node-ipc or --pipe=NAME.
if (!process.argv.slice(2).some(arg => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--pipe') || arg.startsWith('--socket'))) {
	process.argv.push('--stdio');
}
require('../out/server/src/node/main.js');
