// The question asked before the links of a file move are rewritten, worded once for the client (VS Code's
// modal) and the server (`window/showMessageRequest` for other editors).
import { countOf } from './counts';

/** `Update 34 links in 12 pages?` */
export function moveLinksQuestion(links: number, pages: number): string {
	return `Update ${countOf(links, 'link')} in ${countOf(pages, 'page')}?`;
}

/** Its buttons. */
export const moveLinksAnswers = { update: 'Update Links', skip: "Don't Update" } as const;

/** How many links (text edits) the edit lists of a move change, in how many pages (the lists that change something). */
export function countMoveEdits(editLists: Iterable<readonly unknown[]>): { links: number; pages: number } {
	let links = 0;
	let pages = 0;
	for (const edits of editLists) {
		if (edits.length > 0) {
			links += edits.length;
			pages++;
		}
	}
	return { links, pages };
}
