import { destinationMatcher } from './globs';
import { slugifyHeading } from '../parse/headingSlug';
import { DEFAULT_SITE_RULES, type ContentLanguage, type OtherContentPage, type SiteRedirect, type SiteRules } from './siteRules';
import { pageUrlForPath, resolveLinkDestination, type LinkTarget } from './vaultPaths';

/**
 * The site's URL model, compiled from its rules (siteRules.ts): the URL a
 * page is published at, what a link destination names, which destinations
 * are not checked, which URLs redirect or are served from elsewhere.
 *
 * Hugo's rules, as its `resources/page/page_paths.go` applies them:
 * - the path is lower-cased unless `disablePathToLower` (`lowercaseUrls`),
 *   except a `url:` set in the frontmatter, which is kept as written;
 * - `url:` replaces the whole URL (without a leading slash it is under the
 *   language prefix), `slug:` the last segment, a section's permalink
 *   pattern the whole URL of its regular pages (`_index.md` keeps its own);
 * - each language's pages (its content folder `zh/…`, or a `page.zh.md`
 *   file) are published under its prefix (`/zh/…`).
 *
 * A link written in other letter case than the published URL
 * (`/functions/lang/Translate/` on a lower-casing site) resolves to the page,
 * as Hugo's link render hooks and `ref`/`relref` resolve it (letter case
 * aside), and is marked non-canonical: its hint rewrites it to the URL the
 * site publishes, which a case-sensitive web server needs.
 */

const TEMPLATE_SYNTAX = '{{';
const MARKDOWN_FILE = /\.(md|markdown)$/i;

function withSlashes(url: string): string {
	const lead = url.startsWith('/') ? url : `/${url}`;
	const last = lead.slice(lead.lastIndexOf('/') + 1);
	return last.includes('.') || lead.endsWith('/') ? lead : `${lead}/`;
}

/** `..` and `.` segments and doubled slashes of a URL path removed (never above the root). */
function normalizeUrl(url: string): string {
	const segments: string[] = [];
	for (const segment of url.split('/')) {
		if (segment === '..') {
			segments.pop();
		} else if (segment !== '' && segment !== '.') {
			segments.push(segment);
		}
	}
	const trailing = url.endsWith('/') || segments.length === 0;
	return `/${segments.join('/')}${trailing && segments.length > 0 ? '/' : ''}`;
}

/** Hugo's `urlize` of a title, before lower-casing: blanks to `-`, what a path cannot hold dropped. */
export function urlize(text: string): string {
	return text.trim().replace(/\s+/g, '-').replace(/[^\p{L}\p{M}\p{N}_.~-]/gu, '');
}

