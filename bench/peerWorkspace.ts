/**
 * The minimal in-memory workspace and parser `vscode-markdown-languageservice`
 * needs to compute diagnostics for every page of a vault, as VS Code's
 * markdown language server would (markdown-it for tokens, GitHub slugs).
 *
 * Site URLs: a link `/people/x/` names the page `people/x.md` (or
 * `people/x/index.md`); the workspace reports such a URL as an existing
 * folder, so the peer flags only the links that are really broken, like ours.
 */
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import {
	githubSlugifier,
	LogLevel,
	type FileStat,
	type ILogger,
	type IMdParser,
	type ITextDocument,
	type IWorkspace,
	type Token,
} from 'vscode-markdown-languageservice';

interface MarkdownIt {
	parse(src: string, env: object): Token[];
}
// markdown-it is what VS Code's markdown server parses with; it is installed (with vsce) but ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const createMarkdownIt = require('markdown-it') as (options?: object) => MarkdownIt;

const noEvent = () => ({ dispose(): void { /* never fires */ } });

export const peerLogger: ILogger = {
	get level() {
		return LogLevel.Off;
	},
	log(): void { /* logging is off */ },
};

export function peerParser(): IMdParser {
	const markdownIt = createMarkdownIt({ html: true });
	return {
		slugifier: githubSlugifier,
		tokenize: async (document: ITextDocument) => markdownIt.parse(document.getText(), {}),
	};
}

export class InMemoryWorkspace implements IWorkspace {
	readonly onDidChangeMarkdownDocument = noEvent;
	readonly onDidCreateMarkdownDocument = noEvent;
	readonly onDidDeleteMarkdownDocument = noEvent;
	private readonly documents = new Map<string, TextDocument>();
	/** fsPath (no trailing slash) → directory? */
	private readonly entries = new Map<string, boolean>();
	private readonly children = new Map<string, [string, FileStat][]>();
	readonly workspaceFolders: readonly URI[];

	/** `pages`: vault-relative paths and texts. */
	constructor(private readonly root: string, pages: Iterable<{ path: string; text: string }>) {
		this.workspaceFolders = [URI.file(root)];
		this.entries.set(root, true);
		for (const page of pages) {
			const absolute = path.join(root, ...page.path.split('/'));
			const uri = URI.file(absolute).toString();
			this.documents.set(uri, TextDocument.create(uri, 'markdown', 1, page.text));
			this.addEntry(absolute, false);
			// The page's site URL, `/section/slug/`, exists as a folder.
			const stem = absolute.replace(/\.(md|markdown)$/i, '');
			this.addEntry(/\/_?index$/.test(stem) ? path.dirname(stem) : stem, true);
		}
	}

	private addEntry(absolute: string, isDirectory: boolean): void {
		if (this.entries.has(absolute)) {
			return;
		}
		this.entries.set(absolute, isDirectory);
		const parent = path.dirname(absolute);
		let list = this.children.get(parent);
		if (!list) {
			list = [];
			this.children.set(parent, list);
		}
		list.push([path.basename(absolute), { isDirectory }]);
		if (parent !== this.root && parent.startsWith(this.root)) {
			this.addEntry(parent, true);
		}
	}

	get size(): number {
		return this.documents.size;
	}

	allDocuments(): Iterable<TextDocument> {
		return this.documents.values();
	}

	async getAllMarkdownDocuments(): Promise<Iterable<ITextDocument>> {
		return this.documents.values();
	}

	hasMarkdownDocument(resource: URI): boolean {
		return this.documents.has(resource.toString());
	}

	async openMarkdownDocument(resource: URI): Promise<ITextDocument | undefined> {
		return this.documents.get(resource.toString());
	}

	async stat(resource: URI): Promise<FileStat | undefined> {
		const key = resource.fsPath.length > 1 ? resource.fsPath.replace(/\/+$/, '') : resource.fsPath;
		const isDirectory = this.entries.get(key);
		return isDirectory === undefined ? undefined : { isDirectory };
	}

	async readDirectory(resource: URI): Promise<Iterable<readonly [string, FileStat]>> {
		return this.children.get(resource.fsPath.replace(/\/+$/, '')) ?? [];
	}
}
