import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { repoRoot } from '../support/paths';
import { SOURCE_TREES, SourceWalk, sourceFilesUnder } from '../support/sourceTrees';

/** The TypeScript modules of the source trees (fixtures aside), whose imports must not go round in a circle. */
const MODULES: SourceWalk = {
	skipFolder: folder => path.basename(folder) === 'fixtures',
	keepFile: name => name.endsWith('.ts') && !name.endsWith('.d.ts'),
};

/** The source file a relative module specifier names, if it is one of ours. */
function resolveRelative(from: string, specifier: string): string | undefined {
	if (!specifier.startsWith('.')) {
		return undefined;
	}
	const base = path.resolve(path.dirname(from), specifier);
	return [`${base}.ts`, path.join(base, 'index.ts'), base].find(candidate => candidate.endsWith('.ts') && fs.existsSync(candidate));
}

/**
 * Every relative import of every file, `import type` and `export … from` included: import-x/no-cycle
 * (in eslint.config.mjs) does not follow type-only imports, and a circle of types is a circle of
 * modules that cannot be understood, or moved, one at a time.
 */
function importGraph(files: readonly string[]): Map<string, string[]> {
	const graph = new Map<string, string[]>();
	for (const file of files) {
		const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
		graph.set(file, importedFiles.map(reference => resolveRelative(file, reference.fileName)).filter((target): target is string => target !== undefined));
	}
	return graph;
}

/** The strongly connected components of more than one module, and the modules that import themselves (Tarjan). */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const cycles: string[][] = [];
	const visit = (node: string): void => {
		index.set(node, index.size);
		low.set(node, index.get(node)!);
		stack.push(node);
		onStack.add(node);
		for (const next of graph.get(node) ?? []) {
			if (!index.has(next)) {
				visit(next);
				low.set(node, Math.min(low.get(node)!, low.get(next)!));
			} else if (onStack.has(next)) {
				low.set(node, Math.min(low.get(node)!, index.get(next)!));
			}
		}
		if (low.get(node) === index.get(node)) {
			const component: string[] = [];
			let member: string;
			do {
				member = stack.pop()!;
				onStack.delete(member);
				component.push(member);
			} while (member !== node);
			if (component.length > 1 || (graph.get(node) ?? []).includes(node)) {
				cycles.push(component.sort());
			}
		}
	};
	for (const node of graph.keys()) {
		if (!index.has(node)) {
			visit(node);
		}
	}
	return cycles;
}

describe('import cycles', () => {
	it('finds a circle of type-only imports, and a module importing itself', () => {
		const graph = new Map([
			['a.ts', ['b.ts']],
			['b.ts', ['c.ts']],
			['c.ts', ['a.ts', 'd.ts']],
			['d.ts', []],
			['e.ts', ['e.ts']],
		]);
		assert.deepStrictEqual(cyclesOf(graph), [['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ev-cycles-'));
		try {
			fs.writeFileSync(path.join(dir, 'owner.ts'), "import { register } from './handler';\nregister();\n");
			fs.writeFileSync(path.join(dir, 'handler.ts'), "import type { State } from './owner';\nexport function register(_state?: State): void { }\n");
			const files = [path.join(dir, 'owner.ts'), path.join(dir, 'handler.ts')];
			assert.deepStrictEqual(cyclesOf(importGraph(files)), [files.slice().sort()]);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('has none in the source, the tests, the benchmarks or the scripts, type-only imports included', () => {
		const files = SOURCE_TREES.flatMap(tree => sourceFilesUnder(path.join(repoRoot, tree), MODULES));
		assert.ok(files.length > 100, `only ${files.length} files found`);
		const cycles = cyclesOf(importGraph(files)).map(cycle => cycle.map(file => path.relative(repoRoot, file)));
		assert.deepStrictEqual(cycles, []);
	});
});
