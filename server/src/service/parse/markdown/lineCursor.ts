/**
 * The block pass's position: the current line, a cursor in it that knows
 * tab stops (a tab may be consumed partly, as container indentation does),
 * and where containers that close now end.
 */

import { Code } from './characters';

export class LineCursor {
	protected readonly text: string;
	protected readonly length: number;

	// Current line.
	protected lineStart = 0;
	protected lineEnd = 0;
	protected nextLine = 0;
	// Cursor within the line: position, column, and the columns left of a
	// partially consumed tab at `pos` (0 when none).
	protected pos = 0;
	protected col = 0;
	protected partial = 0;

	// Results of measureIndent: the first non-whitespace position and its column.
	protected nwPos = 0;
	protected nwCol = 0;

	// Where containers end, as micromark puts it: at their exit point, moved
	// back before the line endings (and whitespace) that precede it. Tracked
	// as the start of the first line ending after the last "significant"
	// token (content, container marker); -1 when none came after it.
	protected breakAfterSig = -1;

	constructor(text: string) {
		this.text = text;
		this.length = text.length;
	}

	/** Makes `text[start, end)` the current line (the next one starts at `next`), the cursor at its start. */
	protected startLine(start: number, end: number, next: number): void {
		this.lineStart = start;
		this.lineEnd = end;
		this.nextLine = next;
		this.pos = start;
		this.col = 0;
		this.partial = 0;
	}

	protected advanceColumns(n: number): void {
		const text = this.text;
		while (n > 0 && this.pos < this.lineEnd) {
			const c = text.charCodeAt(this.pos);
			if (c === Code.TAB) {
				const w = this.partial > 0 ? this.partial : 4 - (this.col % 4);
				if (w <= n) {
					n -= w;
					this.col += w;
					this.pos++;
					this.partial = 0;
				} else {
					this.partial = w - n;
					this.col += n;
					n = 0;
				}
			} else if (c === Code.SPACE) {
				this.pos++;
				this.col++;
				n--;
			} else {
				break;
			}
		}
	}

	/** Columns of whitespace from the cursor; sets nwPos/nwCol to the first non-whitespace. */
	protected measureIndent(): number {
		const text = this.text;
		let p = this.pos;
		let c = this.col;
		if (this.partial > 0) {
			c += this.partial;
			p++;
		}
		while (p < this.lineEnd) {
			const ch = text.charCodeAt(p);
			if (ch === Code.SPACE) {
				c++;
			} else if (ch === Code.TAB) {
				c += 4 - (c % 4);
			} else {
				break;
			}
			p++;
		}
		this.nwPos = p;
		this.nwCol = c;
		return c - this.col;
	}

	protected skipToNonWhitespace(): void {
		this.measureIndent();
		this.pos = this.nwPos;
		this.col = this.nwCol;
		this.partial = 0;
	}

	/** Moves the cursor to `p`, `columns` columns after the first non-whitespace (as measured last). */
	protected moveAfterIndent(p: number, columns: number): void {
		this.pos = p;
		this.col = this.nwCol + columns;
		this.partial = 0;
	}

	protected consumeOptionalSpace(): void {
		if (this.pos >= this.lineEnd) {
			return;
		}
		const c = this.text.charCodeAt(this.pos);
		if (c === Code.SPACE) {
			this.pos++;
			this.col++;
		} else if (c === Code.TAB) {
			this.advanceColumns(1);
		}
	}

	protected cursorOffset(): number {
		return this.partial > 0 ? this.pos + 1 : this.pos;
	}

	/** Content or a container marker was just seen: line endings after it now count. */
	protected markSignificant(): void {
		this.breakAfterSig = -1;
	}

	/** The end of containers that exit at `exit`. */
	protected endAt(exit: number): number {
		return this.breakAfterSig >= 0 ? this.breakAfterSig : exit;
	}
}
