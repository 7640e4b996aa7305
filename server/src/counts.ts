// Number formatting for the messages the user reads ("1,234 pages", "1 error"), shared by the client and the server.
const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 1234 → "1,234". */
export function formatCount(value: number): string {
	return integerFormat.format(value);
}

/** (1, 'page') → "1 page"; (2, 'page') → "2 pages". */
export function countOf(value: number, noun: string): string {
	return `${formatCount(value)} ${value === 1 ? noun : `${noun}s`}`;
}
