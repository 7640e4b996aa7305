import type { PageSummary } from '../parse/pageSummary';
import type { FollowingTable } from '../search/journalFollower';
import { asciiFoldedEquals, asciiFoldedHash, PairTable, withRoom } from './intTables';
import { caseRuleOf, isProperName, nameEdges, namesOfPage, type CaseRule, type EntityName } from './mentionRules';
import { foldWord, wordsOfName } from './mentionWords';

/** Most nodes and words the table holds. */
const LIMIT = 2 ** 30;

/** No name, node or page: the end of a chain. */
const NONE = -1;

/**
 * A name's numbers, `NAME_FIELDS` of them from `NAME_FIELDS * name` in
 * `nameFields`: its page; the page's next name; the trie node its last word
 * ends at (`NONE` for a name the trie does not hold: no word, or not a
 * proper name); the next name ending at that node; its case rule (in
 * `CASE_RULES`), prefix and suffix.
 */
const PAGE = 0;
const NEXT_OF_PAGE = 1;
const NODE = 2;
const NEXT_AT_NODE = 3;
const RULE = 4;
const PREFIX = 5;
const SUFFIX = 6;
const NAME_FIELDS = 7;

const CASE_RULES: readonly CaseRule[] = ['exact', 'exactOrCapitals', 'firstLetterEither'];

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
 *
 * A page and a name are numbers too (a number let go is used again): a
 * name's facts are integers in one typed array, the names ending at a node
 * and the names of a page are chains through it, so the table holds no
 * object per name or page, only the strings it was given (at 100,000 pages
 * a table of objects and arrays per name took 74 MiB, most of a check
 * worker's heap). `namesAt` makes the `EntityName`s of a node when asked.
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
	/** The first name ending at each node, `NONE` when none does. */
	private nodeNames: Int32Array = new Int32Array(64).fill(NONE);
	/** Each name as given, by number ('' for a number let go). */
	private nameTexts: string[] = [];
	private nameFields: Int32Array = new Int32Array(NAME_FIELDS * 64);
	private freeNames: number[] = [];
	/** Names the trie holds. */
	private trieNames = 0;
	private readonly pageNumbers = new Map<string, number>();
	/** Each page's path and URL by number ('' for a number let go). */
	private pagePaths: string[] = [];
	private pageUrls: string[] = [];
	/** Each page's first name. */
	private pageNames: Int32Array = new Int32Array(64);
	private freePages: number[] = [];
	/** The longest word of any name, in code units: a longer word of a text is not looked up. */
	private longestWord = 0;

	get slots(): number {
		return this.pageNumbers.size;
	}

	readonly holes = 0;

	/** How many names, and how many trie nodes and distinct words hold them. */
	get size(): { names: number; nodes: number; words: number } {
		return { names: this.trieNames, nodes: this.nodeRefs.length - this.freeNodes.length, words: this.wordIds.size };
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

	/** Bytes of the table's typed arrays (the words, names, paths and URLs are strings besides). */
	get tableBytes(): number {
		return this.edges.bytes + this.asciiWords.bytes + this.nodeNames.byteLength + this.nameFields.byteLength + this.pageNames.byteLength;
	}

	/** The names whose last word ends at `node`, in the order they were added. */
	namesAt(node: number): readonly EntityName[] | undefined {
		let name = this.nodeNames[node];
		if (name === NONE) {
			return undefined;
		}
		const fields = this.nameFields;
		const names: EntityName[] = [];
		for (; name !== NONE; name = fields[NAME_FIELDS * name + NEXT_AT_NODE]) {
			const at = NAME_FIELDS * name;
			const page = fields[at + PAGE];
			names.push({ name: this.nameTexts[name], rule: CASE_RULES[fields[at + RULE]], prefix: fields[at + PREFIX], suffix: fields[at + SUFFIX], url: this.pageUrls[page], path: this.pagePaths[page] });
		}
		return names;
	}

	/** Every name of the page at `path` as given to `addNames` (a name the trie does not hold included); none for a page without names. */
	namesOf(path: string): string[] {
		const page = this.pageNumbers.get(path);
		const names: string[] = [];
		for (let name = page === undefined ? NONE : this.pageNames[page]; name !== NONE; name = this.nameFields[NAME_FIELDS * name + NEXT_OF_PAGE]) {
			names.push(this.nameTexts[name]);
		}
		return names;
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
		this.nodeNames = new Int32Array(64).fill(NONE);
		this.nameTexts = [];
		this.nameFields = new Int32Array(NAME_FIELDS * 64);
		this.freeNames = [];
		this.trieNames = 0;
		this.pageNumbers.clear();
		this.pagePaths = [];
		this.pageUrls = [];
		this.pageNames = new Int32Array(64);
		this.freePages = [];
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
		const page = this.freePages.pop() ?? this.pagePaths.length;
		this.pageNumbers.set(path, page);
		this.pagePaths[page] = path;
		this.pageUrls[page] = url;
		this.pageNames = withRoom(this.pageNames, page + 1);
		let last = NONE;
		for (const name of names) {
			const id = this.newName(name, page);
			if (last === NONE) {
				this.pageNames[page] = id;
			} else {
				this.nameFields[NAME_FIELDS * last + NEXT_OF_PAGE] = id;
			}
			last = id;
			const nameWords = wordsOfName(name);
			if (nameWords.length === 0 || !isProperName(name)) {
				continue;
			}
			const { prefix, suffix } = nameEdges(name);
			const at = NAME_FIELDS * id;
			this.nameFields[at + RULE] = CASE_RULES.indexOf(caseRuleOf(name, nameWords.length));
			this.nameFields[at + PREFIX] = prefix;
			this.nameFields[at + SUFFIX] = suffix;
			this.insert(nameWords, id);
		}
	}

	remove(path: string): void {
		const page = this.pageNumbers.get(path);
		if (page === undefined) {
			return;
		}
		this.pageNumbers.delete(path);
		for (let name = this.pageNames[page]; name !== NONE;) {
			const next = this.nameFields[NAME_FIELDS * name + NEXT_OF_PAGE];
			if (this.nameFields[NAME_FIELDS * name + NODE] !== NONE) {
				this.delete(name);
			}
			this.nameTexts[name] = '';
			this.freeNames.push(name);
			name = next;
		}
		this.pagePaths[page] = '';
		this.pageUrls[page] = '';
		this.freePages.push(page);
	}

	/** A page whose URL and names did not change (most edits) keeps its entries: nothing to do. */
	replace(path: string, page: PageSummary): boolean {
		const known = this.pageNumbers.get(path);
		if (known === undefined || this.pageUrls[known] !== page.url) {
			return false;
		}
		const names = namesOfPage(page);
		let i = 0;
		for (let name = this.pageNames[known]; name !== NONE; name = this.nameFields[NAME_FIELDS * name + NEXT_OF_PAGE]) {
			if (names[i++] !== this.nameTexts[name]) {
				return false;
			}
		}
		return i === names.length;
	}

	/** A new name of `page`, held by no node yet and last of its page. */
	private newName(text: string, page: number): number {
		const id = this.freeNames.pop() ?? this.nameTexts.length;
		this.nameTexts[id] = text;
		this.nameFields = withRoom(this.nameFields, NAME_FIELDS * (id + 1));
		const at = NAME_FIELDS * id;
		this.nameFields[at + PAGE] = page;
		this.nameFields[at + NEXT_OF_PAGE] = NONE;
		this.nameFields[at + NODE] = NONE;
		this.nameFields[at + NEXT_AT_NODE] = NONE;
		return id;
	}

	/** Adds a name's words to the trie, the name last of those ending at its last node. */
	private insert(words: readonly string[], name: number): void {
		let node = 0;
		this.nodeRefs[0]++;
		for (const word of words) {
			const id = this.internWord(word);
			let next = this.edges.get(node, id);
			if (next < 0) {
				next = this.newNode();
				this.edges.set(node, id, next);
			}
			this.nodeRefs[next]++;
			node = next;
		}
		const fields = this.nameFields;
		fields[NAME_FIELDS * name + NODE] = node;
		let last = this.nodeNames[node];
		if (last === NONE) {
			this.nodeNames[node] = name;
		} else {
			while (fields[NAME_FIELDS * last + NEXT_AT_NODE] !== NONE) {
				last = fields[NAME_FIELDS * last + NEXT_AT_NODE];
			}
			fields[NAME_FIELDS * last + NEXT_AT_NODE] = name;
		}
		this.trieNames++;
	}

	/** Takes a name the trie holds out of it: its words (numbered as `insert` numbered them) and its place among the names of its node. */
	private delete(name: number): void {
		const ids = wordsOfName(this.nameTexts[name]).map(word => this.wordIds.get(word)!);
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
		const fields = this.nameFields;
		const after = fields[NAME_FIELDS * name + NEXT_AT_NODE];
		if (this.nodeNames[node] === name) {
			this.nodeNames[node] = after;
		} else {
			let before = this.nodeNames[node];
			while (fields[NAME_FIELDS * before + NEXT_AT_NODE] !== name) {
				before = fields[NAME_FIELDS * before + NEXT_AT_NODE];
			}
			fields[NAME_FIELDS * before + NEXT_AT_NODE] = after;
		}
		fields[NAME_FIELDS * name + NODE] = NONE;
		fields[NAME_FIELDS * name + NEXT_AT_NODE] = NONE;
		this.trieNames--;
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
		this.nodeNames = withRoom(this.nodeNames, this.nodeRefs.length, NONE);
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
