import * as assert from 'assert';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { createVaultService, type VaultService } from '../../server/src/service/vaultService';
import { recordFigure } from './support/figures';
import { divergences, FUZZ_PAGES, stepArb, type FuzzStep } from './support/fuzzVault';

/** Steps between two comparisons with a from-scratch index. */
const CHECK_EVERY = 100;
const RUNS = 100;
const SEED = 6_2026;

class FuzzVault {
	readonly service: VaultService = createVaultService();
	readonly documents = new Map<string, TextDocument>();
	readonly paths = Object.keys(FUZZ_PAGES);
	readonly exceptions: string[] = [];
	requests = 0;
	cancelled = 0;
	edits = 0;

	constructor() {
		for (const [path, text] of Object.entries(FUZZ_PAGES)) {
			this.documents.set(path, TextDocument.create(`file:///v/${path}`, 'markdown', 1, text));
			this.service.updatePage(path, text);
		}
	}

	texts(): Map<string, string> {
		return new Map([...this.documents].map(([path, document]) => [path, document.getText()]));
	}

	apply(step: FuzzStep): void {
		const path = this.paths[step.page];
		try {
			if (step.kind === 'remove') {
				this.documents.delete(path);
				this.service.removePage(path);
				return;
			}
			let document = this.documents.get(path);
			if (step.kind === 'edit') {
				this.edits++;
				if (!document) {
					document = TextDocument.create(`file:///v/${path}`, 'markdown', 1, FUZZ_PAGES[path]);
				}
				const range: Range = { start: { line: step.startLine, character: step.startCharacter }, end: { line: step.startLine + step.lines, character: step.endCharacter } };
				// An editor never sends an inverted range.
				const start = document.offsetAt(range.start);
				const end = document.offsetAt(range.end);
				const ordered = start <= end ? range : { start: range.end, end: range.start };
				document = TextDocument.update(document, [{ range: ordered, text: step.text }], document.version + 1);
				this.documents.set(path, document);
				this.service.updatePage(path, document.getText());
				return;
			}
			const page = this.service.getPage(path);
			if (!document || !page) {
				return;
			}
			this.requests++;
			const text = document.getText();
			const position: Position = { line: step.line, character: step.character };
			const token = { isCancellationRequested: step.cancelled };
			if (step.cancelled) {
				this.cancelled++;
			}
			const service = this.service;
			switch (step.feature) {
				case 'hover':
					service.hover(path, text, position);
					break;
				case 'definition':
					service.definition(path, text, position);
					break;
				case 'completion':
					service.completion(path, text, position, token);
					break;
				case 'references':
					service.references(path, text, position, true, token);
					break;
				case 'documentLinks':
					service.documentLinks(path, text);
					break;
				case 'documentSymbols':
					service.documentSymbols(path, text);
					break;
				case 'codeAction': {
					const diagnostics = service.diagnostics(path);
					service.codeActions(path, text, { start: position, end: { line: position.line + 2, character: 0 } }, diagnostics, '2026-05-14');
					break;
				}
			}
		} catch (error) {
			this.exceptions.push(`${JSON.stringify(step)}: ${(error as Error)?.stack ?? error}`);
		}
	}
}

describe('hardening: fuzzing the vault service with incremental edits', function () {
	this.timeout(240000);

	it(`${RUNS} × ${CHECK_EVERY} random edits, requests and cancellations: the index and diagnostics equal a from-scratch reindex every ${CHECK_EVERY} steps, zero exceptions`, () => {
		let steps = 0;
		let comparisons = 0;
		let divergent = 0;
		let exceptions = 0;
		let edits = 0;
		let requests = 0;
		let cancelled = 0;
		const firstProblems: string[] = [];
		fc.assert(fc.property(fc.array(stepArb, { minLength: CHECK_EVERY, maxLength: CHECK_EVERY }), run => {
			const vault = new FuzzVault();
			for (const step of run) {
				vault.apply(step);
			}
			steps += run.length;
			comparisons++;
			const differences = divergences(vault.service, vault.texts());
			edits += vault.edits;
			requests += vault.requests;
			cancelled += vault.cancelled;
			exceptions += vault.exceptions.length;
			if (differences.length > 0) {
				divergent++;
			}
			if ((differences.length > 0 || vault.exceptions.length > 0) && firstProblems.length === 0) {
				firstProblems.push(...vault.exceptions.slice(0, 3), ...differences.slice(0, 5));
			}
			return true;
		}), { numRuns: RUNS, seed: SEED });
		const inputs = `${steps} steps (${edits} edits, ${requests} requests of which ${cancelled} cancelled) in ${RUNS} runs, seed ${SEED}`;
		recordFigure({ area: 'Fuzzing', test: 'Service fuzz: incremental edits vs from-scratch reindex', inputs, figure: `divergent comparisons (of ${comparisons})`, value: divergent, expected: 0 });
		recordFigure({ area: 'Fuzzing', test: 'Service fuzz: incremental edits vs from-scratch reindex', inputs, figure: 'exceptions', value: exceptions, expected: 0 });
		assert.deepStrictEqual(firstProblems, []);
		assert.ok(steps >= 4000);
	});

	it('lines of every summary agree with an independent line counter (CR, LF, CRLF, lone CR, U+2028 is no line break)', () => {
		let mismatches = 0;
		let texts = 0;
		fc.assert(fc.property(fc.array(fc.constantFrom('a', '\n', '\r', '\r\n', '😀', '\ud83d', '---\n', '[x](/a/b/)', '\u2028', '\u0085'), { maxLength: 60 }), parts => {
			const text = parts.join('');
			texts++;
			const service = createVaultService();
			service.updatePage('people/x.md', text);
			const page = service.getPage('people/x.md')!;
			const document = TextDocument.create('file:///x.md', 'markdown', 1, text);
			const expected = Array.from({ length: document.lineCount }, (_, line) => document.offsetAt({ line, character: 0 }));
			if (JSON.stringify(Array.from(page.lineStarts)) !== JSON.stringify(expected)) {
				mismatches++;
			}
			return true;
		}), { numRuns: 2000, seed: SEED });
		recordFigure({ area: 'Fuzzing', test: 'Line starts agree with vscode-languageserver-textdocument', inputs: `${texts} random texts of line ends, emoji, lone surrogates`, figure: 'texts whose line starts differ', value: mismatches, expected: 0 });
		assert.strictEqual(mismatches, 0);
	});
});
