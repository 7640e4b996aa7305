import * as fs from 'fs';
import * as path from 'path';
import { isMarkdownPath } from '../../server/src/service/vault/vaultPaths';
import { checkFolder } from './checkCommand';

/** A page with every required frontmatter field, so that the fixture's only problems are those it plants. */
export function movePage(title: string, body: string): string {
	return ['---', `title: ${title}`, 'summary: A page of the move fixture.', 'category: test', 'tags:', '  - Test', 'created: 2026-01-01', 'updated: 2026-01-02', '---', '', body, ''].join('\n');
}

/**
 * The spellings a link to /people/robert-maxwell/ is written in, from a page
 * of places/: the link, and the reference definition it needs (`n` makes its
 * label unique).
 */
const MAXWELL_SPELLINGS: ((n: number) => { link: string; definition?: string })[] = [
	() => ({ link: '[RM](/people/robert-maxwell/)' }),
	() => ({ link: '[RM](/people/robert-maxwell)' }),
	() => ({ link: '[RM](</people/robert-maxwell/>)' }),
	n => ({ link: `[RM][rm-${n}]`, definition: `[rm-${n}]: /people/robert-maxwell/` }),
	() => ({ link: '[RM](../people/robert-maxwell.md)' }),
	() => ({ link: '[RM](/people/robert-maxwell/#early-life)' }),
	() => ({ link: '[RM](/people/robert-maxwell/?ref=list)' }),
	() => ({ link: '[RM](../people/robert-maxwell.md#early-life)' }),
	() => ({ link: '[RM](/people/robert-maxwell/ "Robert Maxwell")' }),
];

/** The page of decoys: one real link, and the same link in code, a fenced block and an HTML comment, which no move may touch. */
export const DECOYS = [
	'Real: [RM](/people/robert-maxwell/) and [Program](/programs/prog-0/)',
	'',
	'Code span: `[RM](/people/robert-maxwell/)` and `/programs/prog-0/`',
	'',
	'```',
	'[RM](/people/robert-maxwell/) [Program](../programs/prog-0.md)',
	'```',
	'',
	'<!-- [RM](/people/robert-maxwell/) [Program](/programs/prog-0/) -->',
].join('\n');

/**
 * Writes the fixture vault of the move tests into `dir`: `people/robert-maxwell.md`
 * with two links from each of `linkers` pages of `places/` in every spelling
 * (`MAXWELL_SPELLINGS`), and a section `programs/` of `programs` pages linked
 * from places/ (two links each) and linking each other and out of their
 * folder relatively. Planted problems, each on a line of its own: broken
 * links, an unused and a missing footnote.
 */
export function writeMoveFixture(dir: string, linkers: number, programs: number): void {
	const write = (relative: string, text: string) => {
		fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
		fs.writeFileSync(path.join(dir, relative), text);
	};
	write('people/robert-maxwell.md', movePage('Robert Maxwell', [
		'A publisher. See [Ghislaine](ghislaine.md), [London](../places/london.md) and [the first program](/programs/prog-0/).',
		'',
		'## Early life',
		'',
		'Born in 1923.',
	].join('\n')));
	write('people/ghislaine.md', movePage('Ghislaine', [
		'Daughter of [Robert Maxwell](robert-maxwell.md).',
		'',
		'[Nobody](/people/nobody/)',
		'',
		'[^9]: A footnote nothing uses.',
	].join('\n')));
	write('places/london.md', movePage('London', 'A city.'));
	write('places/decoys.md', movePage('Decoys', DECOYS));
	for (let i = 0; i < linkers; i++) {
		const spellings = [MAXWELL_SPELLINGS[i % MAXWELL_SPELLINGS.length](2 * i), MAXWELL_SPELLINGS[(i + 4) % MAXWELL_SPELLINGS.length](2 * i + 1)];
		const program = i % programs;
		const definitions = spellings.flatMap(spelling => (spelling.definition === undefined ? [] : ['', spelling.definition]));
		write(`places/p-${i}.md`, movePage(`Place ${i}`, [
			`First ${spellings[0].link}, a program [P](/programs/prog-${program}/).`,
			'',
			`Then ${spellings[1].link}, and [another](../programs/prog-${(program + 1) % programs}.md).`,
			...definitions,
		].join('\n')));
	}
	for (let i = 0; i < programs; i++) {
		const lines = [
			`Next: [next](prog-${(i + 1) % programs}.md), previous [prev](/programs/prog-${(i + programs - 1) % programs}/), run from [London](/places/london/).`,
			'',
			`Founded by [RM](../people/robert-maxwell.md#early-life), see [also](./prog-${(i + 2) % programs}.md).`,
		];
		if (i === 1) {
			lines.push('', '[Nobody else](/people/nobody-else/)', '', 'A claim.[^x]');
		}
		write(`programs/prog-${i}.md`, movePage(`Program ${i}`, lines.join('\n')));
	}
}

/** Every markdown file under `dir`, by `/`-separated path relative to it → its text. */
export function readMarkdownFiles(dir: string): Map<string, string> {
	const texts = new Map<string, string>();
	for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (entry.isFile() && isMarkdownPath(entry.name)) {
			const absolute = path.join(entry.parentPath, entry.name);
			texts.set(path.relative(dir, absolute).split(path.sep).join('/'), fs.readFileSync(absolute, 'utf8'));
		}
	}
	return texts;
}

export interface CheckedProblem {
	readonly file: string;
	readonly line: number;
	readonly column: number;
	readonly code: string;
	readonly severity: string;
	readonly message: string;
}

/** `entity-vault check DIR --format json` (the CLI), its problems sorted. */
export function checkWithCli(dir: string, ...args: string[]): CheckedProblem[] {
	return checkFolder(dir, ...args).diagnostics
		.map(({ file, line, column, code, severity, message }) => ({ file, line, column, code, severity, message }))
		.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}
