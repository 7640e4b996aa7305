/**
 * An independent judge of which links on a Hugo site work once published,
 * written from Hugo's documented rules and hugoDocs' own link render hook
 * (layouts/_markup/render-link.html), sharing no code with the checker:
 * pages are parsed with mdast (micromark), not with our scanner, and resolved
 * as Hugo resolves them, not through our index.
 *
 * A destination works when it is external; or `GetPage` finds a page for its
 * path (a logical content path, letter case ignored, relative to the page or
 * absolute, with or without trailing slash or `.md`); or it is a page
 * resource, a section resource or a global resource (`assets/`); or the
 * published site serves its URL: a page's URL (lower-cased, `url:` and
 * `slug:` applied), a redirect from `aliases` (hugoDocs publishes them as
 * Netlify `_redirects`), or a file of `static/`. A fragment works when the
 * target page has that id: a heading's (`{#id}` attributes, GitHub-style ids
 * with `-1`, `-2` for duplicates), a definition term's (with
 * `autoDefinitionTermID`), or an HTML `id`/`name`. A page that pulls content
 * in through shortcodes (`{{% include %}}`) may have ids this cannot see:
 * such fragments are `unverifiable`, not broken.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as jsYamlModule from 'js-yaml';

/** js-yaml 3's loader (the module's own declaration here only names its schema). */
const jsYaml = jsYamlModule as unknown as { load(text: string, options: { schema: object }): unknown; CORE_SCHEMA: object };
type TomlParse = (text: string) => unknown;

export type Verdict = 'works' | 'broken-page' | 'broken-fragment' | 'glossary' | 'template' | 'unverifiable';

export interface OracleLink {
	/** Content-relative path of the page holding the link, `/` separators. */
	readonly file: string;
	readonly line: number;
	/** 1-based, UTF-16 code units, as mdast counts them. */
	readonly column: number;
	readonly endLine: number;
	readonly endColumn: number;
	readonly destination: string;
	readonly verdict: Verdict;
	readonly why: string;
}

interface MdNode {
	type: string;
	url?: string;
	value?: string;
	depth?: number;
	identifier?: string;
	children?: MdNode[];
	position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } };
}

interface Page {
	readonly file: string;
	readonly text: string;
	readonly tree: MdNode;
	readonly ids: Set<string>;
	readonly includesContent: boolean;
	readonly frontmatter: Record<string, unknown>;
}

export interface SiteLayout {
	/** The site's root (hugo.toml). */
	readonly siteRoot: string;
	/** The content folder, relative to the site root (`content/en`). */
	readonly contentDir: string;
	readonly assetsDir: string;
	readonly staticDir: string;
	readonly definitionTermIds: boolean;
	/** The site's link render hook resolves destinations with `GetPage` and resources (hugoDocs' does); without one a link is its URL. */
	readonly getPageHook: boolean;
	/** Hugo `permalinks`: section → pattern. */
	readonly permalinks: Readonly<Record<string, string>>;
	/** Sections published with ugly URLs (`/x.html`), Hugo `uglyURLs`. */
	readonly uglySections: readonly string[];
	/** Netlify redirects' `from` paths (a trailing `*` matches any rest). */
	readonly redirectsFrom: readonly string[];
}

function walk(folder: string, base = folder, out: string[] = []): string[] {
	if (!fs.existsSync(folder)) {
		return out;
	}
	for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
		const full = path.join(folder, entry.name);
		if (entry.isDirectory()) {
			walk(full, base, out);
		} else if (entry.isFile()) {
			out.push(path.relative(base, full).split(path.sep).join('/'));
		}
	}
	return out;
}

function textOf(node: MdNode): string {
	if (node.type === 'html') {
		return '';
	}
	if (node.value !== undefined) {
		return node.value;
	}
	return (node.children ?? []).map(textOf).join('');
}

/** Hugo's `github` auto heading id (markup/goldmark/autoid.go, sanitizeAnchorName). */
export function hugoGithubId(text: string): string {
	let out = '';
	for (const ch of text.trim()) {
		if (ch === '-' || ch === ' ') {
			out += '-';
		} else if (ch === '_' || /[\p{L}\p{Nd}]/u.test(ch)) {
			out += ch.toLowerCase();
		}
	}
	return out;
}

