import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { sectionOfPath } from '../service/vault/vaultPaths';
import { localToday } from './localDate';
import { CheckVaultRequest, NewPageTemplateRequest, VaultInfoRequest } from './vaultMessages';
import type { VaultWorkspace } from './vaultWorkspace';

/** What the vault requests ask of the workspace's vaults. */
export interface RequestVaults {
	readonly all: readonly VaultWorkspace[];
	/** Resolves once the vaults of the workspace folders exist (indexing may still run). */
	whenVaultsCreated(): Promise<void>;
	uriOf(vault: VaultWorkspace, path: string): string;
	/** From now on the vault's diagnostics are published for every page. */
	markCheckedWhole(vault: VaultWorkspace): void;
}

/** What Check Vault asks of the diagnostics publisher. */
export interface RequestPublisher {
	schedule(vault: VaultWorkspace, paths: Iterable<string>): void;
	/** Computes and sends everything scheduled now. */
	flush(): Promise<void>;
}

/** The requests a client's commands use: Check Vault, vault info and New Page. */
export function registerVaultRequests(connection: Connection, vaults: RequestVaults, publisher: RequestPublisher): void {
	connection.onRequest(CheckVaultRequest, async () => {
		await vaults.whenVaultsCreated();
		let pages = 0;
		let errors = 0;
		let warnings = 0;
		for (const vault of vaults.all) {
			await vault.whenIndexed();
			vaults.markCheckedWhole(vault);
			const paths = vault.allPaths();
			pages += paths.filter(path => sectionOfPath(path) !== undefined).length;
			for (const path of paths) {
				for (const diagnostic of vault.service.diagnostics(path)) {
					if (diagnostic.severity === DiagnosticSeverity.Error) {
						errors++;
					} else if (diagnostic.severity === DiagnosticSeverity.Warning) {
						warnings++;
					}
				}
			}
			publisher.schedule(vault, paths);
		}
		await publisher.flush();
		return { pages, errors, warnings };
	});

	connection.onRequest(VaultInfoRequest, async () => {
		await vaults.whenVaultsCreated();
		return {
			vaults: vaults.all.map(vault => {
				const kind = vault.service.vaultKind();
				return {
					folderUri: vault.folderUri,
					rootUri: URI.file(vault.root).toString(),
					sections: vault.service.index.sections(),
					pages: vault.service.index.pageCount,
					isVault: kind.isVault,
					vaultReason: kind.reason,
				};
			}),
		};
	});

	connection.onRequest(NewPageTemplateRequest, async params => {
		await vaults.whenVaultsCreated();
		const rootPath = URI.parse(params.rootUri).fsPath;
		const vault = vaults.all.find(candidate => candidate.root === rootPath) ?? vaults.all[0];
		if (!vault) {
			throw new Error('No vault is open: open a folder of markdown pages first.');
		}
		await vault.whenIndexed();
		const page = vault.service.newPage({ section: params.section, title: params.title, today: localToday() });
		// A page of that title exists already: the client opens it instead of making a twin.
		return page.exists
			? { uri: vaults.uriOf(vault, page.path), text: '', exists: true }
			: { uri: URI.file(vault.absolutePath(page.path)).toString(), text: page.text, exists: false };
	});
}
