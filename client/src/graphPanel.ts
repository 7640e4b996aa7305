import * as crypto from 'crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { FromGraphView, GraphViewOptions, ToGraphView } from './graphView/graphMessages';
import { GraphRequest } from './vaultProtocol';

/** The context key set while the active editor shows a page of a vault: the editor title's graph button shows then. */
export const VAULT_PAGE_CONTEXT = 'entityVault.isVaultPage';

/**
 * The panel's page: the bundled script by nonce, nothing from the network
 * (`default-src 'none'`), the theme's colours through VS Code's CSS variables.
 */
export function graphPanelHtml(webview: Pick<vscode.Webview, 'cspSource'>, scriptUri: string, nonce: string): string {
	const csp = [`default-src 'none'`, `script-src 'nonce-${nonce}'`, `style-src ${webview.cspSource} 'nonce-${nonce}'`, `img-src ${webview.cspSource} data:`, `font-src ${webview.cspSource}`].join('; ');
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Entity Vault Graph</title>
<style id="__________cytoscape_stylesheet" nonce="${nonce}">.__________cytoscape_container { position: relative; }</style>
<style nonce="${nonce}">
	html, body { height: 100%; margin: 0; padding: 0; overflow: hidden; }
	body { display: flex; flex-direction: column; color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
	header { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; padding: 6px 8px; border-bottom: 1px solid var(--vscode-panel-border, transparent); }
	select, input { color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, transparent); padding: 2px 4px; font: inherit; }
	input:focus, select:focus { outline: 1px solid var(--vscode-focusBorder); }
	#status { opacity: 0.8; margin-left: auto; }
	main { position: relative; flex: 1; min-height: 0; }
	#graph { position: absolute; inset: 0; }
	#legend { position: absolute; left: 8px; bottom: 8px; margin: 0; padding: 6px 8px; list-style: none; background: var(--vscode-editorWidget-background); border: 1px solid var(--vscode-editorWidget-border, transparent); border-radius: 4px; }
	#legend label { display: flex; align-items: center; gap: 6px; cursor: pointer; }
	.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%; }
	#card { position: absolute; max-width: 320px; padding: 8px 10px; pointer-events: none; background: var(--vscode-editorHoverWidget-background); color: var(--vscode-editorHoverWidget-foreground); border: 1px solid var(--vscode-editorHoverWidget-border); border-radius: 4px; box-shadow: 0 2px 8px var(--vscode-widget-shadow); }
	#card p { margin: 6px 0; }
	#card .subtitle, #card .facts { opacity: 0.8; }
	#card code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 0 3px; }
	.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
</style>
</head>
<body>
<header>
	<label>Hops <select id="depth" aria-label="Hops from the page"><option value="1">1</option><option value="2">2</option></select></label>
	<select id="tag" aria-label="Only pages with this tag"></select>
	<input id="search" type="search" list="names" placeholder="Find a page…" aria-label="Find a page in the graph and centre it">
	<datalist id="names"></datalist>
	<div id="status" role="status"></div>
</header>
<main>
	<div id="graph"></div>
	<ul id="legend" aria-label="Sections (uncheck to hide)"></ul>
	<div id="card" role="tooltip" hidden></div>
	<nav class="visually-hidden" aria-label="Pages in the graph"><ul id="nodes"></ul></nav>
</main>
<script nonce="${nonce}" src="${scriptUri}"></script>
</body>
</html>`;
}

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
