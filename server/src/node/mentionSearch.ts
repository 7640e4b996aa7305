import { mentionsToReport, type Mention } from '../service/mentions/findMentions';
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
	private readonly root: string;
	private readonly settings: MentionSettings;

	/** Keeps the table it builds from the setup's names, not the setup. */
	constructor(setup: MentionSearchSetup) {
		this.table = mentionTableOf(setup.names);
		this.root = setup.root;
		this.settings = setup.settings;
	}

	/**
	 * Every occurrence of a name on each page (none on a page that cannot be
	 * read, or has changed since it was indexed); of a job listing the URLs
	 * its page links, only those its diagnostics report (the page's own names
	 * from the table).
	 */
	find(jobs: readonly MentionJob[]): Mention[][] {
		return jobs.map(job => {
			const read = readPageText(absolutePath(this.root, job.path));
			const found = 'text' in read ? findJobMentions(this.table, job, stripBom(read.text), this.settings) : [];
			return job.linked === undefined ? found : mentionsToReport(found, job.path, job.linked, this.table.namesOf(job.path));
		});
	}
}

/** A batch of mention jobs as a thread receives it: the paths, and every job's numbers in one array (one copy, not a clone per job). */
export interface PackedMentionJobs {
	readonly paths: readonly string[];
	/** Per job: text length, body start, the length of `excluded` and its numbers, the length of `codeRegions` and its numbers. */
	readonly numbers: Int32Array;
	/** When some job has `linked`: per job how many URLs it links (-1: not given), and those URLs one job after another. */
	readonly linked?: { readonly counts: Int32Array; readonly urls: readonly string[] };
}

/**
 * Packs mention jobs one by one as they are made (`PackedMentionJobs`): each
 * job's numbers and URLs are copied into the batch's arrays at once, so the
 * job itself is garbage right away, not held (and promoted to the old
 * generation) until its whole batch is made.
 */
export class MentionJobPacker {
	private readonly paths: string[] = [];
	private numbers = new Int32Array(1024);
	private used = 0;
	private readonly counts: number[] = [];
	private readonly urls: string[] = [];
	private linkedGiven = false;

	/** How many jobs it holds. */
	get size(): number {
		return this.paths.length;
	}

	add(job: MentionJob): void {
		this.paths.push(job.path);
		const size = 4 + job.excluded.length + job.codeRegions.length;
		if (this.used + size > this.numbers.length) {
			const grown = new Int32Array(Math.max(this.numbers.length * 2, this.used + size));
			grown.set(this.numbers.subarray(0, this.used));
			this.numbers = grown;
		}
		const numbers = this.numbers;
		numbers[this.used++] = job.textLength;
		numbers[this.used++] = job.bodyStart;
		for (const list of [job.excluded, job.codeRegions]) {
			numbers[this.used++] = list.length;
			numbers.set(list, this.used);
			this.used += list.length;
		}
		this.counts.push(job.linked?.length ?? -1);
		if (job.linked !== undefined) {
			this.linkedGiven = true;
			for (const url of job.linked) {
				this.urls.push(url);
			}
		}
	}

	/** The jobs added, packed. */
	packed(): PackedMentionJobs {
		const numbers = this.numbers.slice(0, this.used);
		return this.linkedGiven ? { paths: this.paths, numbers, linked: { counts: Int32Array.from(this.counts), urls: this.urls } } : { paths: this.paths, numbers };
	}
}

export function packMentionJobs(jobs: readonly MentionJob[]): PackedMentionJobs {
	const packer = new MentionJobPacker();
	for (const job of jobs) {
		packer.add(job);
	}
	return packer.packed();
}

export function unpackMentionJobs(packed: PackedMentionJobs): MentionJob[] {
	const numbers = packed.numbers;
	let at = 0;
	const list = (): Int32Array => {
		const length = numbers[at++];
		at += length;
		return numbers.subarray(at - length, at);
	};
	let url = 0;
	return packed.paths.map((path, i) => {
		const textLength = numbers[at++];
		const bodyStart = numbers[at++];
		const excluded = list();
		const job: MentionJob = { path, textLength, bodyStart, excluded, codeRegions: list() };
		const count = packed.linked?.counts[i] ?? -1;
		if (count < 0) {
			return job;
		}
		url += count;
		return { ...job, linked: packed.linked!.urls.slice(url - count, url) };
	});
}
