import picomatch from 'picomatch/posix';

/**
 * The one place glob patterns are compiled: picomatch (the matcher behind
 * micromatch, fast-glob and chokidar), POSIX paths whatever the platform,
 * so `**`, `*`, `?`, braces (`{a,b}`; ranges such as `{1..3}` are not expanded), classes (`[a-z]`,
 * `[[:alpha:]]`) and extglobs (`+(a|b)`) mean what they mean there.
 * Patterns are written relative to the vault root: a leading `./` and
 * trailing slashes are dropped.
 */

export interface CompiledGlob {
	/** The pattern as written, without its `!`. */
	readonly pattern: string;
	/** Written with a leading `!`. */
	readonly negated: boolean;
	/** The literal folder the pattern starts with (`drafts/old` for `drafts/old/*.md`), '' when it starts with a wildcard. */
	readonly base: string;
	readonly matches: (path: string) => boolean;
}

/** Compiles one pattern; a leading `!` is reported as `negated`, not applied (what it means is the caller's list's to say). */
export function compileGlob(written: string): CompiledGlob {
	const trimmed = written.trim();
	const negated = trimmed.startsWith('!');
	const pattern = (negated ? trimmed.slice(1) : trimmed).replace(/^\.\//, '').replace(/\/+$/, '');
	return { pattern, negated, base: picomatch.scan(pattern).base, matches: picomatch(pattern) };
}

/**
 * A matcher of link destinations as written (`g`, `{{*`): any of the
 * patterns, taken as written, a dot matched like any other character
 * (negation as picomatch has it: `!x` matches what `x` does not).
 */
export function destinationMatcher(patterns: string | readonly string[]): (destination: string) => boolean {
	return picomatch(typeof patterns === 'string' ? patterns : [...patterns], { dot: true });
}
