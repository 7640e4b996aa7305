import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { repoRoot } from '../support/paths';
import { sourceFilesUnder } from '../support/sourceTrees';

/**
 * The vault service keeps no module-level mutable state: its caches and pools
 * live in objects it owns (one per vault), so two vaults, or two tests, never
 * share one. Checked on the source: no top-level `let` or `var`, and every
 * top-level Map, Set, WeakMap or WeakSet typed as read-only.
 */
const SERVICE = path.join(repoRoot, 'server', 'src', 'service');
const COLLECTIONS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet']);

/** `name (line N): why` for each piece of module-level mutable state in a source text. */
function moduleStateOf(fileName: string, text: string): string[] {
	const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
	const found: string[] = [];
	for (const statement of source.statements) {
		if (!ts.isVariableStatement(statement)) {
			continue;
		}
		const list = statement.declarationList;
		const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
		for (const declaration of list.declarations) {
			const name = declaration.name.getText(source);
			const line = source.getLineAndCharacterOfPosition(declaration.getStart(source)).line + 1;
			if (!isConst) {
				found.push(`${name} (line ${line}): a module-level ${list.flags & ts.NodeFlags.Let ? 'let' : 'var'}`);
				continue;
			}
			const init = declaration.initializer;
			if (init && ts.isNewExpression(init) && ts.isIdentifier(init.expression) && COLLECTIONS.has(init.expression.text)) {
				const type = declaration.type?.getText(source) ?? '';
				if (!type.startsWith('Readonly')) {
					found.push(`${name} (line ${line}): a module-level ${init.expression.text} (type it Readonly${init.expression.text === 'Map' ? 'Map' : 'Set'} if it is a constant table)`);
				}
			}
		}
	}
	return found;
}

describe('service: no module-level mutable state', () => {
	it('finds none in server/src/service', () => {
		const problems = sourceFilesUnder(SERVICE, { skipFolder: () => false, keepFile: name => name.endsWith('.ts') && !name.endsWith('.d.ts') }).flatMap(file => moduleStateOf(file, fs.readFileSync(file, 'utf8')).map(problem => `${path.relative(repoRoot, file)}: ${problem}`));
		assert.deepStrictEqual(problems, []);
	});

	it('would find a module-level let, var and mutable collection', () => {
		const text = [
			'let lastMatched = 0;',
			'var legacy = 1;',
			'const pool = new Map<string, string>();',
			'const names: ReadonlySet<string> = new Set([\'a\']);',
			'const LIMIT = 4;',
			'export function f(): number { let local = 1; return local + LIMIT; }',
		].join('\n');
		assert.deepStrictEqual(moduleStateOf('probe.ts', text), [
			'lastMatched (line 1): a module-level let',
			'legacy (line 2): a module-level var',
			'pool (line 3): a module-level Map (type it ReadonlyMap if it is a constant table)',
		]);
	});
});
