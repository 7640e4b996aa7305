import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { ServerState } from './languageServer';
import { localToday } from './localDate';

export interface StatusParams {
	readonly state: 'indexing' | 'ready';
	readonly indexed: number;
	readonly total: number;
	readonly pages: number;
}
export const StatusNotification = new NotificationType<StatusParams>('entityVault/status');

export interface CheckVaultResult {
	readonly pages: number;
	readonly errors: number;
	readonly warnings: number;
}
export const CheckVaultRequest = new RequestType0<CheckVaultResult, void>('entityVault/checkVault');

export interface VaultInfoResult {
	readonly vaults: { folderUri: string; rootUri: string; sections: string[]; pages: number }[];
}
export const VaultInfoRequest = new RequestType0<VaultInfoResult, void>('entityVault/vaultInfo');

export interface NewPageTemplateParams {
	readonly rootUri: string;
	readonly section: string;
	readonly title: string;
}
export interface NewPageTemplateResult {
	readonly uri: string;
	/** The new page's text (empty when `exists`). */
	readonly text: string;
	/** A page with that title already exists at `uri`. */
	readonly exists: boolean;
}
export const NewPageTemplateRequest = new RequestType<NewPageTemplateParams, NewPageTemplateResult, void>('entityVault/newPageTemplate');

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
		await vault.whenIndexed();
		const page = vault.service.newPage({ section: params.section, title: params.title, today: localToday() });
		// A page of that title exists already: the client opens it instead of making a twin.
		return page.exists
			? { uri: state.uriOf(vault, page.path), text: '', exists: true }
			: { uri: URI.file(vault.absolutePath(page.path)).toString(), text: page.text, exists: false };
	});
}
