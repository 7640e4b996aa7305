import * as assert from 'assert';
import * as path from 'path';
import { V8_PAGE_CODEC } from '../../server/src/node/pageCodec';
import { InProcessPageParser, type PageParser } from '../../server/src/node/pageParser';
import type { PageReadResult } from '../../server/src/node/vaultFiles';
import type { VaultWorkspace } from '../../server/src/node/vaultWorkspace';
import { splitPageParts } from '../../server/src/service/parse/pageRecord';
import { StoredPageSummary } from '../../server/src/service/parse/storedPageSummary';
import { markdownFilesIn } from '../support/checkCommand';
import type { MemoryFileSystem } from '../support/memoryFileSystem';
import { CACHE_FILE, inVault, memoryVault, VAULT_ROOT, workspaceOn } from '../support/memoryVault';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'vaults');

/** Parses on this thread as `InProcessPageParser` does, but hands back page records, as the index workers do. */
class RecordParser implements PageParser {
	private readonly parser: InProcessPageParser;

	constructor(fileSystem: MemoryFileSystem) {
		this.parser = new InProcessPageParser(fileSystem, 16);
	}

	parseAll(root: string, paths: readonly string[], onBatch: (results: readonly PageReadResult[]) => void | Promise<void>, isCancelled?: () => boolean): Promise<void> {
		return this.parser.parseAll(root, paths, results => onBatch(results.map((result): PageReadResult => {
			if (!('parts' in result)) {
				return result;
			}
			const { header, body } = splitPageParts(result.parts);
			return { path: result.path, stamp: result.stamp, record: { header: structuredClone(header), blob: V8_PAGE_CODEC.encode(body) } };
		})), isCancelled);
	}
}

/** A vault of made-up pages (links, anchors, footnotes, CRLF, emoji) and the fixture vaults' pages, each under its own folder. */
function vaultFiles(): Record<string, string> {
	const files: Record<string, string> = {};
	for (let i = 0; i < 40; i++) {
		const eol = i % 3 === 0 ? '\r\n' : '\n';
		files[`people/p${i}.md`] = [
			'---', `title: Person ${i}`, i % 4 === 0 ? 'aliases: [Someone]' : 'tags: [x]', '---',
			`# Person ${i} 😀`, '', `See [next](/people/p${(i + 1) % 40}/#person-${(i + 1) % 40}) and [gone](/people/none-${i}/) and [x](/people/p${(i + 7) % 40}/#nowhere).[^1]`,
			'', '## Section 🌍', '', `Person ${(i + 2) % 40} is named here.`, '', '[^1]: A note.', '[^2]: Unused.', '',
		].join(eol);
	}
	for (const fixture of ['broken', 'wanted', 'quickfixes']) {
		for (const [page, text] of markdownFilesIn(path.join(FIXTURES, fixture))) {
			files[`${fixture}/${page}`] = text;
		}
	}
	return files;
}

/** Everything a page answers from its blob and its diagnostics, page by page. */
function answers(vault: VaultWorkspace): string[] {
	return [...vault.service.index.pages()].map(page => page.path).sort().map(page => {
		const summary = vault.service.getPage(page)!;
		return JSON.stringify({
			page, diagnostics: vault.diagnostics(page), links: summary.links, headings: summary.headings, anchors: summary.htmlAnchors,
			references: summary.footnoteReferences, definitions: summary.footnoteDefinitions, terms: summary.definitionTerms, code: Array.from(summary.codeRegions),
			fields: summary.frontmatter.fields,
		});
	});
}

/** The stored pages of a vault whose blob is in a file, and those whose blob is in memory. */
function blobPlaces(vault: VaultWorkspace): { onDisk: number; inMemory: number } {
	const stored = [...vault.service.index.pages()].filter(page => page instanceof StoredPageSummary);
	const onDisk = stored.filter(page => page.blobOnDisk).length;
	return { onDisk, inMemory: stored.length - onDisk };
}

function blobFilesIn(fileSystem: MemoryFileSystem): string[] {
	return fileSystem.readDirectory(path.posix.dirname(CACHE_FILE)).map(entry => entry.name).filter(name => name.endsWith('.blobs'));
}

function blobReads(fileSystem: MemoryFileSystem): number {
	return fileSystem.accesses.filter(access => access.operation === 'read').length;
}

function pagesRead(fileSystem: MemoryFileSystem): number {
	return fileSystem.accesses.filter(access => access.operation === 'readFile' && access.path.startsWith(`${VAULT_ROOT}/`)).length;
}

/** The answers of the vault indexed without any persisted index (every summary made from its text). */
async function reference(files: Record<string, string>): Promise<string[]> {
	const { vault } = memoryVault(files);
	await vault.index();
	return answers(vault);
}

