import * as path from 'path';
import type { Mention } from '../service/mentions/findMentions';
import { findJobMentions, mentionTableOf, type MentionJob, type PageNames } from '../service/mentions/mentionJobs';
import type { MentionTable } from '../service/mentions/mentionTable';
import { stripBom } from '../service/parse/pageSummary';
import type { MentionSettings } from '../service/vault/settings';
import { readPageText } from './vaultFiles';

/** What a thread searching pages for mentions is given once: the vault root, the names of every page, the settings. */
export interface MentionSearchSetup {
	readonly root: string;
	readonly names: readonly PageNames[];
	readonly settings: MentionSettings;
}

/**
 * The unlinked-mention search of `check` on one thread (a check worker's, or
 * the main thread's when no worker starts): its own mention table, each
 * page's text read from disk as `VaultWorkspace.diskText` reads it.
 */
export class MentionSearch {
	private readonly table: MentionTable;

	constructor(private readonly setup: MentionSearchSetup) {
		this.table = mentionTableOf(setup.names);
	}

	/** Every occurrence of a name on each page (none on a page that cannot be read, or has changed since it was indexed). */
	find(jobs: readonly MentionJob[]): Mention[][] {
		return jobs.map(job => {
			const read = readPageText(path.join(this.setup.root, ...job.path.split('/')));
			return 'text' in read ? findJobMentions(this.table, job, stripBom(read.text), this.setup.settings) : [];
		});
	}
}
