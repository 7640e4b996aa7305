/**
 * How many of `check`'s link and anchor problems on a real Hugo site are
 * false alarms, judged by the independent resolver in hugoSiteOracle.ts.
 * Not a test: the sites are not in the repository.
 *
 *   npx tsc -b && node out/bench/siteAudit.js SITE_ROOT [--content content/en]
 *       [--assets assets] [--static static] [--dt-ids] [--check DIR] [--sample N]
 *       [--plant N] [-- CHECK_ARGS…]
 *
 * Runs `entity-vault check DIR --format json` (DIR: the content folder unless
 * --check names another, e.g. the site root), then sorts each error and
 * warning: a link or anchor problem whose link the resolver says works is a
 * false alarm; one it says is broken is real; glossary shorthand, links made
 * by shortcodes and fragments of pages built from includes are counted apart.
 * Links the resolver finds broken that `check` does not report are listed too.
 *
 * With --plant N the site is first copied to a temporary folder and N broken
 * links are appended to its pages (a misspelt page, a missing heading on an
 * existing page and on the same page, a missing relative page, a missing
 * image), in turn; the report then says how many of them `check` and the
 * resolver each found.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HugoSiteOracle, type OracleLink } from './hugoSiteOracle';

interface CheckDiagnostic {
	file: string;
	line: number;
	column: number;
	endLine: number;
	endColumn: number;
	severity: string;
	code: string;
	message: string;
}

const LINK_CODES = new Set(['broken-link', 'broken-anchor', 'link-outside-vault', 'broken-asset']);

function option(args: string[], name: string, fallback: string): string {
	const at = args.indexOf(name);
	return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
}

async function main(): Promise<void> {
	const all = process.argv.slice(2);
	const dashes = all.indexOf('--');
	const args = dashes >= 0 ? all.slice(0, dashes) : all;
	const checkArgs = dashes >= 0 ? all.slice(dashes + 1) : [];
	const contentDir = option(args, '--content', 'content');
	const plant = Number(option(args, '--plant', '0'));
	const siteRoot = plant > 0 ? plantedCopy(path.resolve(args[0] ?? '.'), contentDir, plant) : path.resolve(args[0] ?? '.');
	const sample = Number(option(args, '--sample', '15'));
	const config = await siteConfig(path.resolve(args[0] ?? '.'));
	const oracle = await HugoSiteOracle.load({
		siteRoot,
		contentDir,
		assetsDir: option(args, '--assets', 'assets'),
		staticDir: option(args, '--static', 'static'),
		definitionTermIds: args.includes('--dt-ids'),
		getPageHook: linkHookUsesGetPage(siteRoot, config),
		permalinks: recordOf(config.permalinks) as Record<string, string>,
		uglySections: Object.entries(recordOf(config.uglyURLs ?? config.uglyurls)).filter(([, on]) => on === true).map(([section]) => section),
		redirectsFrom: netlifyRedirects(siteRoot),
	});
	const links = oracle.links();
	const checkDir = path.resolve(siteRoot, option(args, '--check', contentDir));
	const cli = path.join(__dirname, '..', '..', 'bin', 'entity-vault.js');
	let output: string;
	try {
		output = execFileSync(process.execPath, [cli, 'check', checkDir, '--format', 'json', ...checkArgs], { encoding: 'utf8', maxBuffer: 1 << 30 });
	} catch (error) {
		output = (error as { stdout?: string }).stdout ?? '';
	}
	const report = JSON.parse(output) as { root: string; diagnostics: CheckDiagnostic[] };
	const contentRoot = path.join(siteRoot, contentDir);
	const toContent = (file: string): string => path.relative(contentRoot, path.resolve(report.root ?? checkDir, file)).split(path.sep).join('/');
	const byFileLine = new Map<string, OracleLink[]>();
	for (const link of links) {
		const key = `${link.file}:${link.line}`;
		byFileLine.set(key, [...(byFileLine.get(key) ?? []), link]);
	}
	const table: Record<string, Record<string, number>> = {};
	const falseAlarms: string[] = [];
	const reported = new Set<OracleLink>();
	for (const diagnostic of report.diagnostics) {
		if (diagnostic.severity !== 'error' && diagnostic.severity !== 'warning') {
			continue;
		}
		let verdict = 'not a link';
		if (LINK_CODES.has(diagnostic.code)) {
			const file = toContent(diagnostic.file);
			const candidates = byFileLine.get(`${file}:${diagnostic.line}`) ?? [];
			const link = candidates.find(l => l.column <= diagnostic.column && (l.endLine > diagnostic.line || l.endColumn >= diagnostic.column)) ?? candidates[0];
			if (link === undefined) {
				verdict = 'no link there (resolver)';
			} else {
				reported.add(link);
				verdict = link.verdict === 'works' ? 'FALSE ALARM' : link.verdict;
				if (link.verdict === 'works') {
					falseAlarms.push(`${file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.code} ${link.destination} — resolver: ${link.why}; check: ${diagnostic.message}`);
				}
			}
		}
		table[diagnostic.code] ??= {};
		table[diagnostic.code][verdict] = (table[diagnostic.code][verdict] ?? 0) + 1;
	}
	const planted = links.filter(l => l.destination.includes('planted'));
	const plantedReport = plant > 0 ? {
		planted: plant,
		reportedByCheck: planted.filter(l => reported.has(l)).length,
		brokenByResolver: planted.filter(l => l.verdict === 'broken-page' || l.verdict === 'broken-fragment').length,
	} : undefined;
	const missed = links.filter(l => (l.verdict === 'broken-page' || l.verdict === 'broken-fragment') && !reported.has(l));
	const verdicts: Record<string, number> = {};
	for (const link of links) {
		verdicts[link.verdict] = (verdicts[link.verdict] ?? 0) + 1;
	}
	process.stdout.write(`${JSON.stringify({ site: siteRoot, checked: checkDir, checkArgs, getPageHook: linkHookUsesGetPage(siteRoot, config), links: links.length, resolver: verdicts, errorsAndWarnings: table, falseAlarms: falseAlarms.length, missedBrokenLinks: missed.length, plantedReport }, null, 2)}\n`);
	process.stdout.write(`\nFalse alarms (first ${sample}):\n${falseAlarms.slice(0, sample).join('\n')}\n`);
	process.stdout.write(`\nBroken by the resolver, not reported (first ${sample}):\n${missed.slice(0, sample).map(l => `${l.file}:${l.line}:${l.column} ${l.destination} — ${l.why}`).join('\n')}\n`);
}

type Config = Record<string, unknown>;

function recordOf(value: unknown): Record<string, unknown> {
	return value !== null && typeof value === 'object' ? value as Record<string, unknown> : {};
}

/** The site's top-level TOML configuration (hugo.toml, config.toml or config/_default/hugo.toml), keys as written. */
async function siteConfig(siteRoot: string): Promise<Config> {
	const { parse } = await import('smol-toml');
	const yamlModule = await import('js-yaml') as unknown as { load?(text: string): unknown; default: { load(text: string): unknown } };
	const loadYaml = yamlModule.load ?? yamlModule.default.load;
	for (const base of ['hugo', 'config', 'config/_default/hugo', 'config/_default/config']) {
		for (const extension of ['toml', 'yaml', 'yml']) {
			const file = path.join(siteRoot, `${base}.${extension}`);
			if (fs.existsSync(file)) {
				const text = fs.readFileSync(file, 'utf8');
				return (extension === 'toml' ? parse(text) : loadYaml(text)) as Config;
			}
		}
	}
	return {};
}

