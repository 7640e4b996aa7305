import * as assert from 'assert';
import { SymbolKind } from 'vscode-languageserver-types';
import { WORKSPACE_SYMBOL_LIMIT } from '../../server/src/service/languageFeatures/workspaceSymbols';
import { vaultOf } from '../support/cursor';

const MAXWELL = '---\ntitle: Robert Maxwell\naliases:\n- Ian Robert Maxwell\n- Jan Ludvik Hoch\n---\n\nText.\n';
const VAULT = {
	'people/robert-maxwell.md': MAXWELL,
	'people/max-planck.md': '# Max Planck\n\nPhysicist.\n',
	'organizations/mi6.md': '---\ncategory: Intelligence\n---\n\nNo title: named after its slug.\n',
	'about.md': '# About this vault\n',
};

const names = (symbols: readonly { name: string }[]): string[] => symbols.map(symbol => symbol.name);

describe('workspace symbols', () => {
	it('finds entities by title, with their section as container and the title as range', () => {
		const service = vaultOf(VAULT);
		assert.deepStrictEqual(service.workspaceSymbols('planck'), [{
			name: 'Max Planck',
			kind: SymbolKind.File,
			path: 'people/max-planck.md',
			range: { start: { line: 0, character: 0 }, end: { line: 0, character: 12 } },
			containerName: 'people',
		}]);
		const [maxwell] = service.workspaceSymbols('robert maxwell');
		assert.deepStrictEqual(maxwell.range, { start: { line: 1, character: 7 }, end: { line: 1, character: 21 } });
	});

	it('gives each alias its own entry, contained in the title', () => {
		const service = vaultOf(VAULT);
		assert.deepStrictEqual(service.workspaceSymbols('hoch'), [{
			name: 'Jan Ludvik Hoch',
			kind: SymbolKind.File,
			path: 'people/robert-maxwell.md',
			range: { start: { line: 2, character: 0 }, end: { line: 4, character: 17 } },
			containerName: 'Robert Maxwell',
		}]);
		assert.deepStrictEqual(names(service.workspaceSymbols('maxwell')), ['Robert Maxwell', 'Ian Robert Maxwell']);
	});

	it('matches fuzzily: word prefixes, slugs and subsequences, best first', () => {
		const service = vaultOf(VAULT);
		assert.deepStrictEqual(names(service.workspaceSymbols('max')), ['Max Planck', 'Robert Maxwell', 'Ian Robert Maxwell']);
		assert.deepStrictEqual(names(service.workspaceSymbols('rmax')), ['Robert Maxwell', 'Ian Robert Maxwell']);
		assert.deepStrictEqual(names(service.workspaceSymbols('mi6')), ['Mi6']);
		assert.deepStrictEqual(names(service.workspaceSymbols('zzz')), []);
	});

	it('names a page without a section after its URL and points at its first heading', () => {
		const [about] = vaultOf(VAULT).workspaceSymbols('about');
		assert.deepStrictEqual(about, {
			name: 'About this vault',
			kind: SymbolKind.File,
			path: 'about.md',
			range: { start: { line: 0, character: 0 }, end: { line: 0, character: 18 } },
			containerName: '/about/',
		});
		const [mi6] = vaultOf(VAULT).workspaceSymbols('mi6');
		assert.deepStrictEqual(mi6.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
	});

	it('is exact in UTF-16 with emoji and CRLF', () => {
		const service = vaultOf({
			'people/a.md': '---\r\naliases: [👩‍👩‍👧 Family]\r\ntitle: 😀 Smiley Person\r\n---\r\n',
			'people/b.md': '😀 intro\r\n\r\n# 🇬🇧 British Heading\r\n',
		});
		const byName = new Map(service.workspaceSymbols('').map(symbol => [symbol.name, symbol]));
		assert.deepStrictEqual(byName.get('😀 Smiley Person')!.range, { start: { line: 2, character: 7 }, end: { line: 2, character: 7 + '😀 Smiley Person'.length } });
		assert.deepStrictEqual(byName.get('👩‍👩‍👧 Family')!.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 'aliases: [👩‍👩‍👧 Family]'.length } });
		assert.deepStrictEqual(byName.get('🇬🇧 British Heading')!.range, { start: { line: 2, character: 0 }, end: { line: 2, character: '# 🇬🇧 British Heading'.length } });
		assert.deepStrictEqual(names(service.workspaceSymbols('smiley')), ['😀 Smiley Person']);
	});

	it('lists everything alphabetically for an empty query', () => {
		assert.deepStrictEqual(names(vaultOf(VAULT).workspaceSymbols('')),
			['About this vault', 'Ian Robert Maxwell', 'Jan Ludvik Hoch', 'Max Planck', 'Mi6', 'Robert Maxwell']);
	});

	it('caps the list and stops when cancelled', () => {
		const pages: Record<string, string> = {};
		for (let i = 0; i < WORKSPACE_SYMBOL_LIMIT + 100; i++) {
			pages[`events/event-${i}.md`] = `# Event ${i}\n`;
		}
		const service = vaultOf(pages);
		const all = service.workspaceSymbols('event');
		assert.strictEqual(all.length, WORKSPACE_SYMBOL_LIMIT);
		assert.deepStrictEqual(names(all).slice(0, 3), ['Event 0', 'Event 1', 'Event 2']);
		assert.deepStrictEqual(names(service.workspaceSymbols('event 599')), ['Event 599']);
		assert.deepStrictEqual(service.workspaceSymbols('event', { isCancellationRequested: true }), []);
	});

	it('follows page changes and removals', () => {
		const service = vaultOf(VAULT);
		assert.deepStrictEqual(names(service.workspaceSymbols('planck')), ['Max Planck']);
		service.updatePage('people/max-planck.md', '# Karl Planck\n');
		service.removePage('people/robert-maxwell.md');
		assert.deepStrictEqual(names(service.workspaceSymbols('planck')), ['Karl Planck']);
		assert.deepStrictEqual(names(service.workspaceSymbols('maxwell')), []);
		service.updatePage('people/robert-maxwell.md', MAXWELL);
		assert.deepStrictEqual(names(service.workspaceSymbols('maxwell')), ['Robert Maxwell', 'Ian Robert Maxwell']);
	});
});
