'use strict';
/**
 * Test-only preload (`NODE_OPTIONS=--require injectFaults.js`): when the file
 * named by EV_FAULT_TRIGGER appears, throws an uncaught exception and leaves
 * a rejected promise unhandled in the main thread, then removes the file.
 * The hardening suite uses it to prove the server logs such faults and keeps
 * serving. It changes nothing else and is never loaded by the product.
 */
const fs = require('fs');
const { isMainThread } = require('worker_threads');

const trigger = process.env.EV_FAULT_TRIGGER;
if (trigger && isMainThread) {
	let count = 0;
	const timer = setInterval(() => {
		if (!fs.existsSync(trigger)) {
			return;
		}
		fs.rmSync(trigger, { force: true });
		count++;
		setImmediate(() => {
			throw new Error(`injected uncaught exception ${count}`);
		});
		void Promise.reject(new Error(`injected unhandled rejection ${count}`));
	}, 50);
	timer.unref();
}
