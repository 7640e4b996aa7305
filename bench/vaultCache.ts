import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../test/support/paths';
import { GENERATOR_VERSION, generateVault, type VaultStats } from './generateVault';

/** Where benchmark vaults and results live (git-ignored). */
export const benchDir = path.join(repoRoot, '.bench');

export interface CachedVault {
	readonly dir: string;
	readonly stats: VaultStats;
	/** Seconds spent generating it now, undefined when it came from the cache. */
	readonly generatedInSeconds?: number;
}

/**
 * The vault of `pages` pages for `seed` under .bench/, generated on first use.
 * Its statistics file is written last, so a vault whose generation was
 * interrupted (or made by another generator version) is regenerated.
 */
export function cachedVault(pages: number, seed: number, log: (line: string) => void = () => undefined): CachedVault {
	const dir = path.join(benchDir, `vault-${pages}-s${seed}`);
	const statsFile = `${dir}.json`;
	try {
		const stats = JSON.parse(fs.readFileSync(statsFile, 'utf8')) as VaultStats;
		if (stats.generatorVersion === GENERATOR_VERSION && stats.pages === pages && fs.existsSync(dir)) {
			return { dir, stats };
		}
	} catch {
		// not generated yet
	}
	fs.rmSync(statsFile, { force: true });
	fs.rmSync(dir, { recursive: true, force: true });
	log(`Generating a vault of ${pages} pages (seed ${seed}) in ${path.relative(repoRoot, dir)}…`);
	const start = performance.now();
	const stats = generateVault({ pages, out: dir, seed });
	const generatedInSeconds = (performance.now() - start) / 1000;
	fs.writeFileSync(statsFile, JSON.stringify(stats, null, 2) + '\n');
	return { dir, stats, generatedInSeconds };
}
