import * as assert from 'assert';
import fc from 'fast-check';
import { createVaultService } from '../../server/src/service/vaultService';
import { applyVaultEdit } from '../support/applyEdits';

const LINES = [
	'Text.[^a]', 'More 😀 text.[^b] and [^A].', '[^a]: Note A.', '[^b]: Note 👍 B.', '[^c]: Note C.', '[^a]: Again A.',
	'    continued.', '', '', '# Heading[^c]', '> quote[^d]', '- item', '  ', 'Plain paragraph.', '> [^d]: Quoted D.', '   [^b]: Indented B.',
	'```', 'Lazy line[^d]',
];

function nonBlankLines(text: string): string[] {
	return text.split(/\r\n|\n|\r/).filter(line => line.trim() !== '');
}

/** Blank lines that follow a blank line. */
function doubleBlankCount(text: string): number {
	const lines = text.split(/\r\n|\n|\r/);
	if (/[\r\n]$/.test(text)) {
		lines.pop();
	}
	return lines.filter((line, i) => i > 0 && line.trim() === '' && lines[i - 1].trim() === '').length;
}

/** `small` is `big` with one contiguous run of elements taken out. */
function isWithoutOneRun(big: readonly string[], small: readonly string[]): boolean {
	let prefix = 0;
	while (prefix < small.length && small[prefix] === big[prefix]) {
		prefix++;
	}
	let suffix = 0;
	while (suffix < small.length - prefix && small[small.length - 1 - suffix] === big[big.length - 1 - suffix]) {
		suffix++;
	}
	return prefix + suffix === small.length && big.length > small.length;
}

describe('code actions: footnote fixes on generated pages', () => {
	it('fix what they say, keep every other line and the line ending style, add no double blank line', () => {
		const documents = fc.record({
			lines: fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 12 }),
			eol: fc.constantFrom('\n', '\r\n'),
			finalBreak: fc.boolean(),
		});
		fc.assert(fc.property(documents, ({ lines, eol: written, finalBreak }) => {
			const text = lines.join(written) + (finalBreak ? written : '');
			// A page without any line break gets `\n` ones.
			const eol = text.includes(written) ? written : '\n';
			const service = createVaultService();
			service.updatePage('a.md', text);
			const page = service.getPage('a.md')!;
			const diagnostics = service.diagnostics('a.md').filter(d => d.code === 'missing-footnote' || d.code === 'unused-footnote' || d.code === 'duplicate-footnote');
			for (const diagnostic of diagnostics) {
				for (const action of service.codeActions('a.md', text, diagnostic.range, [diagnostic], '2026-06-01')) {
					const texts = new Map([['a.md', text]]);
					const after = applyVaultEdit(texts, action.edit).get('a.md')!;
					const context = `${JSON.stringify(text)} → ${action.title} → ${JSON.stringify(after)}`;
					// Line endings: nothing but the document's own, and a final one only if there was one.
					assert.strictEqual(after.replace(/\r\n/g, '').includes(eol === '\n' ? '\r' : '\n'), false, context);
					if (eol === '\r\n') {
						assert.ok(!/[^\r]\n|\r(?!\n)/.test(after), context);
					}
					if (after !== '') {
						assert.strictEqual(after.endsWith(eol), text.endsWith(eol), context);
					}
					assert.ok(doubleBlankCount(after) <= doubleBlankCount(text), context);
					const before = nonBlankLines(text);
					const now = nonBlankLines(after);
					service.updatePage('a.md', after);
					const remaining = service.diagnostics('a.md');
					if (action.title.startsWith('Add')) {
						// Stubs inserted in one run, after the last definition standing at the start of its line
						// (or after the last line), nothing else touched.
						const added = now.length - before.length;
						let at = 0;
						while (at < before.length && now[at] === before[at]) {
							at++;
						}
						assert.ok(added > 0 && now.slice(at, at + added).every(line => /^\[\^[^\]]+\]: $/.test(line)), context);
						assert.deepStrictEqual([...now.slice(0, at), ...now.slice(at + added)], before, context);
						const lastDefinition = page.footnoteDefinitions.filter(d => /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', d.span.start - 1) + 1, d.span.start))).at(-1);
						const expected = lastDefinition ? nonBlankLines(text.slice(0, lastDefinition.span.end)).length : before.length;
						assert.ok(at === expected || at === before.length, `${context}: stubs at line ${at}, expected ${expected}`);
						assert.ok(!remaining.some(d => d.code === 'missing-footnote' && action.diagnostics.some(fixed => (fixed.data as { label: string }).label === (d.data as { label: string }).label)), context);
					} else if (action.title.startsWith('Remove')) {
						// Exactly the definition's lines are gone (with what GFM reads as part of it), and its label once.
						const removed = page.footnoteDefinitions.find(d => d.markerSpan.start === page.lineStarts[diagnostic.range.start.line] + diagnostic.range.start.character)!;
						const removedLineStart = page.lineStarts[page.lineStarts.findIndex((_, i) => i + 1 === page.lineStarts.length || page.lineStarts[i + 1] > removed.span.start)];
						assert.ok(isWithoutOneRun(before, now), context);
						assert.deepStrictEqual(now, nonBlankLines(text.slice(0, removedLineStart) + text.slice(removed.span.end)), context);
						const labels = (definitions: readonly { label: string }[]): string[] => definitions.map(d => d.label).sort();
						const expectedLabels = labels(page.footnoteDefinitions);
						expectedLabels.splice(expectedLabels.indexOf(removed.label), 1);
						assert.deepStrictEqual(labels(service.getPage('a.md')!.footnoteDefinitions), expectedLabels, context);
					} else {
						assert.ok(action.title.startsWith('Renumber'), context);
						assert.strictEqual(now.length, before.length, context);
						assert.ok(!remaining.some(d => d.code === 'duplicate-footnote' && d.range.start.line === diagnostic.range.start.line), context);
					}
					service.updatePage('a.md', text);
				}
			}
		}), { numRuns: 300, seed: 20260601 });
	});
});
