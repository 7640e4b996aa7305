import { stripBom, type PageSummary } from '../parse/pageSummary';
import type { FollowingTable } from '../search/journalFollower';
import { asciiFoldedHash } from './intTables';
import { stringHash } from '../text/stringHash';
import { foldWord, forEachWord, wordsOfName } from './mentionWords';

/** Reads a page's current text by vault-relative path (undefined: cannot be read). */
export type ProseTextReader = (path: string) => string | undefined;

/** The number of a word folded to lower case: its ASCII hash, else the hash of its folded spelling. Two words may share one. */
function wordHash(text: string, start: number, end: number): number {
	const ascii = asciiFoldedHash(text, start, end);
	if (ascii >= 0) {
		return ascii;
	}
	return stringHash(foldWord(text.slice(start, end)));
}

/** The distinct word numbers of a page's body, sorted. */
function bodyWords(page: PageSummary, text: string): Uint32Array {
	const hashes = new Set<number>();
	forEachWord(text, page.frontmatter.bodyStart, text.length, (start, end) => {
		hashes.add(wordHash(text, start, end));
		return undefined;
	});
	return Uint32Array.from(hashes).sort();
}

/**
 * Which pages' bodies hold which words, to find the pages that may write a
 * name (its unlinked mentions) without reading every page's text per
 * request. For each page the distinct numbers of the words of its body
 * (`Uint32Array`, 4 bytes a word), and per word number the pages holding it.
 *
 * The summary does not keep a page's text, so the words are read from the
 * text the transport supplies, page by page (`catchUp`, in slices the
 * transport schedules), and kept until the page changes: the table follows
 * the index's journal, a changed page is withdrawn and waits to be read
 * again. The candidates it gives are a superset (code, links, headings and
 * hash collisions included): the caller verifies them with `findMentions`.
 */
export class ProseWordIndex implements FollowingTable {
	private readonly wordsByPath = new Map<string, Uint32Array>();
	/** Word number → path, or paths, of the pages whose body holds it. */
	private readonly pathsByWord = new Map<number, string | string[]>();
	/** Pages of the index whose text has not been read since they changed. */
	private readonly unread = new Set<string>();

	get slots(): number {
		return this.wordsByPath.size + this.unread.size;
	}

	readonly holes = 0;

	/** Pages read and waiting to be read; word numbers and the entries of their lists (the table's size). */
	get size(): { pages: number; unread: number; words: number; entries: number } {
		let entries = 0;
		for (const words of this.wordsByPath.values()) {
			entries += words.length;
		}
		return { pages: this.wordsByPath.size, unread: this.unread.size, words: this.pathsByWord.size, entries };
	}

	/** How many pages wait to be read. */
	get pending(): number {
		return this.unread.size;
	}

	rebuild(pages: Iterable<PageSummary>): void {
		this.wordsByPath.clear();
		this.pathsByWord.clear();
		this.unread.clear();
		for (const page of pages) {
			this.unread.add(page.path);
		}
	}

	add(page: PageSummary): void {
		this.unread.add(page.path);
	}

	remove(path: string): void {
		this.unread.delete(path);
		const words = this.wordsByPath.get(path);
		if (words === undefined) {
			return;
		}
		this.wordsByPath.delete(path);
		for (const word of words) {
			const paths = this.pathsByWord.get(word);
			if (paths === path) {
				this.pathsByWord.delete(word);
			} else if (Array.isArray(paths)) {
				const i = paths.indexOf(path);
				if (i >= 0) {
					paths[i] = paths[paths.length - 1];
					paths.pop();
				}
				if (paths.length === 1) {
					this.pathsByWord.set(word, paths[0]);
				}
			}
		}
	}

	/**
	 * Reads at most `maxPages` of the pages waiting (their text from
	 * `textOf`, only the version indexed: another is left for its update);
	 * returns how many still wait.
	 */
	catchUp(getPage: (path: string) => PageSummary | undefined, textOf: ProseTextReader, maxPages: number): number {
		let done = 0;
		for (const path of this.unread) {
			if (done++ >= maxPages) {
				break;
			}
			this.unread.delete(path);
			const page = getPage(path);
			const written = page && textOf(path);
			const text = written === undefined ? undefined : stripBom(written);
			if (page && text !== undefined && text.length === page.textLength) {
				this.addWords(path, bodyWords(page, text));
			}
		}
		return this.unread.size;
	}

	private addWords(path: string, words: Uint32Array): void {
		this.wordsByPath.set(path, words);
		for (const word of words) {
			const paths = this.pathsByWord.get(word);
			if (paths === undefined) {
				this.pathsByWord.set(word, path);
			} else if (typeof paths === 'string') {
				this.pathsByWord.set(word, [paths, path]);
			} else {
				paths.push(path);
			}
		}
	}

	/** The pages whose body holds the word (by its folded number). */
	private pagesWith(word: number): readonly string[] {
		const paths = this.pathsByWord.get(word);
		return paths === undefined ? [] : typeof paths === 'string' ? [paths] : paths;
	}

	/**
	 * The pages (read so far) whose body holds every word of one of the
	 * names: for each name, the pages of its rarest word, kept when they hold
	 * its other words too. Sorted by path.
	 */
	candidates(names: readonly string[]): string[] {
		const found = new Set<string>();
		for (const name of names) {
			const words = [...new Set(wordsOfName(name).map(word => wordHash(word, 0, word.length)))];
			if (words.length === 0) {
				continue;
			}
			const lists = words.map(word => this.pagesWith(word)).sort((a, b) => a.length - b.length);
			for (const path of lists[0]) {
				const pageWords = this.wordsByPath.get(path);
				if (pageWords && words.every(word => hasWord(pageWords, word))) {
					found.add(path);
				}
			}
		}
		return [...found].sort();
	}
}

/** Binary search in a sorted array of word numbers. */
function hasWord(words: Uint32Array, word: number): boolean {
	let low = 0;
	let high = words.length - 1;
	while (low <= high) {
		const mid = (low + high) >>> 1;
		if (words[mid] === word) {
			return true;
		}
		if (words[mid] < word) {
			low = mid + 1;
		} else {
			high = mid - 1;
		}
	}
	return false;
}
