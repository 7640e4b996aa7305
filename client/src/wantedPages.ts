import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { newPage } from './newPage';
import { wantedPagePick } from './wantedPageItems';
import { WantedPagesRequest } from './vaultProtocol';

/** How many wanted pages the quick pick lists. */
const WANTED_PAGES_LISTED = 200;

/**
 * Entity Vault: Wanted Pages.  The missing targets of the vault's links, most
 * linked first, in a quick pick; the one chosen is created from the
 * template (as New Page does, at the URL the links name) and opened.
 * Returns the page's URI (undefined when cancelled or when none is wanted).
 */
export async function wantedPages(client: LanguageClient): Promise<vscode.Uri | undefined> {
	const result = await client.sendRequest(WantedPagesRequest, { limit: WANTED_PAGES_LISTED });
	if (result.pages.length === 0) {
		void vscode.window.showInformationMessage('Entity Vault: no wanted pages; every link has its page.');
		return undefined;
	}
	const picked = await vscode.window.showQuickPick(result.pages.map(wantedPagePick), {
		title: 'Wanted Pages',
		placeHolder: 'Pages that links ask for, most linked first: pick one to create it',
		matchOnDescription: true,
	});
	if (!picked) {
		return undefined;
	}
	const { section, title, slug, rootUri } = picked.page;
	return newPage(client, { section, title, slug, rootUri });
}