/** How many languages the site declares: in its configuration's `languages`, or as `config/_default/languages.XX.*` files. */
function languageCount(siteRoot: string, config: Config): number {
	const declared = Object.keys(recordOf(config.languages)).length;
	const folder = path.join(siteRoot, 'config', '_default');
	const files = fs.existsSync(folder) ? fs.readdirSync(folder).filter(file => /^languages\.[\w-]+\.(toml|ya?ml|json)$/.test(file)).length : 0;
	return Math.max(declared, files);
}

/**
 * Whether links are resolved with GetPage: by the link render hook of the
 * site or of its active theme, or by Hugo's embedded one, which `useEmbedded
 * = "auto"` (the default) turns on for multilingual single-host sites.
 */
function linkHookUsesGetPage(siteRoot: string, config: Config): boolean {
	const useEmbedded = recordOf(recordOf(recordOf(recordOf(recordOf(config.markup).goldmark).renderHooks).link)).useEmbedded ?? 'auto';
	if (useEmbedded === 'always' || (useEmbedded === 'auto' && languageCount(siteRoot, config) > 1)) {
		return true;
	}
	const themes = (Array.isArray(config.theme) ? config.theme : typeof config.theme === 'string' ? [config.theme] : []) as string[];
	const folders = [path.join(siteRoot, 'layouts'), ...themes.map(theme => path.join(siteRoot, 'themes', theme, 'layouts'))].filter(folder => fs.existsSync(folder));
	const hooks = folders.flatMap(folder => fs.readdirSync(folder, { recursive: true, encoding: 'utf8' })
		.filter(file => /(^|[\\/])render-link\.html$/.test(file)).map(file => path.join(folder, file)));
	return hooks.some(file => /GetPage/.test(fs.readFileSync(file, 'utf8')));
}

