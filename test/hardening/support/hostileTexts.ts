/**
 * Hostile page texts, built by name so that a worker thread can build the
 * same text without it being copied across (some are megabytes).
 */

function billionLaughs(levels: number, width: number): string {
	const names = 'abcdefghijklmnopqrstuvwxyz';
	let yaml = `${names[0]}: &${names[0]} [${Array(width).fill('"lol"').join(', ')}]\n`;
	for (let i = 1; i < levels; i++) {
		yaml += `${names[i]}: &${names[i]} [${Array(width).fill(`*${names[i - 1]}`).join(', ')}]\n`;
	}
	return yaml;
}

const PAGE_BODY = '\n# Title\n\nSee [A](/people/a/).\n';

/** YAML bombs: frontmatter blocks that explode, recurse or are simply too big. */
export const YAML_BOMBS: Readonly<Record<string, () => string>> = {
	'billion laughs (9 levels × 9 aliases)': () => `---\n${billionLaughs(9, 9)}title: x\n---${PAGE_BODY}`,
	'alias expansion (20 levels × 2 aliases)': () => `---\n${billionLaughs(20, 2)}---${PAGE_BODY}`,
	'billion laughs in a flow mapping': () => `---\na: &a {x: 1, y: 1}\nb: &b {a: *a, b: *a, c: *a, d: *a, e: *a, f: *a, g: *a, h: *a, i: *a}\n${Array.from({ length: 8 }, (_, i) => `l${i}: &l${i} [${Array(9).fill(i === 0 ? '*b' : `*l${i - 1}`).join(', ')}]`).join('\n')}\n---${PAGE_BODY}`,
	'self-referencing alias in a sequence': () => `---\na: &a [1, *a]\n---${PAGE_BODY}`,
	'self-referencing alias in a mapping': () => `---\na: &a\n  self: *a\n  tags: [x]\n---${PAGE_BODY}`,
	'alias used before its anchor': () => `---\na: *b\nb: &b 1\n---${PAGE_BODY}`,
	'merge-key flood (10,000 `<<` merges)': () => `---\nbase: &b {x: 1, y: 2}\n${Array.from({ length: 10000 }, (_, i) => `k${i}: {<<: *b}`).join('\n')}\n---${PAGE_BODY}`,
	'merge-key list of 1,000 aliases': () => `---\nbase: &b {x: 1}\nm:\n  <<: [${Array(1000).fill('*b').join(', ')}]\n---${PAGE_BODY}`,
	'repeated merge keys in one mapping': () => `---\nbase: &b {x: 1}\nm: {${Array(500).fill('<<: *b').join(', ')}}\n---${PAGE_BODY}`,
	'100,000 keys': () => `---\n${Array.from({ length: 100000 }, (_, i) => `k${i}: v`).join('\n')}\n---${PAGE_BODY}`,
	'30,000 keys (under the size limit)': () => `---\n${Array.from({ length: 30000 }, (_, i) => `k${i}: v`).join('\n')}\n---${PAGE_BODY}`,
	'10,000-deep flow sequences': () => `---\na: ${'['.repeat(10000)}${']'.repeat(10000)}\n---${PAGE_BODY}`,
	'10,000-deep flow mappings': () => `---\na: ${'{a: '.repeat(10000)}1${'}'.repeat(10000)}\n---${PAGE_BODY}`,
	'10,000-deep compact block sequences': () => `---\na:\n${'- '.repeat(10000)}x\n---${PAGE_BODY}`,
	'700-deep block mappings by indentation': () => `---\n${Array.from({ length: 700 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n---${PAGE_BODY}`,
	'100-deep flow sequences inside quotes (not nesting)': () => `---\ntitle: "${'['.repeat(100)}"\n---${PAGE_BODY}`,
	'1 MB block (over the 256 KiB frontmatter limit)': () => `---\nsummary: ${'x'.repeat(1024 * 1024)}\n---${PAGE_BODY}`,
	'5 MB block': () => `---\nsummary: ${'x'.repeat(5 * 1024 * 1024)}\n---${PAGE_BODY}`,
	'5 MB unclosed block': () => `---\n${'k: v\n'.repeat(1024 * 1024)}`,
	'256 KiB of aliases to one anchor': () => `---\na: &a {x: [1, 2, 3]}\nb: [${Array(40000).fill('*a').join(',')}]\n---${PAGE_BODY}`,
	'TOML: 10,000-deep arrays': () => `+++\na = ${'['.repeat(10000)}${']'.repeat(10000)}\n+++${PAGE_BODY}`,
	'TOML: 10,000-deep inline tables': () => `+++\na = ${'{ a = '.repeat(10000)}1${' }'.repeat(10000)}\n+++${PAGE_BODY}`,
	'TOML: 30,000 keys (under the size limit)': () => `+++\n${Array.from({ length: 30000 }, (_, i) => `k${i} = 1`).join('\n')}\n+++${PAGE_BODY}`,
	'TOML: an array over 40,000 lines (under the size limit)': () => `+++\na = [\n${'  1,\n'.repeat(40000)}]\n+++${PAGE_BODY}`,
	'TOML: 5 MB block': () => `+++\nsummary = "${'x'.repeat(5 * 1024 * 1024)}"\n+++${PAGE_BODY}`,
};

/** Markdown bodies that are cheap to write and expensive to scan carelessly. */
export const PATHOLOGICAL_MARKDOWN: Readonly<Record<string, () => string>> = {
	'100,000 `>` on one line': () => '>'.repeat(100000),
	'40,000 nested `- ` list markers': () => `${'- '.repeat(40000)}x`,
	'40,000 nested `* ` list markers': () => `${'* '.repeat(40000)}x`,
	'40,000 nested `1. ` list markers': () => `${'1. '.repeat(40000)}x`,
	'40,000 nested `> ` quotes': () => `${'> '.repeat(40000)}x`,
	'5,000 lines of growing `>` nesting': () => Array.from({ length: 5000 }, (_, i) => `${'>'.repeat(i)} x`).join('\n'),
	'600 list levels by indentation': () => Array.from({ length: 600 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n'),
	'100,000 `[`': () => '['.repeat(100000),
	'50,000 `![`': () => '!['.repeat(50000),
	'50,000 `[a](`': () => '[a]('.repeat(50000),
	'100,000 backticks': () => '`'.repeat(100000),
	'100,000 `<`': () => '<'.repeat(100000),
	'50,000 `*_`': () => '*_'.repeat(50000),
	'50,000 `[^`': () => '[^'.repeat(50000),
	'30,000 nested link brackets': () => `${'[a '.repeat(30000)}${'](/b/)'.repeat(30000)}`,
	'100,000 headings': () => '# h\n'.repeat(100000),
	'10,000 reference definitions and uses': () => `${Array.from({ length: 10000 }, (_, i) => `[r${i}]: /a/b${i}/`).join('\n')}\n${Array.from({ length: 10000 }, (_, i) => `[x][r${i}]`).join(' ')}`,
	'10,000 lone surrogates around links': () => '\ud800[x](/a/\udc00/)'.repeat(10000),
	'2 MB line of links (just under the page limit)': () => 'w [l](/people/case/) '.repeat(Math.floor((2 * 1024 * 1024 - 100) / 21)),
};
