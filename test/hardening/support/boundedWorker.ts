import { parentPort, workerData } from 'worker_threads';
import { createVaultService } from '../../../server/src/service/vaultService';
import { PATHOLOGICAL_MARKDOWN, YAML_BOMBS } from './hostileTexts';

/**
 * Worker of `runBounded`: builds one hostile text by name, feeds it to a
 * fresh vault service and reports what came out and how long it took. Run
 * in a worker so a case that does not terminate can be stopped.
 */
export interface BoundedCase {
	readonly table: 'yaml' | 'markdown';
	readonly name: string;
}

export interface BoundedOutcome {
	readonly ms: number;
	readonly indexed: boolean;
	readonly quarantined?: string;
	readonly codes: string[];
	readonly problemKinds: string[];
	readonly messages: string[];
	readonly dataValues?: number;
	readonly threw?: string;
}

function countValues(value: unknown, seen: Set<unknown>): number {
	if (value === null || typeof value !== 'object' || seen.has(value)) {
		return 1;
	}
	seen.add(value);
	let count = 1;
	for (const child of Array.isArray(value) ? value : Object.values(value as Record<string, unknown>)) {
		count += countValues(child, seen);
	}
	return count;
}

const { table, name } = workerData as BoundedCase;
const text = (table === 'yaml' ? YAML_BOMBS : PATHOLOGICAL_MARKDOWN)[name]();
const service = createVaultService();
const start = performance.now();
let outcome: BoundedOutcome;
try {
	service.updatePage('people/case.md', text);
	const diagnostics = service.diagnostics('people/case.md');
	const page = service.getPage('people/case.md');
	// Walk what a feature would walk: the data, the links, the headings.
	const dataValues = page?.frontmatter.data ? countValues(page.frontmatter.data, new Set()) : undefined;
	void page?.links.length;
	void page?.headings.length;
	outcome = {
		ms: performance.now() - start,
		indexed: page !== undefined,
		quarantined: service.quarantined('people/case.md'),
		codes: diagnostics.map(d => d.code),
		problemKinds: (page?.frontmatter.problems ?? []).map(p => p.kind),
		messages: diagnostics.map(d => d.message.slice(0, 300)),
		dataValues,
	};
} catch (error) {
	outcome = { ms: performance.now() - start, indexed: false, codes: [], problemKinds: [], messages: [], threw: String((error as Error)?.stack ?? error) };
}
parentPort!.postMessage(outcome);