function frontmatterOf(text: string, parseToml: TomlParse): { data: Record<string, unknown>; body: string; bodyLine: number } {
	const match = /^(---|\+\+\+)\r?\n([\s\S]*?)\r?\n\1[ \t]*(\r?\n|$)/.exec(text);
	if (!match) {
		return { data: {}, body: text, bodyLine: 0 };
	}
	let data: unknown = {};
	try {
		data = match[1] === '---' ? jsYaml.load(match[2], { schema: jsYaml.CORE_SCHEMA }) : parseToml(match[2]);
	} catch {
		data = {};
	}
	const lines = match[0].split('\n').length - 1;
	return { data: (data && typeof data === 'object' ? data : {}) as Record<string, unknown>, body: text.slice(match[0].length), bodyLine: lines };
}

export class HugoSiteOracle {
	private readonly pages = new Map<string, Page>();
	/** Logical content path, lower case, no extension, no trailing `/index`/`/_index` → file. */
	private readonly byLogicalPath = new Map<string, string>();
	/** Published URL (lower case) → file. */
	private readonly byUrl = new Map<string, string>();
	private readonly redirects = new Set<string>();
	private readonly contentFiles = new Set<string>();
	private readonly assets = new Set<string>();
	private readonly statics = new Set<string>();

	private constructor(private readonly layout: SiteLayout) { }

