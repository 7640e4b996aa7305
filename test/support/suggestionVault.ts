import type { VaultIndex } from '../../server/src/service/vault/vaultIndex';

/**
 * Pages in sections with titles, aliases and slugs close to each other, and
 * links to missing pages near them (typos, another section, a section that
 * does not exist, short and empty slugs, two pages at one URL): what the
 * closest pages of a broken link are found among.
 */
export function suggestionVaultFiles(pages = 120): Record<string, string> {
	const files: Record<string, string> = { '.entity-vault.json': '{}\n' };
	const names = ['robert-maxwell', 'ghislaine-maxwell', 'mi6', 'mi5', 'kim-philby', 'anthony-blunt', 'guy-burgess', 'x', 'ab', 'émilie-du-châtelet'];
	for (let i = 0; i < pages; i++) {
		const name = names[i % names.length];
		const section = ['people', 'agencies', 'places'][i % 3];
		const slug = i < names.length ? name : `${name}-${i}`;
		const eol = i % 4 === 0 ? '\r\n' : '\n';
		const missing = [
			`/${section}/${slug.slice(0, -1)}/`, `/people/${slug}x/`, `/nowhere/${slug}/`, `/${section}/${slug.replace(/a/g, 'e')}-${i % 7}/`,
			`/places/${names[(i + 3) % names.length]}/`, '/people/a/', `/agencies/${i}/`,
		];
		files[`${section}/${slug}.md`] = [
			'---', `title: ${slug.split('-').map(word => word.charAt(0).toUpperCase() + word.slice(1)).join(' ')}${i % 5 === 0 ? ' 😀' : ''}`,
			i % 3 === 0 ? `aliases: [${name.toUpperCase()} Jr, The ${name}]` : 'tags: [x]', '---', '',
			...missing.map((url, n) => `See [missing ${n}](${url}) here.`), '',
		].join(eol);
	}
	// Two pages at one URL: the title suggested is that of the first path.
	files['people/twin/index.md'] = '---\ntitle: Twin One\n---\n';
	files['people/twin.md'] = '---\ntitle: Twin Two\n---\n[t](/people/twn/)\n';
	return files;
}

/**
 * The URLs the page at `path` links that no page is published at (MediaWiki's
 * wanted pages, `VaultIndex.wantedUrls`), from its header: the reference for
 * what `check` asks its workers the closest pages to (`wantedUrlsByBatch`).
 */
export function missingLinkTargets(index: VaultIndex, path: string): string[] {
	const missing = index.wantedUrls();
	return index.getPage(path)?.targetUrls.filter(url => missing.has(url)) ?? [];
}
