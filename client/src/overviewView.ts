import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { openCommand } from './openLocation';
import { RefreshTimer } from './refreshTimer';
import { CommandIds } from './commandIds';
import { OverviewRequest, type OverviewPageItem, type OverviewProblemItem, type OverviewResult, type OverviewVaultItem, type WantedPageItem } from './vaultProtocol';

/** The Vault Overview view's id (package.json `contributes.views`). */
export const OVERVIEW_VIEW = 'entityVault.overview';

/** Entries per list asked of the server. */
const OVERVIEW_LIMIT = 50;
/** Waits this long after a save before asking again. */
const SAVE_DELAY_MS = 1500;

const SEVERITY_ICONS: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'lightbulb' };

type OverviewNode =
	| { readonly kind: 'vault'; readonly vault: OverviewVaultItem }
	| { readonly kind: 'list'; readonly label: string; readonly icon: string; readonly children: readonly OverviewNode[]; readonly count: number }
	| { readonly kind: 'leaf'; readonly label: string; readonly description?: string; readonly icon?: string; readonly command?: vscode.Command; readonly uri?: string }
	| { readonly kind: 'problem'; readonly problem: OverviewProblemItem };

function plural(count: number, one: string, many: string): string {
	return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

function pageLeaf(page: OverviewPageItem, description?: string): OverviewNode {
	return { kind: 'leaf', label: page.title, description: description ?? page.url, uri: page.uri, command: openCommand(page.uri) };
}

function wantedLeaf(page: WantedPageItem): OverviewNode {
	const { section, title, slug, rootUri } = page;
	return {
		kind: 'leaf',
		label: page.url,
		description: `${plural(page.linkers, 'page links', 'pages link')} it${page.text === '' ? '' : ` as "${page.text}"`}`,
		icon: 'new-file',
		command: { command: CommandIds.newPage, title: 'Create the page', arguments: [{ section, title, slug, rootUri }] },
	};
}

/** The overview's lists of one vault. */
function vaultLists(vault: OverviewVaultItem): OverviewNode[] {
	const problems = vault.problems.reduce((sum, problem) => sum + problem.count, 0);
	return [
		{ kind: 'list', label: 'Pages per section', icon: 'folder', count: vault.pages, children: vault.sections.map(({ section, pages }) => ({ kind: 'leaf', label: section, description: plural(pages, 'page', 'pages'), icon: 'folder' })) },
		{ kind: 'list', label: 'Most linked', icon: 'references', count: vault.mostLinked.length, children: vault.mostLinked.map(page => pageLeaf(page, plural(page.linkers ?? 0, 'backlink', 'backlinks'))) },
		{ kind: 'list', label: 'Orphans (nothing links them)', icon: 'debug-disconnect', count: vault.orphanCount, children: vault.orphans.map(page => pageLeaf(page)) },
		{ kind: 'list', label: 'Without footnotes (unsourced)', icon: 'quote', count: vault.unsourcedCount, children: vault.unsourced.map(page => pageLeaf(page)) },
		{ kind: 'list', label: 'Wanted pages', icon: 'new-file', count: vault.wantedCount, children: vault.wanted.map(wantedLeaf) },
		{ kind: 'list', label: 'Problems by code', icon: 'warning', count: problems, children: vault.problems.map(problem => ({ kind: 'problem', problem })) },
	];
}

/**
 * The Vault Overview view in the explorer (*Entity Vault: Vault Overview*
 * reveals it): pages per section, the most linked pages, orphans, pages
 * without footnotes, wanted pages and problems by code, each entry opening
 * its page (a wanted page is created). Asked again when the server is
 * ready, after saves and with the view's refresh button.
 */
export class OverviewView implements vscode.TreeDataProvider<OverviewNode>, vscode.Disposable {
	private readonly changed = new vscode.EventEmitter<OverviewNode | undefined>();
	readonly onDidChangeTreeData = this.changed.event;
	private readonly view: vscode.TreeView<OverviewNode>;
	private readonly subscriptions: vscode.Disposable[] = [];
	private result: OverviewResult | undefined;
	private readonly timer = new RefreshTimer(() => this.refresh());
	private asked = 0;

	constructor(private readonly client: LanguageClient) {
		this.view = vscode.window.createTreeView(OVERVIEW_VIEW, { treeDataProvider: this, showCollapseAll: true });
		this.subscriptions.push(
			this.view,
			this.changed,
			vscode.workspace.onDidSaveTextDocument(() => this.refreshSoon(SAVE_DELAY_MS)),
			this.view.onDidChangeVisibility(event => {
				if (event.visible) {
					this.refreshSoon(0);
				}
			}),
		);
	}

	/** The result shown (for the tests). */
	get current(): OverviewResult | undefined {
		return this.result;
	}

	/** Entity Vault: Vault Overview: shows the view and asks the server. */
	async show(): Promise<void> {
		await vscode.commands.executeCommand(`${OVERVIEW_VIEW}.focus`);
		await this.refresh();
	}

	refreshSoon(delay: number): void {
		this.timer.schedule(delay);
	}

	async refresh(): Promise<void> {
		if (!this.view.visible || this.client.state !== State.Running) {
			return;
		}
		const asked = ++this.asked;
		let result: OverviewResult;
		try {
			result = await this.client.sendRequest(OverviewRequest, { limit: OVERVIEW_LIMIT });
		} catch {
			return;
		}
		if (asked !== this.asked) {
			return;
		}
		this.result = result;
		this.view.message = result.vaults.length === 0 ? 'No vault is open.' : undefined;
		this.changed.fire(undefined);
	}

	getChildren(node?: OverviewNode): OverviewNode[] {
		if (this.result === undefined) {
			return [];
		}
		if (node === undefined) {
			const vaults = this.result.vaults;
			return vaults.length === 1 ? vaultLists(vaults[0]) : vaults.map(vault => ({ kind: 'vault', vault }));
		}
		switch (node.kind) {
			case 'vault':
				return vaultLists(node.vault);
			case 'list':
				return [...node.children];
			case 'problem':
				return node.problem.pages.map(page => ({ kind: 'leaf', label: page.title, description: plural(page.count, 'problem', 'problems'), uri: page.uri, command: openCommand(page.uri, page.range) }));
			default:
				return [];
		}
	}

	getTreeItem(node: OverviewNode): vscode.TreeItem {
		switch (node.kind) {
			case 'vault': {
				const item = new vscode.TreeItem(vscode.workspace.asRelativePath(vscode.Uri.parse(node.vault.rootUri), true), vscode.TreeItemCollapsibleState.Expanded);
				item.description = plural(node.vault.pages, 'page', 'pages');
				item.iconPath = new vscode.ThemeIcon('library');
				return item;
			}
			case 'list': {
				const item = new vscode.TreeItem(node.label, node.children.length === 0 ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed);
				item.description = node.count.toLocaleString('en-US');
				item.iconPath = new vscode.ThemeIcon(node.icon);
				return item;
			}
			case 'problem': {
				const item = new vscode.TreeItem(node.problem.code, vscode.TreeItemCollapsibleState.Collapsed);
				item.description = plural(node.problem.count, 'problem', 'problems');
				item.iconPath = new vscode.ThemeIcon(SEVERITY_ICONS[node.problem.severity] ?? 'warning');
				return item;
			}
			case 'leaf': {
				const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
				item.description = node.description;
				item.command = node.command;
				if (node.uri !== undefined) {
					item.resourceUri = vscode.Uri.parse(node.uri);
					item.iconPath = vscode.ThemeIcon.File;
				} else if (node.icon !== undefined) {
					item.iconPath = new vscode.ThemeIcon(node.icon);
				}
				return item;
			}
		}
	}

	dispose(): void {
		this.timer.dispose();
		this.subscriptions.forEach(subscription => subscription.dispose());
	}
}
