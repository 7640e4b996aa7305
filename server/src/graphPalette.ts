/**
 * The colours of the graph's sections, shared by the webview panel and
 * `entity-vault graph --format dot`, so a section has the same colour in
 * both. No import: the webview bundle compiles this file too.
 *
 * Mid-tone colours (Tableau 10) readable on light and dark backgrounds alike.
 */
export const SECTION_PALETTE: readonly string[] = [
	'#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac',
];

/** A node's colour outside any section (a file directly in the root). */
export const NO_SECTION_COLOUR = '#8c8c8c';

/** The colour of each section: sorted by name, the palette in turn (repeating past ten). */
export function sectionColours(sections: Iterable<string>): Map<string, string> {
	const colours = new Map<string, string>();
	[...new Set(sections)].filter(section => section !== '').sort().forEach((section, i) => colours.set(section, SECTION_PALETTE[i % SECTION_PALETTE.length]));
	return colours;
}

/** A node's diameter in pixels for its backlinks: 24 for none, growing with the logarithm. */
export function nodeDiameter(backlinks: number): number {
	return Math.round(24 + 10 * Math.log2(1 + Math.max(0, backlinks)));
}
