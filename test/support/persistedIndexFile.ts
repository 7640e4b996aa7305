import * as fs from 'fs';
import * as path from 'path';

/**
 * Waits until a server has written its persisted index into `dir` (a
 * `.bin` file, and no temporary file of a write still under way); its path.
 */
export async function waitForPersistedIndex(dir: string, timeoutMs = 10_000): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
		const file = names.find(name => name.endsWith('.bin'));
		if (file !== undefined && !names.some(name => name.endsWith('.tmp'))) {
			return path.join(dir, file);
		}
		if (Date.now() > deadline) {
			throw new Error(`no persisted index in ${dir} after ${timeoutMs / 1000} s`);
		}
		await new Promise(resolve => setTimeout(resolve, 50));
	}
}
