import type { PageSummary } from '../parse/pageSummary';
import type { FollowingTable } from '../search/journalFollower';
import { asciiFoldedEquals, asciiFoldedHash, PairTable } from './intTables';
import { caseRuleOf, isProperName, nameEdges, namesOfPage, type EntityName } from './mentionRules';
import { foldWord, wordsOfName } from './mentionWords';

/** Most nodes and words the table holds. */
const LIMIT = 2 ** 30;

/** What the table keeps of one page: its URL, its names, and each name's word numbers (a count, then the numbers, name after name). */
interface PageNames {
	readonly url: string;
	readonly entries: readonly EntityName[];
	readonly words: readonly number[];
}

/**
 * Every name of the vault's pages in a trie of words: one pass over a page's
 * words finds every name in it (see findMentions.ts), however many pages the
 * vault has. A word is a number (its folded spelling's), an edge an entry
 * `(node, word) → node` of one typed-array hash table (`PairTable`: a
 * lookup allocates nothing); each node counts the names through it,
 * so a page's names are added and taken out in place (a page renamed costs
 * the words of its names, nothing is rebuilt). The trie stores words folded
 * to lower case; which spellings count is decided on the text by the name's
 * case rule (mentionRules.ts).
 */
export class MentionTable implements FollowingTable {
	private readonly wordIds = new Map<string, number>();
	/** Each word's folded spelling, by number. */
	private wordStrings: string[] = [];
	/** Words of ASCII letters and digits by `(hash, n)`, `n` counting those of one hash: a page's word is looked up without slicing it. */
	private readonly asciiWords = new PairTable();
	private wordRefs: number[] = [];
	private freeWords: number[] = [];
	private readonly edges = new PairTable();
	/** Names through each node; the root is node 0. */
	private nodeRefs: number[] = [0];
	private freeNodes: number[] = [];
	/** The names ending at a node. */
	private readonly terminals = new Map<number, EntityName[]>();
	private readonly byPath = new Map<string, PageNames>();
	/** The longest word of any name, in code units: a longer word of a text is not looked up. */
	private longestWord = 0;

	get slots(): number {
		return this.byPath.size;
	}

	readonly holes = 0;

	/** How many names, and how many trie nodes and distinct words hold them. */
	get size(): { names: number; nodes: number; words: number } {
		let names = 0;
		for (const page of this.byPath.values()) {
			names += page.entries.length;
		}
		return { names, nodes: this.nodeRefs.length - this.freeNodes.length, words: this.wordIds.size };
	}

	/** The number of the word `text[start, end)` (folded to lower case), -1 when no name has it. */
	wordAt(text: string, start: number, end: number): number {
		if (end - start > this.longestWord) {
			return -1;
		}
		const hash = asciiFoldedHash(text, start, end);
		if (hash < 0) {
			return this.wordIds.get(foldWord(text.slice(start, end))) ?? -1;
		}
		for (let n = 0; ; n++) {
			const id = this.asciiWords.get(hash, n);
			if (id < 0 || asciiFoldedEquals(text, start, end, this.wordStrings[id])) {
				return id;
			}
		}
	}

	/** The node after `word` from `node`, -1 when no name goes on so. */
	child(node: number, word: number): number {
		return this.edges.get(node, word);
	}

	/** Bytes of the trie's typed arrays (the words and names are strings besides). */
	get tableBytes(): number {
		return this.edges.bytes + this.asciiWords.bytes;
	}

	/** The names whose last word ends at `node`. */
	namesAt(node: number): readonly EntityName[] | undefined {
		return this.terminals.get(node);
	}

	rebuild(pages: Iterable<PageSummary>): void {
		this.wordIds.clear();
		this.wordStrings = [];
		this.asciiWords.clear();
		this.wordRefs = [];
		this.freeWords = [];
		this.edges.clear();
		this.nodeRefs = [0];
		this.freeNodes = [];
		this.terminals.clear();
		this.byPath.clear();
		this.longestWord = 0;
		for (const page of pages) {
			this.add(page);
		}
	}

	add(page: PageSummary): void {
		this.addNames(page.path, page.url, namesOfPage(page));
	}

