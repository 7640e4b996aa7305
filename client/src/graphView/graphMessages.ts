import type { GraphResult } from '../../../server/src/protocol';

/** What the graph panel's webview is shown, and what it can change. */
export interface GraphViewOptions {
	readonly depth: 1 | 2;
	/** Sections shown; empty: all. */
	readonly sections: readonly string[];
	/** '' for any tag. */
	readonly tag: string;
}

/** Extension → webview. */
export type ToGraphView =
	| { readonly type: 'graph'; readonly graph: GraphResult; readonly options: GraphViewOptions }
	| { readonly type: 'empty'; readonly message: string };

/** Webview → extension. */
export type FromGraphView =
	| { readonly type: 'ready' }
	| { readonly type: 'open'; readonly uri: string }
	| { readonly type: 'options'; readonly options: GraphViewOptions };