	static async load(layout: SiteLayout): Promise<HugoSiteOracle> {
		const oracle = new HugoSiteOracle(layout);
		const { fromMarkdown } = await import('mdast-util-from-markdown');
		const { gfm } = await import('micromark-extension-gfm');
		const { gfmFromMarkdown } = await import('mdast-util-gfm');
		const { parse: parseToml } = await import('smol-toml');
		const contentRoot = path.join(layout.siteRoot, layout.contentDir);
		for (const file of walk(contentRoot)) {
			oracle.contentFiles.add(file.toLowerCase());
			if (!/\.(md|markdown)$/i.test(file)) {
				if (!/\.html$/i.test(file)) {
					// Other files in the content folder are published where they lie (page and section resources).
					oracle.statics.add(file.toLowerCase());
				} else {
					// A content file in HTML is a page too (its links are not checked here).
					oracle.byUrl.set(oracle.urlOf(file, {}), file);
					oracle.byLogicalPath.set(file.replace(/\.html$/i, '').toLowerCase(), file);
				}
				continue;
			}
			const text = fs.readFileSync(path.join(contentRoot, file), 'utf8');
			const { data, body, bodyLine } = frontmatterOf(text, parseToml);
			// Positions are counted in the whole file: pad the body with the frontmatter's lines.
			const tree = fromMarkdown('\n'.repeat(bodyLine) + body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as unknown as MdNode;
			const page: Page = { file, text, tree, ids: new Set(), includesContent: /\{\{[%<]\s*(quick-reference|render-list-of-pages|root-configuration-keys|per-lang-config-keys|datatable|glossary)\b|\{\{[%<]\s*[\w/-]+[^}]*\sid=/.test(body), frontmatter: data };
			oracle.collectIds(page, body);
			oracle.pages.set(file, page);
			const logical = file.replace(/\.(md|markdown)$/i, '').replace(/(^|\/)_?index$/i, '').toLowerCase();
			oracle.byLogicalPath.set(logical, file);
			oracle.byUrl.set(oracle.urlOf(file, data), file);
			oracle.collectAliases(file, data);
		}
		oracle.expandIncludes();
		for (const file of walk(path.join(layout.siteRoot, layout.assetsDir))) {
			oracle.assets.add(file.toLowerCase());
		}
		for (const file of walk(path.join(layout.siteRoot, layout.staticDir))) {
			oracle.statics.add(file.toLowerCase());
		}
		return oracle;
	}

	private urlOf(file: string, data: Record<string, unknown>): string {
		if (typeof data.url === 'string' && data.url.startsWith('/')) {
			return normaliseUrl(data.url);
		}
		const dir = path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file);
		const stem = path.posix.basename(file).replace(/\.(md|markdown|html)$/i, '');
		const bundle = stem === 'index' || stem === '_index';
		const section = file.includes('/') ? file.slice(0, file.indexOf('/')) : '';
		const pattern = this.layout.permalinks[section];
		if (pattern !== undefined && stem !== '_index') {
			const date = typeof data.date === 'string' ? data.date : data.date instanceof Date ? data.date.toISOString() : '';
			const [year = '', month = '', day = ''] = date.slice(0, 10).split('-');
			const title = typeof data.title === 'string' ? urlize(data.title) : '';
			const slug = typeof data.slug === 'string' && data.slug !== '' ? data.slug : title;
			const made = pattern.replace(/:year/g, year).replace(/:month/g, month).replace(/:day/g, day)
				.replace(/:slug/g, slug).replace(/:title/g, title).replace(/:section/g, section)
				.replace(/:(filename|contentbasename)/g, bundle ? path.posix.basename(dir) : stem);
			const ugly = this.layout.uglySections.includes(section);
			return normaliseUrl(ugly ? made.replace(/\/$/, '.html') : made);
		}
		let segments = (bundle ? dir : dir === '' ? stem : `${dir}/${stem}`).split('/').filter(Boolean);
		if (typeof data.slug === 'string' && data.slug !== '' && !bundle) {
			segments = [...segments.slice(0, -1), data.slug];
		}
		return normaliseUrl(`/${segments.join('/')}/`);
	}

	private collectAliases(file: string, data: Record<string, unknown>): void {
		const aliases = Array.isArray(data.aliases) ? data.aliases : typeof data.aliases === 'string' ? [data.aliases] : [];
		const pageUrl = this.urlOf(file, data);
		for (const alias of aliases) {
			if (typeof alias === 'string' && alias !== '') {
				this.redirects.add(normaliseUrl(alias.startsWith('/') ? alias : path.posix.join(pageUrl, '..', alias)));
			}
		}
	}

	/** hugoDocs' `{{% include "path" %}}` renders another page's content in place: its ids become the page's. */
	private expandIncludes(): void {
		for (const page of this.pages.values()) {
			for (const match of page.text.matchAll(/\{\{%\s*include\s+"([^"]+)"\s*%\}\}/g)) {
				const included = this.getPage(page, match[1].startsWith('/') ? match[1] : `/${match[1]}`) ?? this.getPage(page, match[1]);
				for (const id of included?.ids ?? []) {
					page.ids.add(id);
				}
			}
		}
	}

	private collectIds(page: Page, body: string): void {
		const add = (id: string): void => {
			if (id === '') {
				return;
			}
			let candidate = id;
			for (let n = 1; page.ids.has(candidate); n++) {
				candidate = `${id}-${n}`;
			}
			page.ids.add(candidate);
		};
		const visit = (node: MdNode): void => {
			if (node.type === 'heading') {
				const text = textOf(node);
				const attribute = /\s*\{#([^}\s]+)[^}]*\}\s*$/.exec(text);
				add(attribute ? attribute[1] : hugoGithubId(text));
				return;
			}
			(node.children ?? []).forEach(visit);
		};
		visit(page.tree);
		if (this.layout.definitionTermIds) {
			// A definition list: a paragraph line followed by lines beginning with ": ".
			const lines = body.split(/\r?\n/);
			for (let i = 0; i + 1 < lines.length; i++) {
				if (/^:\s+\S/.test(lines[i + 1]) && lines[i].trim() !== '' && !/^:\s/.test(lines[i])) {
					add(hugoGithubId(lines[i].replace(/[*_`[\]]/g, '').replace(/\(([^)]*)\)/g, '')));
				}
			}
		}
		for (const match of body.matchAll(/<[a-zA-Z][^>]*\s(?:id|name)\s*=\s*["']([^"']+)["']/g)) {
			page.ids.add(match[1]);
		}
	}

	/** Every link and image of every page, with the verdict. */
	links(): OracleLink[] {
		const out: OracleLink[] = [];
		for (const page of this.pages.values()) {
			const definitions = new Map<string, string>();
			const visitDefinitions = (node: MdNode): void => {
				if (node.type === 'definition' && node.identifier !== undefined && node.url !== undefined) {
					definitions.set(node.identifier.toLowerCase(), node.url);
				}
				(node.children ?? []).forEach(visitDefinitions);
			};
			visitDefinitions(page.tree);
			const visit = (node: MdNode): void => {
				let destination: string | undefined;
				if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
					destination = node.url;
				}
				if (destination !== undefined && node.position) {
					const [verdict, why] = this.judge(page, destination, node.type === 'image', textOf(node));
					out.push({ file: page.file, line: node.position.start.line, column: node.position.start.column, endLine: node.position.end.line, endColumn: node.position.end.column, destination, verdict, why });
				}
				(node.children ?? []).forEach(visit);
			};
			visit(page.tree);
		}
		return out;
	}

	private judge(page: Page, raw: string, image: boolean, text: string): [Verdict, string] {
		if (raw === 'g') {
			return ['glossary', 'the glossary render hook'];
		}
		if (/\{\{|%7B%7B/i.test(raw)) {
			return ['template', 'made by a shortcode'];
		}
		if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//')) {
			return ['works', 'external'];
		}
		let decoded = raw;
		try {
			decoded = decodeURI(raw);
		} catch { /* keep */ }
		const hash = decoded.indexOf('#');
		const fragment = hash >= 0 ? decoded.slice(hash + 1) : '';
		const pathPart = (hash >= 0 ? decoded.slice(0, hash) : decoded).replace(/\?.*$/, '');
		if (pathPart === '') {
			return fragment === '' ? ['works', 'empty'] : this.judgeFragment(page, fragment);
		}
		const target = this.layout.getPageHook ? this.getPage(page, pathPart) : undefined;
		if (target !== undefined) {
			return fragment === '' ? ['works', `page ${target.file}`] : this.judgeFragment(target, fragment);
		}
		if (this.layout.getPageHook && this.isResource(page, pathPart)) {
			return ['works', 'resource'];
		}
		const url = normaliseUrl(pathPart.startsWith('/') ? pathPart : path.posix.join(this.urlOf(page.file, page.frontmatter), pathPart));
		const byUrl = this.byUrl.get(url);
		if (byUrl !== undefined) {
			const target = this.pages.get(byUrl);
			if (fragment === '' || target === undefined) {
				return fragment === '' ? ['works', `published URL of ${byUrl}`] : ['unverifiable', `#${fragment} in the HTML file ${byUrl}`];
			}
			return this.judgeFragment(target, fragment);
		}
		if (this.redirects.has(url)) {
			return ['works', 'redirect (alias)'];
		}
		const redirect = this.layout.redirectsFrom.find(from => from.endsWith('*') ? url.startsWith(normaliseUrl(from.slice(0, -1)).replace(/\/$/, '')) : normaliseUrl(from) === url);
		if (redirect !== undefined) {
			return ['works', `Netlify redirect ${redirect}`];
		}
		if (this.statics.has(pathPart.replace(/^\/+/, '').toLowerCase())) {
			return ['works', 'static file'];
		}
		void image;
		void text;
		return ['broken-page', `no page, resource or URL ${url}`];
	}

	private judgeFragment(target: Page, fragment: string): [Verdict, string] {
		if (target.ids.has(fragment)) {
			return ['works', `#${fragment} in ${target.file}`];
		}
		if (target.includesContent) {
			return ['unverifiable', `#${fragment}: ${target.file} includes content through shortcodes`];
		}
		return ['broken-fragment', `no #${fragment} in ${target.file}`];
	}

	/** Hugo's `GetPage`: a logical path, absolute or relative to the page, letter case ignored. */
	private getPage(page: Page, pathPart: string): Page | undefined {
		const clean = pathPart.replace(/\.md$/i, '').replace(/\/(_?index)$/i, '').replace(/\/+$/, '');
		const pageDir = path.posix.dirname(page.file) === '.' ? '' : path.posix.dirname(page.file);
		const candidates = clean.startsWith('/')
			? [clean]
			: [`/${path.posix.join(pageDir, clean)}`, `/${clean}`];
		for (const candidate of candidates) {
			const logical = path.posix.normalize(candidate).replace(/^\/+|\/+$/g, '').toLowerCase();
			const file = this.byLogicalPath.get(logical === '.' ? '' : logical);
			if (file !== undefined) {
				return this.pages.get(file);
			}
		}
		return undefined;
	}

	private isResource(page: Page, pathPart: string): boolean {
		const pageDir = path.posix.dirname(page.file) === '.' ? '' : path.posix.dirname(page.file);
		const inBundle = path.posix.normalize(path.posix.join(pageDir, pathPart)).replace(/^\/+/, '').toLowerCase();
		if (!pathPart.startsWith('/') && this.contentFiles.has(inBundle) && !/\.md$/i.test(inBundle)) {
			return true;
		}
		const global = pathPart.replace(/^\/+/, '').toLowerCase();
		return this.assets.has(global);
	}
}

/** Hugo's `urlize` for titles: lower case, spaces to `-`, punctuation dropped. */
function urlize(text: string): string {
	return text.trim().toLowerCase().replace(/\s+/g, '-').replace(/[^\p{L}\p{Nd}_.~-]/gu, '');
}

function normaliseUrl(url: string): string {
	const lower = url.toLowerCase().replace(/\/+/g, '/');
	const withSlash = /\.[a-z0-9]+$/.test(lower) || lower.endsWith('/') ? lower : `${lower}/`;
	return withSlash.startsWith('/') ? withSlash : `/${withSlash}`;
}
