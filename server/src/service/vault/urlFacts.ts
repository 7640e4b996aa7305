import type { PageSummary } from '../parse/pageSummary';

/**
 * What checking a link reads of the index about its target URL: the same
 * for every link to that URL, whichever page links it.
 */
export interface UrlFacts {
	/** A page is published at the URL, or it is a section's list page or a taxonomy page (`urlExists`). */
	readonly exists: boolean;
	/** The page published at it (`VaultIndex.pageForUrl`). */
	readonly page: PageSummary | undefined;
}

/**
 * The facts of the URLs links name, each looked up once per index version
 * and site rules: a vault's links name far fewer URLs than there are links
 * (2.5 million links to about 160,000 URLs at 100,000 pages), and a lookup in
 * the index's maps of every URL costs a few cache misses. The first lookup at
 * another version (or under other rules) forgets every earlier answer; at
 * most `maxSize` are kept, the memo starting over when full.
 */
export class UrlFactsMemo {
	private version = -1;
	private rules: object | undefined;
	private readonly facts = new Map<string, UrlFacts>();

	constructor(private readonly maxSize = 250_000) { }

	/** The facts of `url` at `version` under `rules`, made by `compute` when not kept. */
	get(version: number, rules: object, url: string, compute: (url: string) => UrlFacts): UrlFacts {
		if (this.version !== version || this.rules !== rules) {
			this.facts.clear();
			this.version = version;
			this.rules = rules;
		}
		let facts = this.facts.get(url);
		if (facts === undefined) {
			facts = compute(url);
			if (this.facts.size >= this.maxSize) {
				this.facts.clear();
			}
			this.facts.set(url, facts);
		}
		return facts;
	}
}