/** A vault indexed cold from page records with a persisted index, written: its file system, the vault still running. */
async function coldWritten(files: Record<string, string>): Promise<{ fileSystem: MemoryFileSystem; vault: VaultWorkspace }> {
	const { fileSystem } = memoryVault(files);
	const vault = workspaceOn(fileSystem, { cache: true });
	(vault as unknown as { options: { pool: PageParser } }).options.pool = new RecordParser(fileSystem);
	await vault.index();
	await vault.flushCache();
	return { fileSystem, vault };
}

/** A second start on the persisted index `coldWritten` left: warm, verified. */
async function warm(fileSystem: MemoryFileSystem): Promise<VaultWorkspace> {
	const vault = workspaceOn(fileSystem, { cache: true });
	await vault.index();
	await vault.whenVerified();
	fileSystem.clearAccesses();
	return vault;
}

describe('persisted index: blobs kept on disk, not in memory', () => {
	const files = vaultFiles();
	const pageCount = Object.keys(files).length;

	it('a cold start\'s pages let go of their blobs once written, and answer the same from the file', async () => {
		const { fileSystem, vault } = await coldWritten(files);
		assert.deepStrictEqual(blobPlaces(vault), { onDisk: pageCount, inMemory: 0 });
		assert.strictEqual(blobFilesIn(fileSystem).length, 1);
		fileSystem.clearAccesses();
		assert.deepStrictEqual(answers(vault), await reference(files));
		assert.ok(blobReads(fileSystem) >= pageCount, 'the blobs are read from the file');
		assert.strictEqual(pagesRead(fileSystem), 0, 'no page parsed again');
		vault.dispose();
	});

	it('a warm start reads them from the file; rewritten after a change on disk, the pages point into the new file and the old one is removed', async () => {
		const { fileSystem, vault: first } = await coldWritten(files);
		first.dispose();
		const vault = await warm(fileSystem);
		assert.deepStrictEqual(blobPlaces(vault), { onDisk: pageCount, inMemory: 0 });
		assert.deepStrictEqual(answers(vault), await reference(files));
		assert.strictEqual(pagesRead(fileSystem), 0);
		const [before] = blobFilesIn(fileSystem);
		const changed = { ...files, 'people/p1.md': '# One\n\n[Two](/people/p2/#missing) [^9]\n' };
		fileSystem.writeFile(inVault('people/p1.md'), changed['people/p1.md']);
		vault.diskChanged('people/p1.md');
		await vault.saveCache();
		assert.deepStrictEqual(blobFilesIn(fileSystem).length, 1);
		assert.notStrictEqual(blobFilesIn(fileSystem)[0], before, 'the old file of blobs is removed');
		assert.deepStrictEqual(blobPlaces(vault), { onDisk: pageCount - 1, inMemory: 0 }, 'the page read again is not a stored page');
		fileSystem.clearAccesses();
		assert.deepStrictEqual(answers(vault), await reference(changed));
		assert.strictEqual(pagesRead(fileSystem), 0);
		vault.dispose();
	});

	it('the file of blobs cut short under a running vault: the pages are parsed again from disk, answers unchanged', async () => {
		const { fileSystem, vault: first } = await coldWritten(files);
		first.dispose();
		const vault = await warm(fileSystem);
		const [blobs] = blobFilesIn(fileSystem);
		const file = `${path.posix.dirname(CACHE_FILE)}/${blobs}`;
		fileSystem.truncate(file, Math.floor(fileSystem.stat(file).size / 2));
		assert.deepStrictEqual(answers(vault), await reference(files));
		assert.ok(pagesRead(fileSystem) > 0, 'pages parsed again');
		assert.ok(pagesRead(fileSystem) < pageCount, 'only those whose blob is gone');
		// Kept in memory once parsed again; the next write puts them in a new file.
		assert.ok(blobPlaces(vault).inMemory > 0);
		await vault.saveCache();
		assert.deepStrictEqual(blobPlaces(vault), { onDisk: pageCount, inMemory: 0 });
		assert.deepStrictEqual(answers(vault), await reference(files));
		vault.dispose();
	});

	it('the cache folder removed, or the index rewritten by another process, under a running vault: the file opened is still read', async () => {
		const { fileSystem, vault: first } = await coldWritten(files);
		first.dispose();
		const vault = await warm(fileSystem);
		(await coldWritten(files)).vault.dispose();
		fileSystem.remove(path.posix.dirname(CACHE_FILE));
		fileSystem.clearAccesses();
		assert.deepStrictEqual(answers(vault), await reference(files));
		assert.strictEqual(pagesRead(fileSystem), 0, 'nothing parsed again');
		await vault.saveCache();
		assert.strictEqual(blobFilesIn(fileSystem).length, 1, 'written again in a new folder');
		vault.dispose();
	});

	it('once written, the pool of shared strings is let go; pages edited, changed on disk, added and removed after answer as a vault made from the final pages', async () => {
		const { fileSystem, vault } = await coldWritten(files);
		const pool = (vault.service.getPage('people/p1.md') as unknown as { home: { summaries: { strings: { size: number } } } }).home.summaries.strings;
		assert.strictEqual(pool.size, 0, 'the pool is let go');
		const final: Record<string, string> = {
			...files,
			'people/p1.md': '---\ntitle: One\ntags: [x, y]\n---\n# One\n\n[Two](/people/p2/#person-2) [gone](/people/none-1/) [new](/people/new/)[^9]\n',
			'people/p3.md': '# Three 😀\r\n\r\n[Four](/people/p4/) [One](/people/p1/) [Someone](/people/p0/)\r\n',
			'people/new.md': '---\ntitle: New\naliases: [Novel]\ntags: [x]\n---\n[Person 5](/people/p5/#section) [New](/people/new/) [gone](/people/none-2/)\n',
		};
		delete final['people/p7.md'];
		vault.openDocument('people/p1.md', final['people/p1.md']);
		for (const page of ['people/p3.md', 'people/new.md']) {
			fileSystem.writeFile(inVault(page), final[page]);
			vault.diskChanged(page);
		}
		fileSystem.remove(inVault('people/p7.md'));
		vault.diskDeleted('people/p7.md');
		assert.ok(pool.size > 0, 'the pages made after share their strings through a new pool');
		const { vault: fresh } = memoryVault(final);
		await fresh.index();
		const reverse = (of: VaultWorkspace): string[] => [...of.service.index.pages()].map(page => page.path).sort().map(page => {
			const summary = of.service.getPage(page)!;
			return JSON.stringify({
				page, linkers: of.service.index.linkersOf(summary.url).sort(), named: summary.targetUrls.map(url => summary.nameSpellingFor(url)),
				tags: summary.tags, data: summary.frontmatter.data, at: of.service.index.pageForUrl(summary.url)?.path,
			});
		});
		assert.deepStrictEqual(answers(vault), answers(fresh));
		assert.deepStrictEqual(reverse(vault), reverse(fresh));
		assert.deepStrictEqual([...vault.service.index.wantedUrls()].sort(), [...fresh.service.index.wantedUrls()].sort());
		assert.deepStrictEqual([...vault.service.index.tags()].sort(), [...fresh.service.index.tags()].sort());
		vault.dispose();
		fresh.dispose();
	});

	it('a second write copies the pages unchanged since the first from its files, a run of pages a read; a warm start from it answers as a vault made from the final pages', async () => {
		const { fileSystem, vault } = await coldWritten(files);
		const final: Record<string, string> = { ...files, 'people/p3.md': '# Three 😀\r\n\r\n[Four](/people/p4/) [One](/people/p1/#nowhere)\r\n' };
		delete final['people/p7.md'];
		fileSystem.writeFile(inVault('people/p3.md'), final['people/p3.md']);
		vault.diskChanged('people/p3.md');
		fileSystem.remove(inVault('people/p7.md'));
		vault.diskDeleted('people/p7.md');
		fileSystem.clearAccesses();
		await vault.saveCache();
		const reads = fileSystem.accesses.filter(access => access.operation === 'read');
		assert.ok(reads.some(access => access.path.endsWith('.tmp')), 'headers read from the index file written first (opened before it was renamed into place)');
		assert.ok(reads.some(access => access.path.endsWith('.blobs')), 'blobs read from its file of blobs');
		assert.ok(reads.length < pageCount / 4, `a run of pages a read (${reads.length} reads)`);
		assert.strictEqual(pagesRead(fileSystem), 0);
		assert.deepStrictEqual(answers(vault), await reference(final));
		vault.dispose();
		const warmVault = await warm(fileSystem);
		assert.deepStrictEqual(blobPlaces(warmVault), { onDisk: pageCount - 1, inMemory: 0 });
		assert.deepStrictEqual(answers(warmVault), await reference(final));
		assert.strictEqual(pagesRead(fileSystem), 0);
		warmVault.dispose();
	});

	it('a closed file of blobs is never read: the pages are parsed again', async () => {
		const { fileSystem, vault } = await coldWritten(files);
		(vault as unknown as { persisted: { close(): void } }).persisted.close();
		fileSystem.clearAccesses();
		assert.deepStrictEqual(answers(vault), await reference(files));
		assert.strictEqual(blobReads(fileSystem), 0);
		assert.strictEqual(pagesRead(fileSystem), pageCount);
		vault.dispose();
	});
});