/** A frontmatter date (`2024-03-07`, `2024-03-07T10:00:00Z` or a Date) as year, month, day. */
function dateParts(value: unknown): [string, string, string] {
	const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : '';
	const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
	return match ? [match[1], match[2], match[3]] : ['0001', '01', '01'];
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `:sections[1:]`, `[:last]`, `[last]`, `[1:2]` of Hugo's permalink slice syntax. */
function sliceOf(sections: readonly string[], slice: string | undefined): readonly string[] {
	if (slice === undefined) {
		return sections;
	}
	const index = (value: string, fallback: number): number => (value === '' ? fallback : value === 'last' ? sections.length - 1 : Number(value));
	const [from, to] = slice.split(':');
	if (to === undefined) {
		const at = index(from, 0);
		return sections.slice(at, at + 1);
	}
	return sections.slice(index(from, 0), to === '' ? sections.length : to === 'last' ? sections.length - 1 : Number(to) + 1);
}

interface ContentPath {
	/** The path without the language folder or the `.lang` before the extension. */
	readonly path: string;
	/** The language's URL prefix without slashes, '' for none. */
	readonly prefix: string;
}

type Data = Readonly<Record<string, unknown>> | undefined;

function stringField(data: Data, key: string): string {
	const value = data?.[key];
	return typeof value === 'string' ? value.trim() : '';
}

function listField(data: Data, key: string): string[] {
	const value = data?.[key];
	const items = Array.isArray(value) ? value : [value];
	return items.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map(item => item.trim());
}

/**
 * A Jekyll permalink (`/:collection/:path/`, `/:categories/:year/:month/:day/:title:output_ext`):
 * the collection is the first folder without its `_`, the path the rest
 * without the extension, a post's date and title come from its file name
 * (`2016-01-01-welcome.md`) unless its frontmatter says otherwise.
 */
function jekyllPermalink(pattern: string, folders: readonly string[], baseName: string, slug: string, data: Data): string {
	const named = /^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$/.exec(baseName);
	const [year, month, day] = data?.date !== undefined ? dateParts(data.date) : named ? [named[1], named[2].padStart(2, '0'), named[3].padStart(2, '0')] : dateParts(undefined);
	const title = slug !== '' ? slug : named ? named[4] : baseName;
	const categories = listField(data, 'categories').flatMap(category => category.split(/\s+/)).filter(Boolean);
	return pattern.replace(/:(\w+)/g, (token: string, name: string) => {
		switch (name) {
			case 'collection': return (folders[0] ?? '').replace(/^_/, '');
			case 'path': return [...folders.slice(1), baseName].join('/');
			case 'name': return baseName;
			case 'title': return title;
			case 'slug': return urlize(title);
			case 'categories': return categories.join('/');
			case 'year': return year;
			case 'short_year': return year.slice(2);
			case 'month': return month;
			case 'i_month': return String(Number(month));
			case 'day': return day;
			case 'i_day': return String(Number(day));
			case 'output_ext': return '.html';
			default: return token;
		}
	});
}

export class SiteUrls {
	static readonly PLAIN = new SiteUrls(DEFAULT_SITE_RULES);

	/**
	 * What summaries depend on (page URLs and link targets): summaries made
	 * under another key are made again (see parse/siteParts.ts). '' for the
	 * plain vault model.
	 */
	readonly key: string;
	/** Language code → URL prefix (no slashes), for `page.zh.md` files. */
	private readonly languages: ReadonlyMap<string, string>;
	/** Content folder inside the vault root → its language's URL prefix (`contentDir`, else the language's code). */
	private readonly languageFolders: ReadonlyMap<string, string>;
	/** The URL prefix of the language whose content is the vault root itself. */
	private readonly rootPrefix: string;
	private readonly unchecked: ((destination: string) => boolean) | undefined;
	private readonly mapped: readonly { readonly matches: (destination: string) => boolean; readonly url: string }[];
	private readonly externalPrefixes: readonly string[];
	/** The URLs of the pages published from content files in other formats (`otherContentPages`). */
	private readonly otherContentUrls: ReadonlySet<string>;
	private readonly redirects: ReadonlyMap<string, string>;
	private readonly splatRedirects: readonly SiteRedirect[];

	constructor(
		readonly rules: SiteRules,
		/** Pages published from content files in other formats than markdown: links to their URLs are not broken (their headings are not known). */
		readonly otherContentPages: readonly OtherContentPage[] = [],
	) {
		const urlRules = { generator: rules.generator, lowercaseUrls: rules.lowercaseUrls, languages: rules.languages, permalinks: rules.permalinks, uglyUrls: rules.uglyUrls, ignoredDestinations: rules.ignoredDestinations, mapped: rules.mappedDestinations.map(mapped => mapped.pattern) };
		const plain = rules.generator === 'plain' && !rules.lowercaseUrls && rules.languages.length === 0 && Object.keys(rules.permalinks).length === 0 && rules.uglyUrls.length === 0
			&& rules.ignoredDestinations.length === 0 && rules.mappedDestinations.length === 0;
		this.key = plain ? '' : JSON.stringify(urlRules);
		const prefixOf = (language: ContentLanguage): string => language.urlPrefix.replace(/^\/+|\/+$/g, '');
		const folderOf = (language: ContentLanguage): string => (language.contentDir ?? language.code).replace(/\\/g, '/').replace(/^(\.\/)+|^\/+|\/+$/g, '');
		this.languages = new Map(rules.languages.map(language => [language.code, prefixOf(language)]));
		this.languageFolders = new Map(rules.languages.filter(language => folderOf(language) !== '' && !folderOf(language).startsWith('..')).map(language => [folderOf(language), prefixOf(language)]));
		const rootLanguage = rules.languages.find(language => folderOf(language) === '');
		this.rootPrefix = rootLanguage === undefined ? '' : prefixOf(rootLanguage);
		const globs = [...rules.ignoredDestinations];
		this.unchecked = globs.length > 0 ? destinationMatcher(globs) : undefined;
		this.mapped = rules.mappedDestinations.map(mapped => ({ matches: destinationMatcher(mapped.pattern), url: mapped.url }));
		// A language whose content lies outside the vault root (`../de`) is never read: its URLs are served from there.
		const outside = rules.languages.filter(language => folderOf(language).startsWith('..') && prefixOf(language) !== '').map(language => prefixOf(language));
		this.externalPrefixes = [...rules.externalPrefixes, ...outside].map(prefix => this.cased(withSlashes(prefix.trim())));
		this.redirects = new Map(rules.redirects.filter(redirect => !redirect.from.endsWith('*')).map(redirect => [this.cased(withSlashes(redirect.from)), redirect.to]));
		this.splatRedirects = rules.redirects.filter(redirect => redirect.from.endsWith('*'));
		// Placed as a markdown file of that name would be (`docs/ct-logs.html` as `docs/ct-logs.md`, `index.html` a bundle's).
		this.otherContentUrls = new Set(otherContentPages.map(page => this.pageUrl(page.path.replace(/\.[^./]+$/, '.md'), page.data)));
	}

	/**
	 * The URL prefix (`en`, no slashes) a page bundle's shared resources are
	 * published under: Hugo publishes the files of a multilingual bundle
	 * once, in the default language's bundle ('' when it has no prefix, or
	 * the site one language).
	 */
	get sharedResourcePrefix(): string {
		return this.languages.get(this.rules.defaultLanguage) ?? '';
	}

	/** Whether page URLs are lower-cased. */
	get lowercase(): boolean {
		return this.rules.lowercaseUrls;
	}

	private cased(url: string): string {
		return this.rules.lowercaseUrls ? url.toLowerCase() : url;
	}

	/** The path in its language's tree: `zh/people/x.md` or `people/x.zh.md` → `people/x.md` under `zh`. */
	private contentPath(path: string): ContentPath {
		if (this.languages.size === 0) {
			return { path, prefix: '' };
		}
		for (const [folder, prefix] of this.languageFolders) {
			if (path.startsWith(`${folder}/`)) {
				return { path: path.slice(folder.length + 1), prefix };
			}
		}
		const suffix = /\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)?)\.(md|markdown)$/.exec(path);
		const prefix = suffix ? this.languages.get(suffix[1]) : undefined;
		return prefix === undefined || suffix === null ? { path, prefix: this.rootPrefix } : { path: `${path.slice(0, suffix.index)}.${suffix[2]}`, prefix };
	}

	/** The URL a path to a markdown file names: `people/x.md` → `/people/x/` (language prefix, letter case). */
	fileUrl(path: string): string {
		if (this.key === '') {
			return pageUrlForPath(path);
		}
		const content = this.contentPath(path);
		const url = pageUrlForPath(content.path);
		return this.cased(content.prefix === '' ? url : `/${content.prefix}${url}`);
	}

	/** The URL the page at `path` is published at, its frontmatter (`url`, `slug`, `date`, `title`) read as the site reads it. */
	pageUrl(path: string, data: Data): string {
		if (this.key === '') {
			return pageUrlForPath(path);
		}
		const content = this.contentPath(path);
		const under = (url: string): string => (content.prefix === '' ? url : `/${content.prefix}${url}`);
		// Hugo's `url:`; Jekyll's `permalink:` (a page's own URL).
		const explicit = (stringField(data, 'url') || (this.rules.generator === 'jekyll' ? stringField(data, 'permalink') : '')).replace(/\\:/g, ':');
		if (explicit !== '') {
			return normalizeUrl(withSlashes(explicit.startsWith('/') ? explicit : under(`/${explicit}`)));
		}
		const segments = content.path.split('/');
		const file = segments.pop() ?? '';
		const stem = file.replace(MARKDOWN_FILE, '');
		if (stem === '_index') {
			return this.fileUrl(path);
		}
		const bundle = stem === 'index';
		const baseName = bundle ? segments[segments.length - 1] ?? '' : stem;
		const folders = bundle ? segments.slice(0, -1) : segments;
		const slug = stringField(data, 'slug');
		const pattern = folders.length > 0 ? this.rules.permalinks[folders[0]] : undefined;
		const published = (url: string): string => this.cased(this.isUgly(folders[0]) && url !== '/' && url.endsWith('/') ? `${url.slice(0, -1)}.html` : url);
		if (pattern !== undefined) {
			return published(under(normalizeUrl(withSlashes(this.expandPermalink(pattern, folders, baseName, slug, data)))));
		}
		const last = slug !== '' ? urlize(slug) : baseName;
		return published(under(folders.length === 0 && last === '' ? '/' : `/${[...folders, last].filter(Boolean).join('/')}/`));
	}

	/** Whether the regular pages of a section (undefined: the content root) are published as `/x.html` (Hugo's `uglyURLs`). */
	private isUgly(section: string | undefined): boolean {
		const sections = this.rules.uglyUrls;
		return sections.includes('*') || (section !== undefined && sections.some(ugly => ugly.toLowerCase() === section.toLowerCase()));
	}

	private expandPermalink(pattern: string, folders: readonly string[], baseName: string, slug: string, data: Data): string {
		if (this.rules.generator === 'jekyll') {
			return jekyllPermalink(pattern, folders, baseName, slug, data);
		}
		const [year, month, day] = dateParts(data?.date);
		const title = urlize(stringField(data, 'title') || baseName);
		return pattern.replace(/:(\w+)(?:\[([^\]]*)\])?/g, (token: string, name: string, slice: string | undefined) => {
			switch (name) {
				case 'year': return year;
				case 'month': return month;
				case 'monthname': return MONTH_NAMES[Number(month) - 1] ?? month;
				case 'day': return day;
				case 'section': return folders[0] ?? '';
				case 'sections': return sliceOf(folders, slice).join('/');
				case 'title': return title;
				case 'slug': return slug !== '' ? urlize(slug) : title;
				case 'filename':
				case 'contentbasename': return baseName;
				case 'slugorfilename':
				case 'slugorcontentbasename': return slug !== '' ? urlize(slug) : baseName;
				default: return token;
			}
		});
	}

	/**
	 * Whether the site leaves a destination unchecked: template syntax
	 * (`{{< ref … >}}`, `{{% … %}}`, `{{ … }}`: the site's templates make the
	 * URL), an ignored destination, a mapped one (checked through `mappedUrl`
	 * with the link's text).
	 */
	isUnchecked(destination: string): boolean {
		return destination.includes(TEMPLATE_SYNTAX) || (this.unchecked?.(destination.trim()) ?? false) || this.mapped.some(mapped => mapped.matches(destination.trim()));
	}

	/** What a link destination written in the page at `fromPath` (published at `fromUrl`) names, by the site's rules. */
	resolve(destination: string, fromPath: string, fromUrl: string): LinkTarget {
		if (this.key === '') {
			return resolveLinkDestination(destination, fromPath);
		}
		if (this.isUnchecked(destination)) {
			return { kind: 'external' };
		}
		const target = this.resolveUgly(destination, fromPath, fromUrl);
		if (target.kind !== 'page' || !this.rules.lowercaseUrls) {
			return target;
		}
		const url = target.url.toLowerCase();
		return url === target.url ? target : { ...target, url, canonical: false };
	}

	/**
	 * With ugly URLs, a destination ending in `.html` (`/2015/11/09/why-90-days.html`)
	 * names the page published there (a file when no page is: the diagnostics
	 * look for it among the assets then); relative destinations resolve
	 * against the folder of the page's URL, as a browser does.
	 */
	private resolveUgly(destination: string, fromPath: string, fromUrl: string): LinkTarget {
		const base = fromUrl.endsWith('/') || /^\s*[?#]/.test(destination) ? fromUrl : fromUrl.slice(0, fromUrl.lastIndexOf('/') + 1);
		const site = { baseUrl: base, urlOfPath: (path: string): string => this.fileUrl(path) };
		const html = this.rules.uglyUrls.length > 0 ? /^([^?#]*[^/?#])\.html((?:[?#].*)?)$/i.exec(destination.trim()) : null;
		if (html === null) {
			return resolveLinkDestination(destination, fromPath, site);
		}
		const target = resolveLinkDestination(`${html[1]}/${html[2]}`, fromPath, site);
		return target.kind === 'page' && target.url.endsWith('/') && target.url !== '/' ? { ...target, url: `${target.url.slice(0, -1)}.html` } : target;
	}

	/**
	 * The URL a mapped destination stands for (`[glob pattern](g)` →
	 * `/quick-reference/glossary/#glob-pattern`), resolved as a link of the
	 * page; undefined when the destination is not mapped.
	 */
	mappedTarget(destination: string, linkText: string, fromPath: string, fromUrl: string): LinkTarget | undefined {
		const mapped = this.mapped.find(candidate => candidate.matches(destination.trim()));
		if (mapped === undefined) {
			return undefined;
		}
		const url = mapped.url.replace(/\{text\}/g, encodeURIComponent(slugifyHeading(linkText.trim())));
		return this.resolve(url, fromPath, fromUrl);
	}

	/**
	 * The URLs a relative destination names as a content path, as Hugo's link
	 * render hooks (its embedded one, hugoDocs' own) resolve it with
	 * `GetPage`: from the page's folder (`0.16.0/` beside
	 * `blog/2026/hugo-0.158.0+.md`), then from the content root
	 * (`methods/page/date`). Empty on other sites, and for destinations a
	 * browser resolves as they are (absolute, `.md` files, schemes).
	 */
	contentPathUrls(destination: string, fromPath: string): string[] {
		const written = destination.trim().replace(/[?#].*$/, '').replace(/\/+$/, '');
		if (this.rules.generator !== 'hugo' || written === '' || written.startsWith('/') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(written) || MARKDOWN_FILE.test(written)) {
			return [];
		}
		const content = this.contentPath(fromPath);
		const folder = content.path.split('/').slice(0, -1).join('/');
		const under = (path: string): string => this.cased(normalizeUrl(`${content.prefix === '' ? '' : `/${content.prefix}`}/${path}/`));
		return [...new Set([under(`${folder}/${written}`), under(written)])];
	}

	/**
	 * Whether the site publishes a URL without a page of the vault: under a
	 * prefix published from elsewhere (a mount, another repository), or a
	 * page made from a content file in another format (`donate.html`).
	 */
	isExternal(url: string): boolean {
		return this.otherContentUrls.has(url) || this.externalPrefixes.some(prefix => url === prefix || url.startsWith(prefix) || `${url}/` === prefix);
	}

	/** Where a site redirect (Netlify `_redirects`, `netlify.toml`) sends `url`, if one does: a site URL or an external one. */
	siteRedirect(url: string): string | undefined {
		const exact = this.redirects.get(url);
		if (exact !== undefined) {
			return this.siteUrlOf(exact);
		}
		for (const redirect of this.splatRedirects) {
			const prefix = this.cased(redirect.from.slice(0, -1));
			if (url.startsWith(prefix)) {
				return this.siteUrlOf(redirect.to.replace(':splat', url.slice(prefix.length)));
			}
		}
		return undefined;
	}

	/** A redirect's target as the index keys pages (`/new` → `/new/`), an external URL as it is. */
	private siteUrlOf(to: string): string {
		const path = to.trim().replace(/[?#].*$/, '');
		return path.startsWith('/') && !path.startsWith('//') ? this.cased(normalizeUrl(withSlashes(path))) : to;
	}

	/**
	 * The URLs that lead to a page besides its own: the values of its alias
	 * fields that are URL paths (Hugo `aliases`, relative ones from the
	 * page's folder; Jekyll `redirect_from`), and the URL its file path names
	 * when the page is published elsewhere (`url:`, `slug:`, a permalink), so
	 * that a link to its `.md` file still finds it.
	 */
	redirectsOf(page: { readonly path: string; readonly url: string; readonly frontmatter: { readonly data: Data } }): string[] {
		if (this.key === '' && this.rules.aliasFields.length === 0) {
			return [];
		}
		const urls = new Set<string>();
		const content = this.contentPath(page.path);
		const folder = pageUrlForPath(content.path).replace(/[^/]*\/$/, '');
		for (const field of this.rules.aliasFields) {
			for (const alias of listField(page.frontmatter.data, field)) {
				if (/\s/.test(alias) || alias.includes('://')) {
					continue; // a name, not a URL path
				}
				const url = alias.startsWith('/') ? alias : `${folder}${alias}`;
				// Hugo publishes an alias as a folder (`x/index.html`) unless it ends in `.html` (`docsy-0.7` is a folder).
				const published = /\.html?$/i.test(url) || url.endsWith('/') ? url : `${url}/`;
				urls.add(this.cased(normalizeUrl(withSlashes(content.prefix === '' ? published : `/${content.prefix}${published}`))));
			}
		}
		urls.add(this.fileUrl(page.path));
		urls.delete(page.url);
		return [...urls];
	}
}
