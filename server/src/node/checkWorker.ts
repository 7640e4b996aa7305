import { parentPort } from 'worker_threads';
import type { Mention } from '../service/mentions/findMentions';
import { MentionSearch, unpackMentionJobs, type MentionSearchSetup, type PackedMentionJobs } from './mentionSearch';

/**
 * Worker thread of `entity-vault check`: searches pages for unlinked
 * mentions (reading their texts) while the main thread computes the
 * diagnostics that need the index. First message: the setup; then batches.
 */
export type CheckWorkerMessage = { readonly kind: 'setup'; readonly setup: MentionSearchSetup } | { readonly kind: 'pages'; readonly id: number; readonly jobs: PackedMentionJobs };

export interface CheckWorkerResult {
	readonly id: number;
	readonly found: readonly Mention[][];
}

let search: MentionSearch | undefined;

parentPort?.on('message', (message: CheckWorkerMessage) => {
	if (message.kind === 'setup') {
		search = new MentionSearch(message.setup);
		return;
	}
	parentPort!.postMessage({ id: message.id, found: search!.find(unpackMentionJobs(message.jobs)) } satisfies CheckWorkerResult);
});
