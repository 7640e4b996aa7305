/**
 * A second page of MI6 for the example vault (examples/vault), whose organizations/mi6.md is
 * titled MI6 as its own summary writes it: the alias MI6 of organizations/secret-intelligence-service.md
 * names it too, so each page gets a duplicate-entity warning. And a page linking to it.
 */

export const SIS_PATH = 'organizations/secret-intelligence-service.md';
export const PHILBY_PATH = 'people/kim-philby.md';

/** The second page of MI6, every required field in its frontmatter, with `body` lines. */
export function sisPage(body: readonly string[]): string {
	return [
		'---',
		'title: Secret Intelligence Service',
		'aliases:',
		'- MI6',
		'- SIS',
		'category: Intelligence & Government',
		'summary: The UK\'s foreign intelligence service.',
		'tags: [Organization, UnitedKingdom]',
		'created: 2026-05-20',
		'updated: 2026-05-21',
		'---',
		'',
		...body,
		'',
	].join('\n');
}

/** A page of a person, every required field in its frontmatter, with `body` lines (its links). */
export function philbyPage(body: readonly string[]): string {
	return [
		'---',
		'title: Kim Philby',
		'category: Person',
		'summary: A Soviet double agent inside the Service.',
		'tags: [Person]',
		'created: 2026-05-20',
		'updated: 2026-05-20',
		'---',
		'',
		...body,
		'',
	].join('\n');
}