/** The `from` paths of netlify.toml's redirects (site paths only). */
function netlifyRedirects(siteRoot: string): string[] {
	const file = path.join(siteRoot, 'netlify.toml');
	if (!fs.existsSync(file)) {
		return [];
	}
	const from = [...fs.readFileSync(file, 'utf8').matchAll(/^\s*from\s*=\s*"([^"]+)"/gm)].map(match => match[1]);
	return from.filter(path => path.startsWith('/'));
}

/** A copy of the site with `count` broken links appended to its pages, one kind after another. */
function plantedCopy(siteRoot: string, contentDir: string, count: number): string {
	const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'site-audit-'));
	fs.cpSync(siteRoot, copy, { recursive: true });
	const contentRoot = path.join(copy, contentDir);
	const pages = fs.readdirSync(contentRoot, { recursive: true, encoding: 'utf8' })
		.map(file => file.split(path.sep).join('/'))
		.filter(file => /\.md$/.test(file) && !file.startsWith('_common/'))
		// Not after an unclosed fence, where the planted line would be code.
		.filter(file => (fs.readFileSync(path.join(contentRoot, file), 'utf8').match(/^\s*(```|~~~)/gm) ?? []).length % 2 === 0)
		.sort();
	const step = Math.max(1, Math.floor(pages.length / count));
	for (let i = 0; i < count; i++) {
		const file = pages[(i * step) % pages.length];
		const other = pages[(i * step + 7) % pages.length];
		const otherPath = `/${other.replace(/\.md$/, '').replace(/\/_?index$/, '').replace(/^_?index$/, '')}/`.replace(/\/+/g, '/');
		const destinations = [
			`/${other.replace(/\.md$/, '')}-planted${i}/`,
			`${otherPath}#planted-heading-${i}`,
			`#planted-here-${i}`,
			`planted-missing-${i}/`,
			`/images/planted-${i}.png`,
		];
		const text = fs.readFileSync(path.join(contentRoot, file), 'utf8');
		fs.writeFileSync(path.join(contentRoot, file), `${text}\n\nPlanted: [planted ${i}](${destinations[i % destinations.length]})\n`);
	}
	process.stderr.write(`planted ${count} broken links in a copy at ${copy}\n`);
	return copy;
}

main().catch(error => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
