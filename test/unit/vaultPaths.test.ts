import * as assert from 'assert';
import { candidatePathsForUrl, pageUrlForPath, resolveLinkDestination, sectionOfPath, titleFromSlug } from '../../server/src/service/vault/vaultPaths';

describe('vault paths', () => {
	it('maps page paths to URLs', () => {
		assert.strictEqual(pageUrlForPath('people/robert-maxwell.md'), '/people/robert-maxwell/');
		assert.strictEqual(pageUrlForPath('people/robert-maxwell/index.md'), '/people/robert-maxwell/');
		assert.strictEqual(pageUrlForPath('people/_index.md'), '/people/');
		assert.strictEqual(pageUrlForPath('a/b/c.markdown'), '/a/b/c/');
		assert.strictEqual(pageUrlForPath('index.md'), '/');
		assert.deepStrictEqual(candidatePathsForUrl('/people/x/'), ['people/x.md', 'people/x/index.md', 'people/x/_index.md']);
		assert.strictEqual(sectionOfPath('people/x.md'), 'people');
		assert.strictEqual(sectionOfPath('README.md'), undefined);
		assert.strictEqual(titleFromSlug('world-war-ii'), 'World War Ii');
	});

	const from = 'organizations/mi6.md';
	const page = (url: string, extra: object = {}) => ({ kind: 'page', url, canonical: false, viaMarkdownPath: false, fragment: undefined, ...extra });

	it('resolves site URLs, with or without trailing slash, fragment and query', () => {
		assert.deepStrictEqual(resolveLinkDestination('/places/iran/', from), page('/places/iran/', { canonical: true }));
		assert.deepStrictEqual(resolveLinkDestination('/places/iran', from), page('/places/iran/'));
		assert.deepStrictEqual(resolveLinkDestination('/places/iran/#history', from), page('/places/iran/', { canonical: true, fragment: 'history' }));
		assert.deepStrictEqual(resolveLinkDestination('/places/iran/?x=1', from), page('/places/iran/', { canonical: true }));
		assert.deepStrictEqual(resolveLinkDestination('#origins', from), page('/organizations/mi6/', { canonical: true, fragment: 'origins' }));
	});

	it('resolves a plain site URL with a plain anchor as the general case does, and leaves every other anchor to it', () => {
		assert.deepStrictEqual(resolveLinkDestination('/places/iran/#early_life-1954', from), page('/places/iran/', { canonical: true, fragment: 'early_life-1954' }));
		// Anchors to decode, trim or leave to templates, and empty ones.
		assert.deepStrictEqual(resolveLinkDestination('/places/iran/#caf%C3%A9', from), page('/places/iran/', { canonical: true, fragment: 'café' }));
		assert.deepStrictEqual(resolveLinkDestination('/places/iran/#x ', from), page('/places/iran/', { canonical: true, fragment: 'x' }));
		assert.deepStrictEqual(resolveLinkDestination('/places/iran/#', from), page('/places/iran/', { canonical: true, fragment: '' }));
		assert.deepStrictEqual(resolveLinkDestination('/places/iran/#{{ .Anchor }}', from), { kind: 'external' });
		assert.deepStrictEqual(resolveLinkDestination('/places/iran/#a#b', from), page('/places/iran/', { canonical: true, fragment: 'a#b' }));
		// Paths that are not plain: not canonical as written, or not a page.
		assert.deepStrictEqual(resolveLinkDestination('/places//iran/#x', from), page('/places/iran/', { fragment: 'x' }));
		assert.deepStrictEqual(resolveLinkDestination('/places/iran.md#x', from), page('/places/iran/', { viaMarkdownPath: true, fragment: 'x' }));
		assert.deepStrictEqual(resolveLinkDestination('/places/map.png#x', from), { kind: 'asset', path: 'places/map.png' });
		assert.deepStrictEqual(resolveLinkDestination('/places/../#x', from), { kind: 'external' });
	});

	it('resolves relative markdown paths from the file and relative URLs from the page URL', () => {
		assert.deepStrictEqual(resolveLinkDestination('../places/iran.md', from), page('/places/iran/', { viaMarkdownPath: true }));
		assert.deepStrictEqual(resolveLinkDestination('mi5.md', from), page('/organizations/mi5/', { viaMarkdownPath: true }));
		assert.deepStrictEqual(resolveLinkDestination('../mi5/', from), page('/organizations/mi5/'));
		assert.deepStrictEqual(resolveLinkDestination('/people/x/index.md', from), page('/people/x/', { viaMarkdownPath: true }));
	});

	it('leaves external links and assets alone', () => {
		for (const external of ['https://example.com/a', 'mailto:a@b.c', 'ftp://x', '/', '']) {
			assert.strictEqual(resolveLinkDestination(external, from).kind, 'external', external);
		}
		assert.deepStrictEqual(resolveLinkDestination('/images/mi6.png', from), { kind: 'asset', path: 'images/mi6.png' });
	});

	it('never lets a path leave the vault root', () => {
		const hostile = ['../../etc/passwd.md', '/../secret/', '/%2e%2e/secret/', '..%2f..%2fx.md', '/%252e%252e/%252e%252e/x/', '..\\..\\x.md',
			'C:/Windows/x.md', 'c:\\x.md', '//evil.host/x/', '\\\\host\\share\\x.md', '/a/%00/b/', '/places/../../x/', '%2e%2e/%2e%2e/%2e%2e/x/'];
		for (const destination of hostile) {
			assert.strictEqual(resolveLinkDestination(destination, from).kind, 'outside', destination);
		}
		// Climbing inside the vault is fine.
		assert.deepStrictEqual(resolveLinkDestination('/places/../people/x/', from), page('/people/x/'));
	});
});
