import * as crypto from 'crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { FromGraphView, GraphViewOptions, ToGraphView } from './graphView/graphMessages';
import { graphPanelHtml } from './graphView/graphPanelHtml';
import { GraphRequest } from './vaultProtocol';

/** The context key set while the active editor shows a page of a vault: the editor title's graph button shows then. */
export const VAULT_PAGE_CONTEXT = 'entityVault.isVaultPage';

/** The graph's options from the webview's, for the request. */
function requestOptions(options: GraphViewOptions): { depth: number; sections: string[]; tags: string[] } {
	return { depth: options.depth, sections: [...options.sections], tags: options.tag === '' ? [] : [options.tag] };
}

/**
 * Entity Vault: Show Graph: one webview panel drawing the neighbourhood of
 * the active vault page (asked of the server, `entityVault/graph`), which
 * follows the active editor; clicking a node opens its page.
 */
export class GraphPanel implements vscode.Disposable {
	private panel: vscode.WebviewPanel | undefined;
	private options: GraphViewOptions = { depth: 1, sections: [], tag: '' };
	/** The page shown, by document URI. */
	private pageUri: string | undefined;
	private ready = false;
	/** Only the answer to the latest request is drawn. */
	private requestNumber = 0;
	private readonly disposables: vscode.Disposable[] = [];

	constructor(
		private readonly extensionUri: vscode.Uri,
		private readonly client: LanguageClient,
		private readonly isVaultPage: (uri: vscode.Uri) => boolean,
	) {
		this.disposables.push(
			vscode.window.onDidChangeActiveTextEditor(editor => this.activeEditorChanged(editor)),
			// A saved page may link other pages now: its neighbourhood is drawn again.
			vscode.workspace.onDidSaveTextDocument(() => void this.refresh()),
		);
		this.activeEditorChanged(vscode.window.activeTextEditor);
	}

	/** The vaults are known (or indexed again): whether the active editor shows a vault page is decided again, and the graph drawn again. */
	vaultChanged(): void {
		this.activeEditorChanged(vscode.window.activeTextEditor);
		void this.refresh();
	}

	/** Opens the panel (or shows it) on a page: the one given, else the active editor's. */
	show(uri?: vscode.Uri): void {
		const page = uri ?? vscode.window.activeTextEditor?.document.uri;
		if (this.panel) {
			this.panel.reveal(undefined, true);
		} else {
			this.panel = this.createPanel();
		}
		if (page && this.isVaultPage(page)) {
			this.pageUri = page.toString();
		}
		void this.refresh();
	}

	/** Draws the page's neighbourhood again (after an edit, or when the options change). */
	async refresh(): Promise<void> {
		if (!this.panel || !this.ready) {
			return;
		}
		const number = ++this.requestNumber;
		if (this.pageUri === undefined) {
			this.post({ type: 'empty', message: 'Open a page of the vault to see its neighbourhood.' });
			return;
		}
		try {
			const graph = await this.client.sendRequest(GraphRequest, { uri: this.pageUri, ...requestOptions(this.options) });
			if (number !== this.requestNumber) {
				return;
			}
			this.post(graph.center === null
				? { type: 'empty', message: 'This page is not in a vault yet (indexing may still run).' }
				: { type: 'graph', graph, options: this.options });
		} catch (error) {
			this.post({ type: 'empty', message: `Entity Vault: the graph could not be made (${error instanceof Error ? error.message : String(error)}).` });
		}
	}

	dispose(): void {
		this.panel?.dispose();
		for (const disposable of this.disposables.splice(0)) {
			disposable.dispose();
		}
	}

	private activeEditorChanged(editor: vscode.TextEditor | undefined): void {
		const isPage = editor !== undefined && this.isVaultPage(editor.document.uri);
		void vscode.commands.executeCommand('setContext', VAULT_PAGE_CONTEXT, isPage);
		if (isPage && editor.document.uri.toString() !== this.pageUri) {
			this.pageUri = editor.document.uri.toString();
			void this.refresh();
		}
	}

	private createPanel(): vscode.WebviewPanel {
		const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
		const panel = vscode.window.createWebviewPanel('entityVault.graph', 'Entity Vault Graph', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
			enableScripts: true,
			localResourceRoots: [dist],
			retainContextWhenHidden: false,
		});
		const nonce = crypto.randomBytes(16).toString('base64');
		const script = panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'graphView.js')).toString();
		panel.webview.html = graphPanelHtml(panel.webview, script, nonce);
		this.ready = false;
		panel.webview.onDidReceiveMessage((message: FromGraphView) => this.received(message), undefined, this.disposables);
		panel.onDidDispose(() => {
			this.panel = undefined;
			this.ready = false;
		}, undefined, this.disposables);
		// Hidden and shown again, the webview starts over: it says `ready` again.
		panel.onDidChangeViewState(event => {
			if (!event.webviewPanel.visible) {
				this.ready = false;
			}
		}, undefined, this.disposables);
		return panel;
	}

	private received(message: FromGraphView): void {
		if (message.type === 'ready') {
			this.ready = true;
			void this.refresh();
		} else if (message.type === 'open') {
			void vscode.window.showTextDocument(vscode.Uri.parse(message.uri), { viewColumn: vscode.ViewColumn.One, preview: false });
		} else if (message.type === 'options') {
			this.options = { depth: message.options.depth === 2 ? 2 : 1, sections: message.options.sections, tag: message.options.tag };
			void this.refresh();
		}
	}

	private post(message: ToGraphView): void {
		void this.panel?.webview.postMessage(message);
	}
}
