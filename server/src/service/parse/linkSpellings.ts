/** How many of a page's links to pages are written absolute (`/…`) and relative: what `linkStyle: auto` counts. */
export interface LinkSpellings {
	readonly absolute: number;
	readonly relative: number;
}

/** Counts the spellings of `count` links, `destinationOf(i)` giving the destination of a link to a page ('' for another link); `#x` and `?q` alone count as neither. */
export function countLinkSpellings(count: number, destinationOf: (i: number) => string): LinkSpellings {
	let absolute = 0;
	let relative = 0;
	for (let i = 0; i < count; i++) {
		const destination = destinationOf(i).trim();
		if (destination.startsWith('/')) {
			absolute++;
		} else if (destination !== '' && !destination.startsWith('#') && !destination.startsWith('?')) {
			relative++;
		}
	}
	return { absolute, relative };
}
