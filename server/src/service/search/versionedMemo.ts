/**
 * Answers kept by key while a version (and the scope they were asked in, when
 * given) does not change: the first lookup at a new version or in another
 * scope forgets every earlier answer. At most `maxSize` answers are kept;
 * when full, the memo starts over.
 */
export class VersionedMemo<V> {
	private version = -1;
	private scope: object | undefined;
	private readonly answers = new Map<string, V>();

	constructor(private readonly maxSize: number) { }

	/** The answer for `key` at `version` (in `scope`: settings, rules), computed by `compute` when not kept. */
	get(version: number, key: string, compute: () => V, scope?: object): V {
		let answer = this.kept(version, key, scope);
		if (answer === undefined) {
			answer = compute();
			this.keep(key, answer);
		}
		return answer;
	}

	/**
	 * The answer kept for `key` at `version` (in `scope`), undefined when none
	 * is: `get` without its `compute` closure, for a caller asking millions of
	 * times (a link's target URL), which then gives the answer it computes to `keep`.
	 */
	kept(version: number, key: string, scope?: object): V | undefined {
		if (this.version !== version || this.scope !== scope) {
			this.answers.clear();
			this.version = version;
			this.scope = scope;
		}
		return this.answers.get(key);
	}

	/** Keeps `answer` for `key` at the version and scope `kept` was last asked at (right before, not kept). */
	keep(key: string, answer: V): void {
		if (this.answers.size >= this.maxSize) {
			this.answers.clear();
		}
		this.answers.set(key, answer);
	}
}
