import type { Mention } from '../service/mentions/findMentions';
import { findJobMentions, mentionTableOf, type MentionJob, type PageNames } from '../service/mentions/mentionJobs';
import type { MentionTable } from '../service/mentions/mentionTable';
import { stripBom } from '../service/parse/pageSummary';
import type { MentionSettings } from '../service/vault/settings';
import { readPageText } from './vaultFiles';
import { absolutePath } from './absolutePath';

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
			const read = readPageText(absolutePath(this.setup.root, job.path));
			return 'text' in read ? findJobMentions(this.table, job, stripBom(read.text), this.setup.settings) : [];
		});
	}
}

/** A batch of mention jobs as a thread receives it: the paths, and every job's numbers in one array (one copy, not a clone per job). */
export interface PackedMentionJobs {
	readonly paths: readonly string[];
	/** Per job: text length, body start, the length of `excluded` and its numbers, the length of `codeRegions` and its numbers. */
	readonly numbers: Int32Array;
}

export function packMentionJobs(jobs: readonly MentionJob[]): PackedMentionJobs {
	let size = 0;
	for (const job of jobs) {
		size += 4 + job.excluded.length + job.codeRegions.length;
	}
	const numbers = new Int32Array(size);
	let at = 0;
	for (const job of jobs) {
		numbers[at++] = job.textLength;
		numbers[at++] = job.bodyStart;
		for (const list of [job.excluded, job.codeRegions]) {
			numbers[at++] = list.length;
			numbers.set(list, at);
			at += list.length;
		}
	}
	return { paths: jobs.map(job => job.path), numbers };
}

export function unpackMentionJobs(packed: PackedMentionJobs): MentionJob[] {
	const numbers = packed.numbers;
	let at = 0;
	const list = (): Int32Array => {
		const length = numbers[at++];
		at += length;
		return numbers.subarray(at - length, at);
	};
	return packed.paths.map(path => {
		const textLength = numbers[at++];
		const bodyStart = numbers[at++];
		const excluded = list();
		return { path, textLength, bodyStart, excluded, codeRegions: list() };
	});
}
