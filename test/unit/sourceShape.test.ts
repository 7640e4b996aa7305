import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../support/paths';
import { SOURCE_TREES, SourceWalk, sourceFilesUnder } from '../support/sourceTrees';

/** Longest source file allowed (issue 10): past that a file holds more than one thing to understand. */
const MAX_LINES = 600;
/** Test data, not code: generated markdown vaults and the like. */
const EXCLUDED_FOLDERS = [path.join(repoRoot, 'test', 'fixtures')];

const CODE_FILES: SourceWalk = {
	skipFolder: folder => EXCLUDED_FOLDERS.includes(folder),
	keepFile: name => /\.(ts|js|mjs)$/.test(name),
};

/** Lines as an editor numbers them: a final newline does not start another line. */
function lineCount(text: string): number {
	if (text.length === 0) {
		return 0;
	}
	const newlines = text.split('\n').length - 1;
	return text.endsWith('\n') ? newlines : newlines + 1;
}

function codeFiles(): string[] {
	return SOURCE_TREES.flatMap(tree => sourceFilesUnder(path.join(repoRoot, tree), CODE_FILES));
}

describe('the shape of the source', () => {
	it('counts lines as an editor does', () => {
		assert.strictEqual(lineCount(''), 0);
		assert.strictEqual(lineCount('a'), 1);
		assert.strictEqual(lineCount('a\n'), 1);
		assert.strictEqual(lineCount('a\nb'), 2);
		assert.strictEqual(lineCount('a\n\n'), 2);
	});

	it('looks at the code of every tree and not at the fixtures', () => {
		const files = codeFiles().map(file => path.relative(repoRoot, file).split(path.sep).join('/'));
		for (const expected of ['client/src/extension.ts', 'server/src/node/languageServer.ts', 'test/unit/sourceShape.test.ts', 'bench/run.ts', 'scripts/check.js']) {
			assert.ok(files.includes(expected), `${expected} is not among the ${files.length} files looked at`);
		}
		assert.deepStrictEqual(files.filter(file => file.startsWith('test/fixtures/')), []);
	});

	it(`has no .ts, .js or .mjs file over ${MAX_LINES} lines`, () => {
		const tooLong = codeFiles()
			.map(file => ({ file: path.relative(repoRoot, file), lines: lineCount(fs.readFileSync(file, 'utf8')) }))
			.filter(({ lines }) => lines > MAX_LINES)
			.sort((a, b) => b.lines - a.lines);
		const named = tooLong.map(({ file, lines }) => `${file} (${lines} lines)`);
		assert.deepStrictEqual(named, [], `${named.length} source file(s) over ${MAX_LINES} lines, to split into modules that each do one thing: ${named.join(', ')}`);
	});
});
