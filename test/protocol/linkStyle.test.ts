import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lspClient';
import { temporaryVault } from '../support/paths';

/** The non-canonical-link hints of published diagnostics: the destination as written → the spelling asked for. */
function hints(diagnostics: Diagnostic[]): Record<string, string> {
	return Object.fromEntries(diagnostics.filter(d => d.code === 'non-canonical-link').map(d => {
		const data = d.data as { destination: string; canonical: string };
		return [data.destination, data.canonical];
	}));
}

describe('entityVault.links.style and files that are not pages, over JSON-RPC (real server)', () => {
	let dir: string;
	let client: LspTestClient;
	const ADA = '# Ada\n\n[Bob](/people/bob/) [Bob](../bob/) [Cy](../cy/)\n';
	const README = '# Repo\n\nSee [Ada](people/ada.md) and [Bob](/people/bob).\n';

	before(async () => {
		dir = temporaryVault('ev-link-style-lsp-', { '.entity-vault.json': '{}\n', 'README.md': README, 'people/ada.md': ADA, 'people/bob.md': '# Bob\n', 'people/cy.md': '# Cy\n' });
		client = await LspTestClient.indexedOn(dir);
	});
	after(async () => {
		await client.shutdown();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	const uriOf = (relative: string) => URI.file(path.join(dir, ...relative.split('/'))).toString();

	it('follows the vault\'s style (auto), then the setting, without a restart; README.md never gets the hint', async () => {
		await client.open(uriOf('people/ada.md'), ADA);
		await client.open(uriOf('README.md'), README);
		const auto = await client.diagnosticsOf(uriOf('people/ada.md'), d => d.some(x => x.code === 'non-canonical-link'));
		assert.deepStrictEqual(hints(auto), { '/people/bob/': '../bob/' }, 'two relative links, one absolute');
		assert.deepStrictEqual(hints(await client.diagnosticsOf(uriOf('README.md'), () => true)), {});
		client.settings = { links: { style: 'absolute' } };
		await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
		const absolute = await client.diagnosticsOf(uriOf('people/ada.md'), d => d.some(x => x.code === 'non-canonical-link' && (x.data as { canonical: string }).canonical.startsWith('/')));
		assert.deepStrictEqual(hints(absolute), { '../bob/': '/people/bob/', '../cy/': '/people/cy/' });
		assert.deepStrictEqual(hints(client.diagnostics.get(uriOf('README.md'))!.diagnostics), {});
		client.settings = { links: { style: 'any' } };
		await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
		await client.diagnosticsOf(uriOf('people/ada.md'), d => !d.some(x => x.code === 'non-canonical-link'));
	});
});
