import { DIAGNOSTIC_CODES } from '../../service/vault/settings';
import type { ConfigShape } from './configShape';

/**
 * The keys of the vault configuration file (`.entity-vault.json`), their
 * shapes and descriptions: the loader validates against them and the
 * published JSON schema is generated from them.
 */
const stringList = (description: string): ConfigShape => ({ kind: 'list', items: { kind: 'string' }, description });
const SEVERITY: ConfigShape = { kind: 'enum', values: ['error', 'warning', 'information', 'hint', 'off'] };
const LINK_STYLE: ConfigShape = { kind: 'enum', values: ['absolute', 'relative', 'any', 'auto'], description: 'Which link spelling the vault uses: `absolute` (/people/x/), `relative` (../people/x.md), `any`, or `auto` (whichever most of its links use).' };
const FIELD_TYPES = ['text', 'date', 'names', 'link', 'list', 'number', 'boolean'] as const;

const FRONTMATTER_SECTION: ConfigShape = {
	kind: 'object',
	description: 'The frontmatter schema of the pages of one section.',
	properties: {
		required: stringList('Fields every page of the section has.'),
		fields: {
			kind: 'map',
			description: 'The fields, by name.',
			values: {
				kind: 'object',
				properties: {
					type: { kind: 'enum', values: FIELD_TYPES, description: 'text, date (YYYY-MM-DD), names (a list of names), link (to a page, of `section` when given), list, number or boolean.' },
					section: { kind: 'string', nonEmpty: true, description: 'For a link: the section its page is in (`places`).' },
					values: { kind: 'list', items: { kind: 'scalar' }, description: 'The values allowed.' },
				},
			},
		},
	},
};

const SITE: ConfigShape = {
	kind: 'object',
	description: "Overrides of the site generator's rules (read from hugo.toml, _config.yml, netlify.toml when present).",
	properties: {
		generator: { kind: 'enum', values: ['plain', 'hugo', 'jekyll'], description: 'Whose rules apply: `plain` is the vault model as documented.' },
		lowercaseUrls: { kind: 'boolean', description: 'Published URLs are lower-cased (Hugo unless disablePathToLower).' },
		externalPrefixes: stringList('URL prefixes published from elsewhere: a link under one is not broken when no page has it.'),
		ignoredDestinations: stringList('Destinations never checked (globs against the destination as written).'),
		mappedDestinations: {
			kind: 'list',
			description: 'Destinations that stand for a URL.',
			items: { kind: 'object', required: ['pattern', 'url'], properties: { pattern: { kind: 'string', nonEmpty: true }, url: { kind: 'string', nonEmpty: true } } },
		},
		redirects: {
			kind: 'list',
			description: 'Redirects: a link to `from` resolves to `to`.',
			items: { kind: 'object', required: ['from', 'to'], properties: { from: { kind: 'string', nonEmpty: true }, to: { kind: 'string', nonEmpty: true } } },
		},
		aliasFields: stringList('Frontmatter fields whose values are URLs redirecting to the page (Hugo `aliases`, Jekyll `redirect_from`).'),
		permalinks: { kind: 'map', values: { kind: 'string', nonEmpty: true }, description: 'Section → permalink pattern (`/:year/:month/:slug/`).' },
		uglyUrls: stringList('Sections whose pages are published as `/x.html` rather than `/x/` (Hugo `uglyURLs`); `*`: every section.'),
		languages: {
			kind: 'list',
			description: 'The languages of a multilingual site.',
			items: { kind: 'object', required: ['code', 'urlPrefix'], properties: { code: { kind: 'string', nonEmpty: true }, urlPrefix: { kind: 'string' }, contentDir: { kind: 'string' } } },
		},
		headingIds: { kind: 'enum', values: ['github', 'github-ascii', 'blackfriday'], description: "How a heading's id is made from its text (Hugo's autoHeadingIDType)." },
		headingAttributes: { kind: 'boolean', description: '`## Title {#custom-id}` sets the id.' },
		attributeLists: { kind: 'boolean', description: "kramdown's attribute list `{: #custom-id}` on the line after a heading sets its id (Jekyll; with headingAttributes)." },
		definitionTermIds: { kind: 'boolean', description: "Definition-list terms get ids (Hugo's autoDefinitionTermID)." },
		linkStyle: LINK_STYLE,
		staticFolders: stringList('Folders, relative to the vault root, whose files are published at the site root.'),
		htmlWithoutExtension: { kind: 'boolean', description: 'The host serves `/x` and `/x/` from `/x.html` (Netlify\'s Pretty URLs; on when the site has netlify.toml or _redirects).' },
		taxonomies: stringList('Taxonomies whose list and term pages the generator makes (`/tags/`, `/tags/TERM/`; Hugo: tags and categories).'),
		generatedFiles: stringList('Files the generator makes at these URLs (`/sitemap.xml`, `/index.xml`): links to them are not broken.'),
		includeShortcodes: stringList('Shortcodes whose first argument is a content page rendered in place (`{{% include "/_common/x.md" %}}`): its anchors count as the including page\'s.'),
	},
};

export const VAULT_CONFIG_SHAPE: ConfigShape = {
	kind: 'object',
	description: 'Entity Vault configuration: read identically by the editor and by `entity-vault check`. What it says wins over the VS Code settings.',
	properties: {
		$schema: { kind: 'string', description: 'The JSON schema of this file.' },
		root: { kind: 'string', nonEmpty: true, description: 'The vault root (the folder holding the sections), relative to this file.' },
		exclude: stringList('Glob patterns of paths to skip (node_modules and dot-folders always are).'),
		severity: { kind: 'map', keys: DIAGNOSTIC_CODES, values: SEVERITY, description: 'Severity per diagnostic code: error, warning, information, hint or off.' },
		linkStyle: LINK_STYLE,
		ignoreDestinations: stringList('Link destinations never checked (globs against the destination as written, e.g. `{{*`).'),
		mapDestinations: { kind: 'map', values: { kind: 'string', nonEmpty: true }, description: 'Destination glob → the URL it stands for; `{text}` is the link text as a heading id (e.g. `{"g": "/quick-reference/glossary/#{text}"}`).' },
		publishedPrefixes: stringList('Extra URL prefixes published from elsewhere (another repository, a mount): links under them are not broken.'),
		redirectField: { kind: 'string', description: "The frontmatter field a rename appends the page's old URL to ('' for none)." },
		mentions: {
			kind: 'object',
			description: 'Which names make an unlinked-mention.',
			properties: {
				minLength: { kind: 'integer', minimum: 1, description: 'Names shorter than this are not looked for.' },
				ignore: stringList('Names never reported (letter case ignored).'),
			},
		},
		frontmatter: { kind: 'map', values: FRONTMATTER_SECTION, keyDescription: 'A section (`people`), or `*` for every section.', description: 'The frontmatter schema per section (`*`: every section).' },
		site: SITE,
	},
};
