'use strict';
/**
 * Test-only preload (`node --require fsSpy.js`, or NODE_OPTIONS): records
 * every path the process hands to the public file system API, one
 * `operation<TAB>path` line per call, in the file named by
 * EV_FS_SPY_LOG. The hardening tests run the real server and `check` with it
 * and then prove that nothing outside the vault root was read.
 *
 * Node loads modules through its internal bindings, not through these
 * functions, so module loading is not recorded. Worker threads load the
 * preload too and record into the same file.
 */
const fs = require('fs');
const path = require('path');
const { threadId } = require('worker_threads');

const logFile = process.env.EV_FS_SPY_LOG;
if (logFile) {
	const append = fs.appendFileSync.bind(fs);
	const record = (operation, target) => {
		let text;
		if (typeof target === 'string') {
			text = target;
		} else if (Buffer.isBuffer(target)) {
			text = target.toString();
		} else if (target instanceof URL) {
			text = target.protocol === 'file:' ? decodeURIComponent(target.pathname) : String(target);
		} else {
			return; // a file descriptor: its open was recorded
		}
		try {
			append(logFile, `${operation}\t${threadId}\t${path.resolve(text)}\n`);
		} catch {
			// never disturb the process under test
		}
	};
	const SYNC_AND_CALLBACK = [
		'readFile', 'readFileSync', 'open', 'openSync', 'readdir', 'readdirSync', 'opendir', 'opendirSync',
		'createReadStream', 'stat', 'statSync', 'lstat', 'lstatSync', 'realpath', 'realpathSync',
		'exists', 'existsSync', 'access', 'accessSync', 'readlink', 'readlinkSync', 'watch', 'watchFile',
	];
	for (const name of SYNC_AND_CALLBACK) {
		const original = fs[name];
		if (typeof original !== 'function') {
			continue;
		}
		const wrapped = function (target, ...rest) {
			record(name, target);
			return original.call(this, target, ...rest);
		};
		for (const key of Object.keys(original)) {
			wrapped[key] = original[key];
		}
		fs[name] = wrapped;
	}
	for (const name of ['native']) {
		for (const owner of ['realpath', 'realpathSync']) {
			const original = fs[owner][name];
			if (typeof original === 'function') {
				fs[owner][name] = function (target, ...rest) {
					record(`${owner}.${name}`, target);
					return original.call(this, target, ...rest);
				};
			}
		}
	}
	for (const name of ['readFile', 'open', 'readdir', 'opendir', 'stat', 'lstat', 'realpath', 'access', 'readlink']) {
		const original = fs.promises[name];
		if (typeof original === 'function') {
			fs.promises[name] = function (target, ...rest) {
				record(`promises.${name}`, target);
				return original.call(this, target, ...rest);
			};
		}
	}
}
