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
		if (this.version !== version || this.scope !== scope) {
			this.answers.clear();
			this.version = version;
			this.scope = scope;
		}
		let answer = this.answers.get(key);
		if (answer === undefined) {
			answer = compute();
			if (this.answers.size >= this.maxSize) {
				this.answers.clear();
			}
			this.answers.set(key, answer);
		}
		return answer;
	}
}
