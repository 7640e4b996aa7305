import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { openCommand } from './openLocation';
import { RefreshTimer } from './refreshTimer';
import { BacklinksRequest, type BacklinkPageItem, type BacklinkSnippetItem, type BacklinksResult } from './vaultProtocol';

/** The Backlinks view's id (package.json `contributes.views`). */
export const BACKLINKS_VIEW = 'entityVault.backlinks';

/** A node of the tree: a group (linked, unlinked mentions), a section, a page, a link with its sentence. */
type BacklinkNode =
	| { readonly kind: 'group'; readonly label: string; readonly pages: readonly BacklinkPageItem[]; readonly mentions: boolean }
	| { readonly kind: 'section'; readonly section: string; readonly pages: readonly BacklinkPageItem[]; readonly mentions: boolean }
	| { readonly kind: 'page'; readonly page: BacklinkPageItem; readonly mentions: boolean }
	| { readonly kind: 'snippet'; readonly page: BacklinkPageItem; readonly snippet: BacklinkSnippetItem };

/** Waits this long after the last keystroke before asking again. */
const CHANGE_DELAY_MS = 400;
/** Asks again after this long while the server is still reading the pages' words for the mentions. */
const INCOMPLETE_RETRY_MS = 1000;

function plural(count: number, one: string, many: string): string {
	return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** The pages of a group by section, in the order the server sent them (by section, then title). */
function bySection(pages: readonly BacklinkPageItem[]): Map<string, BacklinkPageItem[]> {
	const sections = new Map<string, BacklinkPageItem[]>();
	for (const page of pages) {
		const section = page.section ?? '(vault root)';
		sections.set(section, [...(sections.get(section) ?? []), page]);
	}
	return sections;
}

/**
 * The Backlinks view in the explorer: for the active vault page, the pages
 * linking to it by section, each link with the sentence around it (the
 * link's text highlighted), and the pages naming it without a link
 * (*Unlinked mentions*). A click opens the linking page at the link. It
 * follows the active editor and asks again as pages change.
 */
export class BacklinksView implements vscode.TreeDataProvider<BacklinkNode>, vscode.Disposable {
	private readonly changed = new vscode.EventEmitter<BacklinkNode | undefined>();
	readonly onDidChangeTreeData = this.changed.event;
	private readonly view: vscode.TreeView<BacklinkNode>;
	private readonly subscriptions: vscode.Disposable[] = [];
	private result: BacklinksResult | null = null;
	private readonly timer = new RefreshTimer(() => this.refresh());
	/** The page shown (the last markdown editor's), kept when the focus moves to another kind of editor. */
	private pageUri: string | undefined;
	private asked = 0;

	constructor(private readonly client: LanguageClient) {
		this.view = vscode.window.createTreeView(BACKLINKS_VIEW, { treeDataProvider: this, showCollapseAll: true });
		this.subscriptions.push(
			this.view,
			this.changed,
			vscode.window.onDidChangeActiveTextEditor(() => this.refreshSoon(0)),
			vscode.workspace.onDidChangeTextDocument(event => {
				if (event.document.languageId === 'markdown' && event.contentChanges.length > 0) {
					this.refreshSoon(CHANGE_DELAY_MS);
				}
			}),
			vscode.workspace.onDidSaveTextDocument(() => this.refreshSoon(CHANGE_DELAY_MS)),
			this.view.onDidChangeVisibility(event => {
				if (event.visible) {
					this.refreshSoon(0);
				}
			}),
		);
	}

	/** The result shown (for the tests). */
	get current(): BacklinksResult | null {
		return this.result;
	}

	/** Asks the server again after `delay` ms (only one request waits). */
	refreshSoon(delay: number): void {
		this.timer.schedule(delay);
	}

	async refresh(): Promise<void> {
		const editor = vscode.window.activeTextEditor;
		if (editor?.document.languageId === 'markdown') {
			this.pageUri = editor.document.uri.toString();
		}
		if (this.pageUri === undefined || !this.view.visible || this.client.state !== State.Running) {
			return;
		}
		const asked = ++this.asked;
		let result: BacklinksResult | null;
		try {
			result = await this.client.sendRequest(BacklinksRequest, { uri: this.pageUri });
		} catch {
			return;
		}
		if (asked !== this.asked) {
			return;
		}
		this.result = result;
		this.view.message = result === null
			? 'The active editor is not a page of a vault.'
			: result.linkedTotal > result.linked.length ? `${result.title}: ${plural(result.linkedTotal, 'page links', 'pages link')} here; the first ${result.linked.length} are listed.` : undefined;
		this.view.description = result?.title;
		this.changed.fire(undefined);
		if (result !== null && !result.mentionsComplete) {
			this.refreshSoon(INCOMPLETE_RETRY_MS);
		}
	}

	getChildren(node?: BacklinkNode): BacklinkNode[] {
		if (this.result === null) {
			return [];
		}
		if (node === undefined) {
			const linked = this.result.linked;
			const mentions = this.result.mentions;
			const mentionsLabel = `Unlinked mentions${this.result.mentionsComplete ? '' : ' (reading the vault…)'}`;
			return [
				{ kind: 'group', label: `Linked: ${plural(this.result.linkedTotal, 'page', 'pages')}`, pages: linked, mentions: false },
				{ kind: 'group', label: `${mentionsLabel}: ${plural(mentions.length, 'page', 'pages')}`, pages: mentions, mentions: true },
			];
		}
		switch (node.kind) {
			case 'group':
				return [...bySection(node.pages)].map(([section, pages]) => ({ kind: 'section', section, pages, mentions: node.mentions }));
			case 'section':
				return node.pages.map(page => ({ kind: 'page', page, mentions: node.mentions }));
			case 'page':
				return node.page.snippets.map(snippet => ({ kind: 'snippet', page: node.page, snippet }));
			default:
				return [];
		}
	}

	getTreeItem(node: BacklinkNode): vscode.TreeItem {
		const expanded = vscode.TreeItemCollapsibleState.Expanded;
		switch (node.kind) {
			case 'group': {
				const item = new vscode.TreeItem(node.label, node.pages.length === 0 ? vscode.TreeItemCollapsibleState.None : expanded);
				item.iconPath = new vscode.ThemeIcon(node.mentions ? 'mention' : 'references');
				return item;
			}
			case 'section': {
				const item = new vscode.TreeItem(node.section, expanded);
				item.description = plural(node.pages.length, 'page', 'pages');
				item.iconPath = vscode.ThemeIcon.Folder;
				return item;
			}
			case 'page': {
				const item = new vscode.TreeItem(node.page.title, expanded);
				item.description = node.mentions ? plural(node.page.snippets.length, 'mention', 'mentions') : plural(node.page.snippets.length, 'link', 'links');
				item.resourceUri = vscode.Uri.parse(node.page.uri);
				item.tooltip = node.page.url;
				item.iconPath = vscode.ThemeIcon.File;
				item.command = openCommand(node.page.uri, node.page.snippets[0]?.range);
				return item;
			}
			case 'snippet': {
				const { sentence, highlight, range } = node.snippet;
				const label: vscode.TreeItemLabel = sentence === ''
					? { label: `line ${range.start.line + 1}` }
					: { label: sentence, highlights: highlight[1] > highlight[0] ? [[highlight[0], highlight[1]]] : [] };
				const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
				item.tooltip = sentence;
				item.command = openCommand(node.page.uri, range);
				return item;
			}
		}
	}

	dispose(): void {
		this.timer.dispose();
		this.subscriptions.forEach(subscription => subscription.dispose());
	}
}
