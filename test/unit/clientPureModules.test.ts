import * as assert from 'assert';
import { RestartPolicy } from '../../client/src/restartPolicy';
import { statusBarText } from '../../client/src/statusBarText';
import { wantedPagePick } from '../../client/src/wantedPageItems';
import { graphPanelHtml } from '../../client/src/graphView/graphPanelHtml';

describe('client: restart policy and status text', () => {
	it('restarts a crashed server at most four times in three minutes', () => {
		const policy = new RestartPolicy();
		const minute = 60_000;
		assert.deepStrictEqual([0, 1, 2, 3].map(i => policy.shouldRestartAfterCrash(i * 1000)), [true, true, true, true]);
		assert.strictEqual(policy.shouldRestartAfterCrash(5000), false);
		// Crashes older than the window are forgotten.
		const later = new RestartPolicy();
		for (let i = 0; i < 4; i++) {
			later.shouldRestartAfterCrash(i * minute);
		}
		assert.strictEqual(later.shouldRestartAfterCrash(4 * minute), true);
		later.reset();
		assert.strictEqual(later.recentCrashes, 0);
	});

	it('shows indexing progress, then the page count', () => {
		assert.strictEqual(statusBarText({ state: 'indexing', indexed: 0, total: 0, pages: 0 }), '$(sync~spin) Entity Vault: indexing');
		assert.match(statusBarText({ state: 'indexing', indexed: 1234, total: 10000, pages: 1234 }), /indexing 1,234\/10,000$/);
		assert.strictEqual(statusBarText({ state: 'ready', indexed: 1, total: 1, pages: 1 }), '$(book) 1 page');
		assert.strictEqual(statusBarText({ state: 'ready', indexed: 22, total: 22, pages: 22 }), '$(book) 22 pages');
	});

	it('shows a wanted page as its URL, its most common link text and how many pages link it', () => {
		const page = { url: '/people/sami/', rootUri: 'file:///v', uri: 'file:///v/people/sami.md', section: 'people', slug: 'sami', linkers: 1234, text: 'Sami', title: 'Sami' };
		assert.deepStrictEqual(wantedPagePick(page), { label: '/people/sami/', description: 'Sami', detail: 'linked from 1,234 pages', page });
		assert.deepStrictEqual(wantedPagePick({ ...page, linkers: 1, text: '' }), { label: '/people/sami/', detail: 'linked from 1 page', page: { ...page, linkers: 1, text: '' } });
	});
});

describe('client: the graph panel page', () => {
	it('allows its one script by nonce and nothing from the network, and takes the theme from CSS variables', () => {
		const html = graphPanelHtml({ cspSource: 'https://file+.vscode-resource.example' }, 'https://file+.vscode-resource.example/dist/graphView.js', 'N0nce');
		const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
		assert.ok(csp);
		const directives = new Map(csp.split(';').map(part => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
		assert.deepStrictEqual(directives.get('default-src'), ["'none'"]);
		assert.deepStrictEqual(directives.get('script-src'), ["'nonce-N0nce'"]);
		assert.ok(!csp.includes('unsafe'), csp);
		assert.ok(!directives.has('connect-src'));
		const scripts = html.match(/<script[^>]*>/g) ?? [];
		assert.deepStrictEqual(scripts, ['<script nonce="N0nce" src="https://file+.vscode-resource.example/dist/graphView.js">']);
		assert.ok((html.match(/<style[^>]*>/g) ?? []).every(tag => tag.includes('nonce="N0nce"')));
		assert.match(html, /var\(--vscode-editor-background\)/);
	});
});
