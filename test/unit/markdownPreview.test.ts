import * as assert from 'assert';
import * as fs from 'fs';
import MarkdownIt from 'markdown-it';
import * as path from 'path';
import { documentPathOf, extendMarkdownIt } from '../../client/src/markdownPreview';
import { rewriteSiteLink, vaultRootOf, type PreviewLinkContext } from '../../client/src/previewLinks';

const ROOT = path.resolve('/vault');
const SEED_PAGE = path.resolve(__dirname, '../../../examples/vault/organizations/mi6.md');

/** A vault whose files are `files` (vault-relative, `/`-separated). */
function context(documentPath: string, files: string[], roots = [ROOT]): PreviewLinkContext {
	const existing = new Set(files.map(file => path.join(ROOT, ...file.split('/'))));
	return { documentPath: path.join(ROOT, ...documentPath.split('/')), vaultRoots: roots, exists: filePath => existing.has(filePath) };
}

describe('client: the Markdown preview\'s site links', () => {
	const files = ['places/london.md', 'places/paris/index.md', 'places/rome/_index.md', 'people/x.md', 'organizations/mi6.md'];

	it('points /SECTION/SLUG/ at the page file, in each of its three forms, relative to the document', () => {
		const page = context('organizations/mi6.md', files);
		assert.strictEqual(rewriteSiteLink('/places/london/', page), '../places/london.md');
		assert.strictEqual(rewriteSiteLink('/places/paris/', page), '../places/paris/index.md');
		assert.strictEqual(rewriteSiteLink('/places/rome/', page), '../places/rome/_index.md');
		assert.strictEqual(rewriteSiteLink('/organizations/mi6/', page), 'mi6.md');
	});

	it('keeps the fragment, and takes a link without its trailing slash', () => {
		const page = context('organizations/mi6.md', files);
		assert.strictEqual(rewriteSiteLink('/places/london/#history', page), '../places/london.md#history');
		assert.strictEqual(rewriteSiteLink('/people/x', page), '../people/x.md');
		assert.strictEqual(rewriteSiteLink('/people/x#early-life', page), '../people/x.md#early-life');
	});

	it('resolves from a page in a subfolder of a section, and from a page under a nested root', () => {
		assert.strictEqual(rewriteSiteLink('/places/london/', context('people/spies/kim.md', files)), '../../places/london.md');
		const nested = context('content/people/x.md', ['content/places/london.md'], [ROOT, path.join(ROOT, 'content')]);
		assert.strictEqual(rewriteSiteLink('/places/london/', nested), '../places/london.md');
	});

	it('encodes a file name that needs it, and decodes the link to find the file', () => {
		const page = context('people/x.md', ['places/são paulo.md']);
		assert.strictEqual(rewriteSiteLink('/places/s%C3%A3o%20paulo/', page), '../places/s%C3%A3o%20paulo.md');
	});

	it('leaves every other link alone', () => {
		const page = context('organizations/mi6.md', files);
		for (const href of ['https://www.gov.uk/', '//cdn.example.com/x/', 'mailto:a@b.c', '#origins', '../places/london.md', '/places/nowhere/', '/', '/places/london/?q=1', '/places/../people/x/', '/%E0%A4%A/']) {
			assert.strictEqual(rewriteSiteLink(href, page), undefined, href);
		}
	});

	it('leaves links alone when no vault root holds the document', () => {
		assert.strictEqual(rewriteSiteLink('/places/london/', context('organizations/mi6.md', files, [])), undefined);
		const outside = { ...context('organizations/mi6.md', files), documentPath: path.resolve('/elsewhere/notes.md') };
		assert.strictEqual(rewriteSiteLink('/places/london/', outside), undefined);
		assert.strictEqual(vaultRootOf(path.resolve('/vault2/x.md'), [ROOT]), undefined);
	});
});

describe('client: the Markdown preview of a vault page (markdown-it)', () => {
	const text = fs.readFileSync(SEED_PAGE, 'utf8');
	const vaultRoot = path.dirname(path.dirname(SEED_PAGE));
	const env = () => ({ currentDocument: { scheme: 'file', fsPath: SEED_PAGE } });
	const render = (renderEnv: unknown, source = text) =>
		extendMarkdownIt(new MarkdownIt(), () => {
			const documentPath = documentPathOf(renderEnv);
			return documentPath === undefined ? undefined : { documentPath, vaultRoots: [vaultRoot], exists: filePath => fs.existsSync(filePath) };
		}).render(source, renderEnv);

	it('renders the seed page\'s footnotes as numbered references and a footnotes section', () => {
		const html = render(env());
		assert.match(html, /<sup class="footnote-ref"><a href="#fn1" id="fnref1">\[1\]<\/a><\/sup>/);
		assert.match(html, /<section class="footnotes">[\s\S]*<li id="fn1" class="footnote-item">/);
		assert.doesNotMatch(html.replace(/<section class="footnotes">[\s\S]*/, ''), /\[\^\d+\]/);
	});

	it('points the seed page\'s site links at the page files, and leaves external links alone', () => {
		const html = render(env());
		assert.match(html, /<a href="\.\.\/places\/united-kingdom\.md">United Kingdom<\/a>/);
		assert.match(html, /<a href="mi5\.md">MI5<\/a>/);
		assert.doesNotMatch(html, /href="\/places\//);
		const external = render(env(), '[GOV.UK](https://www.gov.uk/places/london/) and [Origins](#origins-and-world-war-ii)');
		assert.match(external, /<a href="https:\/\/www\.gov\.uk\/places\/london\/">GOV\.UK<\/a> and <a href="#origins-and-world-war-ii">/);
	});

	it('also sets data-href, which VS Code\'s own link renderer copies from href before calling the plugin\'s', () => {
		const md = extendMarkdownIt(new MarkdownIt(), () => ({ documentPath: SEED_PAGE, vaultRoots: [vaultRoot], exists: filePath => fs.existsSync(filePath) }));
		const ours = md.renderer.rules.link_open;
		md.renderer.rules.link_open = (tokens, index, options, renderEnv, self) => {
			tokens[index].attrSet('data-href', tokens[index].attrGet('href') ?? '');
			return ours ? ours(tokens, index, options, renderEnv, self) : self.renderToken(tokens, index, options);
		};
		assert.match(md.render('[UK](/places/united-kingdom/)', env()), /<a href="\.\.\/places\/united-kingdom\.md" data-href="\.\.\/places\/united-kingdom\.md">UK<\/a>/);
	});

	it('keeps site links as written outside a file (an untitled document)', () => {
		assert.match(render({ currentDocument: { scheme: 'untitled', fsPath: 'Untitled-1' } }), /<a href="\/places\/united-kingdom\/">/);
		assert.match(render({}), /<a href="\/places\/united-kingdom\/">/);
	});
});
