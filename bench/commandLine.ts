/**
 * Walks `--flag value` and `--flag=value` arguments, calling `handle` with
 * each flag and a `value()` that reads its value (an error names the flag
 * when it has none). Shared by the bench, the generator and the soak.
 */
export function forEachFlag(argv: readonly string[], handle: (flag: string, value: () => string, argument: string) => void): void {
	for (let i = 0; i < argv.length; i++) {
		const argument = argv[i];
		const [flag, inline] = argument.includes('=') ? argument.split('=', 2) : [argument, undefined];
		handle(flag, () => {
			const value = inline ?? argv[++i];
			if (value === undefined) {
				throw new Error(`${flag} needs a value`);
			}
			return value;
		}, argument);
	}
}
