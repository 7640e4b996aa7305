import { boundedEditDistance, EditDistanceRows } from './editDistance';

/**
 * The anchors (each once, in their order) close enough to a `#fragment`
 * that names no heading to be what was meant: within 40 % of its length in
 * edits (at least 2), with their distances.
 */
export function anchorsNear(fragment: string, anchors: readonly string[]): { anchor: string; distance: number }[] {
	const limit = Math.max(2, Math.floor(fragment.length * 0.4));
	const rows = new EditDistanceRows();
	return [...new Set(anchors)]
		.map(anchor => ({ anchor, distance: boundedEditDistance(fragment, anchor, limit, rows) }))
		.filter(candidate => candidate.distance <= limit);
}
