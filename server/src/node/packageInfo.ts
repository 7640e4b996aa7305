import * as fs from 'fs';
import * as path from 'path';

/**
 * This package's version, read from the nearest `package.json` named
 * `entity-vault` above this file, wherever it was compiled or bundled to.
 */
export const packageVersion: string = (() => {
	for (let dir = __dirname; ; dir = path.dirname(dir)) {
		try {
			const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
			if (manifest.name === 'entity-vault' && typeof manifest.version === 'string') {
				return manifest.version;
			}
		} catch {
			// keep looking
		}
		if (path.dirname(dir) === dir) {
			return '0.0.0';
		}
	}
})();
