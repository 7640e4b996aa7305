import type { PageSummary } from '../parse/pageSummary';
import type { FollowingTable } from '../search/journalFollower';
import { caseRuleOf, nameEdges, namesOfPage, type EntityName } from './mentionRules';
import { wordsOfName } from './mentionWords';

/** Node and word numbers stay below this, so an edge key `node * LIMIT + word` is an exact double. */
const LIMIT = 2 ** 26;

/** What the table keeps of one page: its URL, its names and each name's words. */
interface PageNames {
	readonly url: string;
	readonly names: readonly string[];
	readonly entries: readonly EntityName[];
	readonly words: readonly (readonly string[])[];
}

/**
 * Every name of the vault's pages in a trie of words: one pass over a page's
 * words finds every name in it (see findMentions.ts), however many pages the
 * vault has. A word is a number (its folded spelling's), an edge a key
 * `node * LIMIT + word` of one map; each node counts the names through it,
 * so a page's names are added and taken out in place (a page renamed costs
 * the words of its names, nothing is rebuilt). The trie stores words folded
 * to lower case; which spellings count is decided on the text by the name's
 * case rule (mentionRules.ts).
 */
export class MentionTable implements FollowingTable {
	private readonly wordIds = new Map<string, number>();
	private wordRefs: number[] = [];
	private freeWords: number[] = [];
	private readonly edges = new Map<number, number>();
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

	/** The number of a folded word, -1 when no name has it. */
	wordId(folded: string): number {
		return folded.length > this.longestWord ? -1 : this.wordIds.get(folded) ?? -1;
	}

	/** The node after `word` from `node`, -1 when no name goes on so. */
	child(node: number, word: number): number {
		return this.edges.get(node * LIMIT + word) ?? -1;
	}

	/** The names whose last word ends at `node`. */
	namesAt(node: number): readonly EntityName[] | undefined {
		return this.terminals.get(node);
	}

	rebuild(pages: Iterable<PageSummary>): void {
		this.wordIds.clear();
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
		const names = namesOfPage(page);
		if (names.length === 0) {
			return;
		}
		const entries: EntityName[] = [];
		const words: string[][] = [];
		for (const name of names) {
			const nameWords = wordsOfName(name);
			if (nameWords.length === 0) {
				continue;
			}
			const entry: EntityName = { name, rule: caseRuleOf(name, nameWords.length), ...nameEdges(name), url: page.url, path: page.path };
			this.insert(nameWords, entry);
			entries.push(entry);
			words.push(nameWords);
		}
		this.byPath.set(page.path, { url: page.url, names, entries, words });
	}

	remove(path: string): void {
		const page = this.byPath.get(path);
		if (page === undefined) {
			return;
		}
		this.byPath.delete(path);
		page.entries.forEach((entry, i) => this.delete(page.words[i], entry));
	}

	/** A page whose URL and names did not change (most edits) keeps its entries: nothing to do. */
	replace(path: string, page: PageSummary): boolean {
		const known = this.byPath.get(path);
		if (known === undefined || known.url !== page.url) {
			return false;
		}
		const names = namesOfPage(page);
		return names.length === known.names.length && names.every((name, i) => name === known.names[i]);
	}

	private insert(words: readonly string[], entry: EntityName): void {
		let node = 0;
		this.nodeRefs[0]++;
		for (const word of words) {
			const id = this.internWord(word);
			const key = node * LIMIT + id;
			let next = this.edges.get(key);
			if (next === undefined) {
				next = this.newNode();
				this.edges.set(key, next);
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
	}

	private delete(words: readonly string[], entry: EntityName): void {
		let node = 0;
		this.nodeRefs[0]--;
		for (const word of words) {
			const id = this.wordIds.get(word)!;
			const key = node * LIMIT + id;
			const next = this.edges.get(key)!;
			this.releaseWord(word, id);
			if (--this.nodeRefs[next] === 0) {
				this.edges.delete(key);
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
			this.wordRefs[id] = 0;
			this.longestWord = Math.max(this.longestWord, word.length);
		}
		this.wordRefs[id]++;
		return id;
	}

	private releaseWord(word: string, id: number): void {
		if (--this.wordRefs[id] === 0) {
			this.wordIds.delete(word);
			this.freeWords.push(id);
		}
	}
}
