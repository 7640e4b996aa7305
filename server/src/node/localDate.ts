/** Today's date on the user's clock, `YYYY-MM-DD` (the service never reads the clock itself). */
export function localToday(now: Date = new Date()): string {
	const pad = (value: number): string => String(value).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
