/**
 * The graph panel's page (no `vscode` import, so a unit test reads it): the bundled script by nonce, nothing from the network
 * (`default-src 'none'`), the theme's colours through VS Code's CSS variables.
 */
export function graphPanelHtml(webview: { readonly cspSource: string }, scriptUri: string, nonce: string): string {
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

