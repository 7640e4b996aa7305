/**
 * Link destinations written to leave a vault, generated from the ways a path
 * can be spelled: `..` and its percent-encodings (single, double, triple,
 * mixed case), every separator (`/`, `\`, `%2f`, `%5c`, double-encoded),
 * network paths, drive letters and NUL or control bytes. Each one resolved
 * from `people/a.md` climbs above the vault root or is not a vault path.
 */
export interface HostileDestination {
	readonly destination: string;
	readonly family: string;
}

const PARENTS: readonly (readonly [string, string])[] = [
	['..', 'plain'],
	['%2e%2e', 'encoded'],
	['%2E%2E', 'encoded upper case'],
	['.%2e', 'half encoded'],
	['%2E.', 'half encoded upper case'],
	['%252e%252e', 'double encoded'],
	['%25252e%25252e', 'triple encoded'],
	['%2e%2E', 'mixed case'],
];

const SEPARATORS: readonly (readonly [string, string])[] = [
	['/', 'slash'],
	['\\', 'backslash'],
	['%2f', 'encoded slash'],
	['%2F', 'encoded slash upper case'],
	['%5c', 'encoded backslash'],
	['%255c', 'double-encoded backslash'],
	['%252F', 'double-encoded slash'],
];

const PREFIXES = ['', '/', './', '/people/', 'people/'];
const TARGETS = ['etc/passwd', 'outside/secret.md', 'secret/', 'x.png'];
const CLIMB = 8;

export function hostileDestinations(): HostileDestination[] {
	const out: HostileDestination[] = [];
	let n = 0;
	for (const [parent, parentName] of PARENTS) {
		for (const [separator, separatorName] of SEPARATORS) {
			// Rotate prefixes and targets so every pair of spellings is present without a full product.
			const prefix = PREFIXES[n % PREFIXES.length];
			const target = TARGETS[n % TARGETS.length];
			n++;
			out.push({ destination: `${prefix}${Array(CLIMB).fill(parent).join(separator)}${separator}${target}`, family: `${parentName} parents, ${separatorName}` });
			out.push({ destination: `/${parent}${separator}${target}`, family: `${parentName} parent from the root, ${separatorName}` });
			out.push({ destination: `/people/x${separator}${Array(CLIMB).fill(parent).join(separator)}${separator}${target}#frag`, family: `${parentName} after a folder, ${separatorName}, with a fragment` });
			out.push({ destination: `${Array(CLIMB).fill(parent).join(separator)}${separator}${target}?q=1`, family: `${parentName} relative, ${separatorName}, with a query` });
		}
	}
	const network = [
		'//host/share', '//host', '//127.0.0.1/c$/x.md', '\\\\host\\share', '\\\\host\\share\\x.md', '/\\host/x', '\\/host/x',
		'%2f%2fhost/x', '%2F%2Fhost/x', '/%2fhost/x', '%5c%5chost%5cx', '%255c%255chost/x', '\\\\?\\C:\\x.md', '\\\\.\\pipe\\x',
	];
	for (const destination of network) {
		out.push({ destination, family: 'network path' });
	}
	const drives = [
		'C:/Windows/win.ini', 'c:/x.md', 'C:\\x.md', 'C:x.md', 'z:\\', 'C%3a/x.md', 'C%3A%5cx.md', '%43:/x.md', 'C%253a/x.md', 'd:..\\..\\x', 'C|/x.md'.replace('|', ':'),
	];
	for (const destination of drives) {
		out.push({ destination, family: 'drive letter' });
	}
	const controls = [
		'%00', '..%00/x', '/people/x%00.md', '/people/x.md%00.png', '%2500', '/people/%0a../x', '/people/x%0d%0a', '%01/x', '/people/%1f/', '%25%30%30', '/a/%2500/../x',
	];
	for (const destination of controls) {
		out.push({ destination, family: 'NUL or control byte' });
	}
	const mixed = [
		'/people/../../x/', '/../x/', '/..', '../../..', '../../../', '/people/..%2f..%2f..%2fetc/passwd', '/%2e%2e/%2e%2e/etc/', '..\\..\\..\\windows\\', '/people/.%2e/.%2e/x',
		'./../../../x.md', '.../../../../../x', '/people/./../../x', '%2e%2e%5c%2e%2e%5c%2e%2e%5cx', '..%255c..%255c..%255cx', '/people%2f..%2f..%2fx', '/x/..%5c..%5c..%5cy',
	];
	for (const destination of mixed) {
		out.push({ destination, family: 'mixed' });
	}
	return out;
}

/**
 * Destinations that look like an escape but are ordinary names inside the
 * vault (dots that are not ASCII full stops, escapes nested deeper than any
 * server decodes): they must never resolve above the root.
 */
export function lookalikeDestinations(): string[] {
	return [
		'/\u2025/\u2025/etc/', '/\uff0e\uff0e/\uff0e\uff0e/x/', '/%E2%80%A5/x/', '/\u2024\u2024/x/', '/\u3002\u3002/x/', '/people/\u2026/x/',
		'/%2525252e%2525252e/x/', '/people/..x/', '/people/x../', '/people/...', '/people/.../x/', '/.hidden/x/', '/people/%2e/x/',
		'/\u0660\u0660/x/', '/people/\u00b7\u00b7/x/', '..', '../', '.../../x', '../x.md', '%2e%2e%5cx',
	];
}
