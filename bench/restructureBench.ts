/**
 * Figures of restructuring a big vault (not part of CI):
 *
 *   node --max-old-space-size=8192 out/bench/restructureBench.js [--pages 100000] [--runs 30] [--warmup 5]
 *
 * Generates (once, cached under .bench/) a vault with the benchmark's
 * generator and indexes it in-process with the vault service, as the server
 * does. Two of its pages' texts are changed on the way in, in memory only:
 *
 * - a section of 2,000 pages: the first 2,000 pages of `programs/` (in path
 *   order, `SLUG.md` ones) are indexed as `dossiers/SLUG.md`, and every link
 *   to them is written `/dossiers/SLUG/`, so the vault keeps its links and
 *   its page count;
 * - a page with 1,000 backlinks: a page of `people/` with fewer, and a link
 *   to it appended to as many other pages as it takes.
 *
 * (`linksLeftBehind`, which must be 0, counts the links still naming a moved
 * page's old URL; `brokenLinksBefore` are the generator's planted broken links.)
 *
 * Then it times, after a warm-up, what the server does for a rename (F2) of
 * that page (`service.rename` on its title) and for the section folder moved
 * in the explorer (`service.moveEdits` of `dossiers` → `archive`, the
 * `willRenameFiles` answer), each followed by the conversion to an LSP
 * WorkspaceEdit and its JSON serialization (the server's whole time); and
 * prints the median and p99 of each, the text edits, the pages touched and
 * the JSON size of each edit, as one JSON object.
 */
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { readPageText, listVaultPages } from '../server/src/node/vaultFiles';
import type { VaultWorkspace } from '../server/src/node/vaultWorkspace';
import { toWorkspaceEdit, type EditTarget } from '../server/src/node/workspaceEdits';
import type { VaultEdit } from '../server/src/service/vault/vaultResults';
import { createVaultService, type VaultService } from '../server/src/service/vaultService';
import { forEachFlag } from './commandLine';
import { distribution, type Distribution } from './stats';
import { cachedVault } from './vaultCache';

const SECTION_PAGES = 2000;
const BACKLINKS = 1000;
const FROM_SECTION = 'programs';
const MOVED_SECTION = 'dossiers';
const NEW_SECTION = 'archive';

interface Options {
	pages: number;
	runs: number;
	warmup: number;
}

interface EditFigures {
	/** The service's call alone (milliseconds). */
	readonly serviceMs: Distribution;
	/** The call, the conversion to an LSP WorkspaceEdit and its JSON serialization: the server's time for the request. */
	readonly serverMs: Distribution;
	readonly textEdits: number;
	readonly pagesTouched: number;
	readonly fileOperations: number;
	readonly jsonBytes: number;
}

