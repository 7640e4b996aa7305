import type { WantedPageItem } from '../../server/src/protocol';

/** A wanted page as a quick pick item: its URL, its most common link text, how many pages link it. */
export interface WantedPagePick {
	readonly label: string;
	readonly description?: string;
	readonly detail: string;
	readonly page: WantedPageItem;
}

export function wantedPagePick(page: WantedPageItem): WantedPagePick {
	return {
		label: page.url,
		...(page.text === '' ? {} : { description: page.text }),
		detail: `linked from ${page.linkers.toLocaleString('en-US')} ${page.linkers === 1 ? 'page' : 'pages'}`,
		page,
	};
}
