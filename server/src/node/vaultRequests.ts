import { URI } from 'vscode-uri';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { newPageFile, pageSlug } from '../service/vault/pageTemplate';
import { pageUrlForPath } from '../service/vault/vaultPaths';
import type { ServerState } from './languageServer';
import { localToday } from './localDate';
import { CheckVaultRequest, NewPageTemplateRequest, VaultInfoRequest } from './vaultMessages';

/** The requests a client's commands use: Check Vault, vault info and New Page. */
export function registerVaultRequests(state: ServerState): void {
	const { connection } = state;

	connection.onRequest(CheckVaultRequest, async () => {
		await state.whenVaultsCreated();
		let pages = 0;
		let errors = 0;
		let warnings = 0;
		for (const vault of state.vaults) {
			await vault.whenIndexed();
			state.vaultWideChecked.add(vault);
			const paths = vault.allPaths();
			pages += paths.length;
			for (const path of paths) {
				for (const diagnostic of vault.diagnostics(path)) {
					if (diagnostic.severity === DiagnosticSeverity.Error) {
						errors++;
					} else if (diagnostic.severity === DiagnosticSeverity.Warning) {
						warnings++;
					}
				}
			}
			state.publisher.schedule(vault, paths);
		}
		await state.publisher.flush();
		return { pages, errors, warnings };
	});

	connection.onRequest(VaultInfoRequest, async () => {
		await state.whenVaultsCreated();
		return {
			vaults: state.vaults.map(vault => ({
				folderUri: vault.folderUri,
				rootUri: URI.file(vault.root).toString(),
				sections: vault.service.index.sections(),
				pages: vault.service.index.size,
			})),
		};
	});

	connection.onRequest(NewPageTemplateRequest, async params => {
		await state.whenVaultsCreated();
		const rootPath = URI.parse(params.rootUri).fsPath;
		const vault = state.vaults.find(candidate => candidate.root === rootPath) ?? state.vaults[0];
		if (!vault) {
			throw new Error('No vault is open: open a folder of markdown pages first.');
		}
		const section = params.section.trim().replace(/^\/+|\/+$/g, '');
		const title = params.title.trim();
		if (section === '' || section.includes('..') || title === '') {
			throw new Error('A new page needs a section and a title.');
		}
		await vault.whenIndexed();
		// A page of that title exists already: the client opens it instead of making a twin.
		const existing = vault.service.index.pathsForUrl(pageUrlForPath(`${section}/${pageSlug(title) || 'new-page'}.md`))[0];
		if (existing !== undefined) {
			return { uri: state.uriOf(vault, existing), text: '', exists: true };
		}
		const file = newPageFile(vault.service.index, { section, title, today: localToday(), requiredFields: vault.service.settings().requiredFields });
		return { uri: URI.file(vault.absolutePath(file.path)).toString(), text: file.text, exists: false };
	});
}
