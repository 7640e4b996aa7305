/**
 * The site generator's rules a vault is published by: how a page's URL is
 * made, which URLs are served from elsewhere, how anchors are made. The
 * transport reads them from the site's own configuration (Hugo's
 * `hugo.toml`, Jekyll's `_config.yml`, Netlify's redirects) and from the
 * vault configuration file; the service only applies them. The defaults are
 * the plain vault model: `/SECTION/SLUG/` names `SECTION/SLUG.md`, letter
 * case kept, GitHub heading ids.
 */

/** The generator whose rules apply; `plain` is the vault model as documented. */
export type SiteGenerator = 'plain' | 'hugo' | 'jekyll';

/** How a heading's id is made from its text (Hugo's `autoHeadingIDType`). */
export type HeadingIdStyle = 'github' | 'github-ascii' | 'blackfriday';

/** Which link spelling the vault uses; `auto`: whichever most of its links use. */
export type LinkStyle = 'absolute' | 'relative' | 'any' | 'auto';

export interface MappedDestination {
	/** A picomatch glob matched against the destination as written (`g`). */
	readonly pattern: string;
	/** The URL it stands for; `{text}` is the link text as a heading id (`/quick-reference/glossary/#{text}`). */
	readonly url: string;
}

export interface SiteRedirect {
	/** The URL redirected, as the site serves it (`/old/path/`). */
	readonly from: string;
	/** Where it goes: a site URL, or an external URL. */
	readonly to: string;
}

export interface ContentLanguage {
	/** The language code (`en`, `zh`). */
	readonly code: string;
	/** The URL prefix its pages are published under (`/zh/`), or '' for none. */
	readonly urlPrefix: string;
	/** Its content folder relative to the vault root ('' for the vault root itself, `../de` beside it), when the site says. */
	readonly contentDir?: string;
}

/** A page the site publishes from a content file Entity Vault does not read as markdown (Hugo's `donate.html`, `guide.adoc`). */
export interface OtherContentPage {
	/** Its path relative to the vault root. */
	readonly path: string;
	/** The frontmatter fields that place it (`url`, `slug`, `date`, `title`), as strings. */
	readonly data: Readonly<Record<string, unknown>>;
}

export interface SiteRules {
	readonly generator: SiteGenerator;
	/** Hugo lower-cases published URLs unless `disablePathToLower` is set. */
	readonly lowercaseUrls: boolean;
	/** URL prefixes published from elsewhere (mounts whose source is outside the vault, submodules, other repositories): a link under one is not broken when no page has it. */
	readonly externalPrefixes: readonly string[];
	/** Destinations never checked (picomatch globs against the destination as written). */
	readonly ignoredDestinations: readonly string[];
	/** Destinations that stand for a URL (a site's link shorthand, e.g. hugoDocs' `[glob pattern](g)`). */
	readonly mappedDestinations: readonly MappedDestination[];
	/** Redirects declared by site files (Netlify `_redirects`, `netlify.toml`). */
	readonly redirects: readonly SiteRedirect[];
	/** Frontmatter fields whose values are URLs that redirect to the page (Hugo `aliases`, Jekyll `redirect_from`). */
	readonly aliasFields: readonly string[];
	/** Section → permalink pattern (`/:year/:month/:slug/`), Hugo's `permalinks`. */
	readonly permalinks: Readonly<Record<string, string>>;
	/** Sections whose regular pages are published as `/x.html` rather than `/x/` (Hugo's `uglyURLs`); `*`: every section. */
	readonly uglyUrls: readonly string[];
	/** The site's languages when the content is multilingual; empty otherwise. */
	readonly languages: readonly ContentLanguage[];
	/** The code of the default language among `languages` (Hugo's `defaultContentLanguage`), '' when not multilingual. */
	readonly defaultLanguage: string;
	readonly headingIds: HeadingIdStyle;
	/** `## Title {#custom-id}` sets the id (on by default in Hugo's goldmark). */
	readonly headingAttributes: boolean;
	/** kramdown's block attribute list on the line after a heading (`{: #id}`) sets its id (Jekyll). */
	readonly attributeLists: boolean;
	/** Definition-list terms get ids (Hugo's `autoDefinitionTermID`), sharing the duplicate counter with headings. */
	readonly definitionTermIds: boolean;
	readonly linkStyle: LinkStyle;
	/** Folders, relative to the vault root, whose files are published at the site root (Hugo's `static/` is `../static`). */
	readonly staticFolders: readonly string[];
	/** The host serves `/x` and `/x/` from `/x.html` (Netlify's Pretty URLs, on by default: set when the site has netlify.toml or a _redirects file). */
	readonly htmlWithoutExtension: boolean;
	/** Taxonomies whose term pages the generator makes from the frontmatter field of that name (Hugo's `tags` and `categories`: `/tags/`, `/tags/TERM/`). */
	readonly taxonomies: readonly string[];
	/** Files the generator makes at these URLs (`/sitemap.xml`, `/index.xml`, `/robots.txt`): links to them are not broken assets. */
	readonly generatedFiles: readonly string[];
	/** Shortcodes whose first argument is a content page rendered in place (hugoDocs' `{{% include "/_common/x.md" %}}`): its anchors are the including page's. */
	readonly includeShortcodes: readonly string[];
	/**
	 * Folders, relative to the vault root ('' the root itself), whose files in
	 * content formats other than markdown the site publishes as pages (Hugo's
	 * content folders inside the root): the transport finds them in the
	 * vault's listing and gives them to the service (`setOtherContentPages`).
	 */
	readonly contentFolders: readonly string[];
}

export const DEFAULT_SITE_RULES: SiteRules = Object.freeze({
	generator: 'plain',
	lowercaseUrls: false,
	externalPrefixes: Object.freeze([]) as readonly string[],
	ignoredDestinations: Object.freeze([]) as readonly string[],
	mappedDestinations: Object.freeze([]) as readonly MappedDestination[],
	redirects: Object.freeze([]) as readonly SiteRedirect[],
	aliasFields: Object.freeze([]) as readonly string[],
	permalinks: Object.freeze({}),
	uglyUrls: Object.freeze([]) as readonly string[],
	languages: Object.freeze([]) as readonly ContentLanguage[],
	defaultLanguage: '',
	headingIds: 'github',
	headingAttributes: false,
	attributeLists: false,
	definitionTermIds: false,
	linkStyle: 'auto',
	staticFolders: Object.freeze([]) as readonly string[],
	htmlWithoutExtension: false,
	taxonomies: Object.freeze([]) as readonly string[],
	generatedFiles: Object.freeze([]) as readonly string[],
	includeShortcodes: Object.freeze([]) as readonly string[],
	contentFolders: Object.freeze([]) as readonly string[],
} satisfies SiteRules);