	/** Adds the names of the page at `path` (`namesOfPage`'s list): what a table built from plain data (a check worker's) adds. */
	addNames(path: string, url: string, names: readonly string[]): void {
		if (names.length === 0) {
			return;
		}
		const entries: EntityName[] = [];
		const words: number[] = [];
		for (const name of names) {
			const nameWords = wordsOfName(name);
			if (nameWords.length === 0 || !isProperName(name)) {
				continue;
			}
			const { prefix, suffix } = nameEdges(name);
			const entry: EntityName = { name, rule: caseRuleOf(name, nameWords.length), prefix, suffix, url, path };
			words.push(nameWords.length, ...this.insert(nameWords, entry));
			entries.push(entry);
		}
		this.byPath.set(path, { url, entries, words });
	}

	remove(path: string): void {
		const page = this.byPath.get(path);
		if (page === undefined) {
			return;
		}
		this.byPath.delete(path);
		let at = 0;
		for (const entry of page.entries) {
			const count = page.words[at];
			this.delete(page.words.slice(at + 1, at + 1 + count), entry);
			at += 1 + count;
		}
	}

	/** A page whose URL and names did not change (most edits) keeps its entries: nothing to do. */
	replace(path: string, page: PageSummary): boolean {
		const known = this.byPath.get(path);
		if (known === undefined || known.url !== page.url) {
			return false;
		}
		const names = namesOfPage(page).filter(name => wordsOfName(name).length > 0);
		return names.length === known.entries.length && names.every((name, i) => name === known.entries[i].name);
	}

	/** Adds a name's words to the trie; returns their numbers. */
	private insert(words: readonly string[], entry: EntityName): number[] {
		let node = 0;
		const ids: number[] = [];
		this.nodeRefs[0]++;
		for (const word of words) {
			const id = this.internWord(word);
			ids.push(id);
			let next = this.edges.get(node, id);
			if (next < 0) {
				next = this.newNode();
				this.edges.set(node, id, next);
			}
			this.nodeRefs[next]++;
			node = next;
		}
		const ending = this.terminals.get(node);
		if (ending === undefined) {
			this.terminals.set(node, [entry]);
		} else {
			ending.push(entry);
		}
		return ids;
	}

	private delete(ids: readonly number[], entry: EntityName): void {
		let node = 0;
		this.nodeRefs[0]--;
		for (const id of ids) {
			const next = this.edges.get(node, id);
			this.releaseWord(id);
			if (--this.nodeRefs[next] === 0) {
				this.edges.delete(node, id);
				this.freeNodes.push(next);
			}
			node = next;
		}
		const ending = this.terminals.get(node);
		const at = ending?.indexOf(entry) ?? -1;
		if (ending !== undefined && at >= 0) {
			ending.splice(at, 1);
			if (ending.length === 0) {
				this.terminals.delete(node);
			}
		}
	}

	private newNode(): number {
		const free = this.freeNodes.pop();
		if (free !== undefined) {
			this.nodeRefs[free] = 0;
			return free;
		}
		if (this.nodeRefs.length >= LIMIT) {
			throw new Error('too many names for the mention table');
		}
		this.nodeRefs.push(0);
		return this.nodeRefs.length - 1;
	}

	private internWord(word: string): number {
		let id = this.wordIds.get(word);
		if (id === undefined) {
			id = this.freeWords.pop() ?? this.wordRefs.length;
			if (id >= LIMIT) {
				throw new Error('too many words for the mention table');
			}
			this.wordIds.set(word, id);
			this.wordStrings[id] = word;
			const hash = asciiFoldedHash(word, 0, word.length);
			if (hash >= 0) {
				let n = 0;
				while (this.asciiWords.get(hash, n) >= 0) {
					n++;
				}
				this.asciiWords.set(hash, n, id);
			}
			this.wordRefs[id] = 0;
			this.longestWord = Math.max(this.longestWord, word.length);
		}
		this.wordRefs[id]++;
		return id;
	}

	private releaseWord(id: number): void {
		if (--this.wordRefs[id] === 0) {
			const word = this.wordStrings[id];
			this.wordIds.delete(word);
			this.freeWords.push(id);
			const hash = asciiFoldedHash(word, 0, word.length);
			if (hash >= 0) {
				// Keep the numbers `n` of this hash contiguous: the last one takes the place of the one leaving.
				let at = 0;
				while (this.asciiWords.get(hash, at) !== id) {
					at++;
				}
				let last = at;
				while (this.asciiWords.get(hash, last + 1) >= 0) {
					last++;
				}
				this.asciiWords.set(hash, at, this.asciiWords.get(hash, last));
				this.asciiWords.delete(hash, last);
			}
		}
	}
}