function parseOptions(argv: readonly string[]): Options {
	const options: Options = { pages: 100_000, runs: 30, warmup: 5 };
	forEachFlag(argv, (flag, value, argument) => {
		if (flag === '--pages' || flag === '--runs' || flag === '--warmup') {
			options[flag.slice(2) as keyof Options] = Number(value());
		} else {
			throw new Error(`unknown argument ${argument}`);
		}
	});
	return options;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/** The edit's size as the client gets it. */
function measureEdit(dir: string, runs: number, warmup: number, compute: () => VaultEdit): EditFigures {
	// The paths of the bench's in-memory pages are not those on disk; the URIs are made as the server makes them.
	const target: EditTarget = { uriOf: (_vault, page) => URI.file(path.join(dir, ...page.split('/'))).toString(), versionOf: () => undefined };
	const vault = undefined as unknown as VaultWorkspace;
	const serviceTimes: number[] = [];
	const serverTimes: number[] = [];
	let last: { edit: VaultEdit; lsp: WorkspaceEdit; json: string } | undefined;
	for (let run = 0; run < warmup + runs; run++) {
		const start = performance.now();
		const edit = compute();
		const computed = performance.now();
		const lsp = toWorkspaceEdit(target, vault, edit);
		const json = JSON.stringify(lsp);
		const end = performance.now();
		if (run >= warmup) {
			serviceTimes.push(computed - start);
			serverTimes.push(end - start);
		}
		last = { edit, lsp, json };
	}
	const changes = last!.edit.changes ?? [];
	return {
		serviceMs: distribution(serviceTimes),
		serverMs: distribution(serverTimes),
		textEdits: changes.reduce((sum, change) => sum + change.edits.length, 0),
		pagesTouched: changes.filter(change => change.edits.length > 0).length,
		fileOperations: (last!.lsp.documentChanges ?? []).filter(change => 'kind' in change).length,
		jsonBytes: Buffer.byteLength(last!.json),
	};
}

/** Where a page is indexed, and its text as indexed: the pages of the section to move re-homed, the links to them following. */
function rehoming(pages: readonly string[]): { pathOf(page: string): string; textOf(text: string): string; moved: number; movedUrls: string[] } {
	const slugs = new Set<string>();
	for (const page of pages) {
		const match = new RegExp(`^${FROM_SECTION}/([^/]+)\\.md$`).exec(page);
		if (match && slugs.size < SECTION_PAGES) {
			slugs.add(match[1]);
		}
	}
	const link = new RegExp(`\\]\\(/${FROM_SECTION}/([^/)#\\s]+)/`, 'g');
	return {
		moved: slugs.size,
		movedUrls: [...slugs].map(slug => `/${FROM_SECTION}/${slug}/`),
		pathOf: page => {
			const match = new RegExp(`^${FROM_SECTION}/([^/]+)\\.md$`).exec(page);
			return match && slugs.has(match[1]) ? `${MOVED_SECTION}/${match[1]}.md` : page;
		},
		textOf: text => text.replace(link, (whole, slug: string) => (slugs.has(slug) ? `](/${MOVED_SECTION}/${slug}/` : whole)),
	};
}

function titlePosition(text: string): { line: number; character: number } {
	const lines = text.split('\n');
	const line = lines.findIndex(candidate => candidate.startsWith('title:'));
	if (line < 0) {
		throw new Error('the page has no title field');
	}
	return { line, character: 'title: '.length + 1 };
}

async function main(): Promise<void> {
	const options = parseOptions(process.argv.slice(2));
	const vaultOnDisk = cachedVault(options.pages, 1, log);
	const dir = vaultOnDisk.dir;
	const listing = listVaultPages(dir).pages.sort();
	const homes = rehoming(listing);
	const textOf = (page: string): string => {
		const read = readPageText(path.join(dir, ...page.split('/')));
		if ('error' in read) {
			throw new Error(`${page}: ${read.error}`);
		}
		return homes.textOf(read.text);
	};

	log(`Indexing ${listing.length} pages (${homes.moved} of ${FROM_SECTION}/ as ${MOVED_SECTION}/)…`);
	const indexStart = performance.now();
	const service: VaultService = createVaultService();
	const diskPathOf = new Map<string, string>();
	for (const page of listing) {
		const indexed = homes.pathOf(page);
		diskPathOf.set(indexed, page);
		service.updatePage(indexed, textOf(page));
	}
	const indexMs = performance.now() - indexStart;
	const brokenBefore = countBroken(service);
	// The re-homing must leave no link behind: no page links a moved page at its old URL.
	const linksLeftBehind = homes.movedUrls.reduce((sum, url) => sum + service.index.backlinkCount(url), 0);

	// The page with 1,000 backlinks: the people/ page with the most backlinks below that, the rest appended.
	let target: { path: string; url: string; linkers: number } | undefined;
	for (const page of service.index.pages()) {
		const linkers = service.index.backlinkCount(page.url);
		if (page.section === 'people' && page.path.endsWith('.md') && !page.path.endsWith('index.md') && linkers <= BACKLINKS && (!target || linkers > target.linkers)) {
			target = { path: page.path, url: page.url, linkers };
		}
	}
	if (!target) {
		throw new Error('no page to give backlinks to');
	}
	const linking = new Set(service.index.linkersOf(target.url));
	let added = 0;
	for (const page of listing) {
		const indexed = homes.pathOf(page);
		if (linking.size + added >= BACKLINKS) {
			break;
		}
		if (indexed !== target.path && !linking.has(indexed)) {
			service.updatePage(indexed, `${textOf(page)}\nSee also [the subject](${target.url}).\n`);
			added++;
		}
	}
	const backlinks = service.index.backlinkCount(target.url);
	log(`Indexed in ${(indexMs / 1000).toFixed(1)} s; ${target.path} has ${backlinks} backlinks (${added} added).`);

	const targetText = textOf(diskPathOf.get(target.path)!);
	const position = titlePosition(targetText);
	const prepared = service.prepareRename(target.path, targetText, position);
	if ('error' in prepared) {
		throw new Error(`prepareRename: ${prepared.error}`);
	}
	const newSlug = `${target.url.split('/').filter(Boolean).pop()}-renamed`;
	log(`Timing rename of ${target.path} to ${newSlug}, ${options.warmup} + ${options.runs} runs…`);
	const rename = measureEdit(dir, options.runs, options.warmup, () => {
		const result = service.rename(target.path, targetText, position, newSlug);
		if ('error' in result) {
			throw new Error(`rename: ${result.error}`);
		}
		return result;
	});
	log(`Timing moveEdits of ${MOVED_SECTION}/ (${service.index.sectionPaths(MOVED_SECTION).size} pages) to ${NEW_SECTION}/…`);
	const sectionMove = measureEdit(dir, options.runs, options.warmup, () => service.moveEdits([{ from: MOVED_SECTION, to: NEW_SECTION }]));

	const figures = {
		pages: service.index.size,
		indexMs: Math.round(indexMs),
		brokenLinksBefore: brokenBefore,
		linksLeftBehind,
		rename: { page: target.path, backlinks, newName: newSlug, ...rename },
		sectionMove: { from: MOVED_SECTION, to: NEW_SECTION, pages: service.index.sectionPaths(MOVED_SECTION).size, linkersInto: linkersInto(service, MOVED_SECTION), ...sectionMove },
		runs: options.runs,
		warmup: options.warmup,
		node: process.version,
	};
	process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}

/** Pages outside the section linking into it. */
function linkersInto(service: VaultService, section: string): number {
	const linkers = new Set<string>();
	for (const page of service.index.sectionPaths(section)) {
		for (const linker of service.index.linkersOf(service.getPage(page)!.url)) {
			if (!linker.startsWith(`${section}/`)) {
				linkers.add(linker);
			}
		}
	}
	return linkers.size;
}

/** Links in the index that name no page (a sanity figure: the re-homing must not break links). */
function countBroken(service: VaultService): number {
	let broken = 0;
	for (const page of service.index.pages()) {
		for (const url of page.targetUrls) {
			if (!service.index.hasUrl(url)) {
				broken++;
			}
		}
	}
	return broken;
}

main().catch(error => {
	process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
	process.exitCode = 1;
});
