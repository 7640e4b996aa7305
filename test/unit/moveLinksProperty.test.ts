import * as assert from 'assert';
import type { PathMove } from '../../server/src/service/vaultService';
import { pageUrlForPath } from '../../server/src/service/vault/vaultPaths';
import { brokenLinkCount, linkTargetsByTitle, moveInMemory } from '../support/linkTargets';
import { Random } from '../support/markdownGenerator';

/**
 * Random vaults, random renames and moves applied in sequence (each through
 * moveEdits and the renamed files): every link keeps reaching what it
 * reached, so the broken-link count never changes, and no two edits of a
 * page overlap (applying them would throw).
 */

const SECTIONS = ['people', 'places', 'organizations'];
const SEEDS = 60;
const STEPS = 8;

/** A link from the page at `from` to the page at `to` (vault paths), in a random spelling. */
function linkTo(random: Random, from: string, to: string | undefined, label: string, definitions: string[]): string {
	const url = to === undefined ? `/${random.pick(SECTIONS)}/ghost-${random.int(0, 9)}/` : pageUrlForPath(to);
	const fromDir = from.split('/').slice(0, -1);
	const fromUrl = pageUrlForPath(from).split('/').filter(Boolean);
	const up = (base: string[], target: string[]): string => {
		let common = 0;
		while (common < base.length && common < target.length && base[common] === target[common]) {
			common++;
		}
		return '../'.repeat(base.length - common) + target.slice(common).join('/');
	};
	const urlSegments = url.split('/').filter(Boolean);
	const file = to ?? `${urlSegments.join('/')}.md`;
	const suffix = random.pick(['', '', '#early-life', '?v=1', '?v=1#x']);
	const destination = random.pick([
		() => url,
		() => url.slice(0, -1),
		() => `<${url}>`,
		() => `/${file}`,
		() => up(fromDir, file.split('/')),
		() => `./${up(fromDir, file.split('/'))}`,
		() => `${up(fromUrl, urlSegments)}/`,
		() => `${url}index.md`.replace(/\/index\.md$/, '/index.md'),
	])() + suffix;
	if (random.chance(0.15)) {
		const name = `ref${definitions.length}`;
		definitions.push(`[${name}]: ${destination}`);
		return random.chance(0.5) ? `[${label}][${name}] and [again][${name}]` : `[${label}][${name}]`;
	}
	return random.chance(0.1) ? `![${label}](${destination})` : `[${label}](${destination})`;
}

function randomVault(random: Random): Map<string, string> {
	const paths: string[] = [];
	for (let i = 0; i < random.int(3, 9); i++) {
		const section = random.pick(SECTIONS);
		paths.push(random.chance(0.3) ? `${section}/p${i}/index.md` : `${section}/p${i}.md`);
	}
	const texts = new Map<string, string>();
	for (const [i, path] of paths.entries()) {
		const definitions: string[] = [];
		const lines = [`---\ntitle: Page ${i}\nsee: ${pageUrlForPath(random.pick(paths))}\n---`, '', `# Page ${i}`, ''];
		for (let j = 0; j < random.int(0, 6); j++) {
			const target = random.chance(0.8) ? random.pick(paths) : undefined;
			lines.push(`Text 😀 ${linkTo(random, path, target, `L${j}`, definitions)} and \`[code](${pageUrlForPath(random.pick(paths))})\`.`);
		}
		if (random.chance(0.3)) {
			lines.push(`![photo](${random.chance(0.5) ? '/images/a.png' : `${'../'.repeat(path.split('/').length - 1)}images/a.png`})`);
		}
		lines.push('', ...definitions, '');
		texts.set(path, lines.join(random.chance(0.2) ? '\r\n' : '\n'));
	}
	return texts;
}

/** A random move of the vault's pages to fresh names: a file renamed, moved to another section or into a folder, a folder page's folder renamed, a section renamed. */
function randomMoves(random: Random, texts: ReadonlyMap<string, string>, fresh: () => string): PathMove[] {
	const pages = [...texts.keys()].filter(path => path.endsWith('.md'));
	const page = random.pick(pages);
	const segments = page.split('/');
	const section = segments[0];
	const kind = random.int(0, 4);
	if (kind === 0) {
		const sections = new Set(pages.map(path => path.split('/')[0]));
		return [{ from: section, to: [...sections].includes(`${section}-2`) ? `${section}-${fresh()}` : `${section}-2` }];
	}
	if (segments.length === 3) {
		return kind === 1 ? [{ from: page, to: `${section}/${segments[1]}.md` }] : [{ from: `${section}/${segments[1]}`, to: `${random.pick(SECTIONS)}/${fresh()}` }];
	}
	if (kind === 2) {
		return [{ from: page, to: `${section}/${segments[1].replace(/\.md$/, '')}/index.md` }];
	}
	const moves: PathMove[] = [{ from: page, to: `${random.pick(SECTIONS)}/${fresh()}.md` }];
	const other = random.pick(pages);
	if (kind === 3 && other !== page && other.split('/').length === 2) {
		moves.push({ from: other, to: `${random.pick(SECTIONS)}/${fresh()}.md` });
	}
	return moves;
}

describe('moveLinks property: random vaults, random moves in sequence', () => {
	it(`keeps every link's target and the broken-link count, with no overlapping edit (${SEEDS} seeds × ${STEPS} moves)`, function () {
		this.timeout(60000);
		let edits = 0;
		for (let seed = 1; seed <= SEEDS; seed++) {
			const random = new Random(seed);
			const texts = randomVault(random);
			let counter = 0;
			const fresh = (): string => `n${seed}-${++counter}`;
			const broken = brokenLinkCount(texts);
			for (let step = 0; step < STEPS; step++) {
				const moves = randomMoves(random, texts, fresh);
				const before = linkTargetsByTitle(texts);
				let edit;
				try {
					edit = moveInMemory(texts, moves);
				} catch (error) {
					assert.fail(`seed ${seed}, step ${step}, moves ${JSON.stringify(moves)}: ${String(error)}`);
				}
				edits += edit.changes?.reduce((sum, change) => sum + change.edits.length, 0) ?? 0;
				assert.deepStrictEqual(linkTargetsByTitle(texts), before, `seed ${seed}, step ${step}, moves ${JSON.stringify(moves)}`);
				assert.strictEqual(brokenLinkCount(texts), broken, `seed ${seed}, step ${step}`);
			}
		}
		assert.ok(edits > SEEDS * STEPS, `the moves rewrote links (${edits} edits)`);
	});
});
