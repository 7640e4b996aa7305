import { parentPort } from 'worker_threads';
import type { Mention } from '../service/mentions/findMentions';
import type { PageSuggestion } from '../service/search/closestPages';
import { SuggestionTable, type SuggestionSetup } from '../service/search/suggestionTable';
import { MentionSearch, unpackMentionJobs, type MentionSearchSetup, type PackedMentionJobs } from './mentionSearch';

/**
 * Worker thread of `entity-vault check`: searches pages for unlinked
 * mentions (reading their texts) and finds the closest pages to the URLs
 * of broken links while the main thread computes the diagnostics that need
 * the index. First message: the setup; then the suggestions' setup, if
 * any; then batches of pages and of URLs.
 */
export type CheckWorkerMessage =
	| { readonly kind: 'setup'; readonly setup: MentionSearchSetup }
	| { readonly kind: 'suggestions'; readonly setup: SuggestionSetup }
	| { readonly kind: 'pages'; readonly id: number; readonly jobs: PackedMentionJobs }
	| { readonly kind: 'suggest'; readonly id: number; readonly urls: readonly string[] };

/** A batch's answer: the mentions on each page (`pages`), or the closest pages to each URL (`suggest`). */
export type CheckWorkerResult = { readonly id: number; readonly found: readonly Mention[][] } | { readonly id: number; readonly suggested: readonly PageSuggestion[][] };

let search: MentionSearch | undefined;
let suggestions: SuggestionTable | undefined;

parentPort?.on('message', (message: CheckWorkerMessage) => {
	if (message.kind === 'setup') {
		search = new MentionSearch(message.setup);
		return;
	}
	if (message.kind === 'suggestions') {
		suggestions = new SuggestionTable(message.setup);
		return;
	}
	if (message.kind === 'suggest') {
		parentPort!.postMessage({ id: message.id, suggested: message.urls.map(url => suggestions!.closestPages(url)) } satisfies CheckWorkerResult);
		return;
	}
	parentPort!.postMessage({ id: message.id, found: search!.find(unpackMentionJobs(message.jobs)) } satisfies CheckWorkerResult);
});
