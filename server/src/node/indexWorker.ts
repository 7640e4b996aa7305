import { parentPort } from 'worker_threads';
import { hasRareParts, splitPageParts, type PageRecordHeader } from '../service/parse/pageRecord';
import { StringNumbering, type FreshStrings, type RelayedPageRecord, type RelayedRecordHeader } from '../service/parse/relayedStrings';
import { V8_PAGE_CODEC } from './pageCodec';
import { BatchFolders, readVaultPage, type PageReadResult } from './vaultFiles';
import { nodeFileSystem } from './nodeFileSystem';

/**
 * Worker thread of the cold index: reads and parses pages, sends back their
 * records (storedPageSummary.ts), the blobs of a batch in one transferred
 * buffer. It never touches the index itself.
 */
export interface IndexJob {
	readonly id: number;
	readonly root: string;
	readonly paths: readonly string[];
	/**
	 * The run of jobs this one belongs to: the records' strings are numbered
	 * across the run's jobs (relayedStrings.ts) until a `ForgetSession` for it.
	 * Without one, records come with their strings.
	 */
	readonly session?: number;
}

/** The end of a run of jobs: the worker lets go of the strings it numbered for it. */
export interface ForgetSession {
	readonly forget: number;
}

/** A worker's read of a page: as `readVaultPage` gives it, or the record of a page, relayed when the job had a session. */
export type WorkerPageResult = PageReadResult
	| { readonly path: string; readonly stamp: string; readonly relayed: RelayedPageRecord };

export interface IndexJobResult {
	readonly id: number;
	readonly results: readonly WorkerPageResult[];
	/** With a session: the strings its records number for the first time (`StringNumbering.takeFresh`). */
	readonly strings?: FreshStrings;
}

/**
 * Reads and parses pages into records, as a worker does for a batch: each
 * record's blob is a view into one buffer holding the batch's blobs, which
 * is transferred, not copied, with the results. With `numbering`, each
 * header's URL, section, tags and targets are numbers in one more buffer.
 */
export function readPageRecords(root: string, paths: readonly string[], numbering?: StringNumbering): { results: WorkerPageResult[]; buffers: ArrayBuffer[]; strings?: FreshStrings } {
	const read: ({ path: string; stamp: string; header: PageRecordHeader; body: Uint8Array } | PageReadResult)[] = [];
	let size = 0;
	let stringNumbers = 0;
	const folders = new BatchFolders();
	for (const relative of paths) {
		const result = readVaultPage(root, relative, nodeFileSystem, folders);
		if ('parts' in result) {
			const { header, body } = splitPageParts(result.parts);
			const blob = V8_PAGE_CODEC.encode(body);
			size += blob.length;
			stringNumbers += numbering === undefined ? 0 : StringNumbering.count(header);
			read.push({ path: result.path, stamp: result.stamp, header, body: blob });
		} else {
			read.push(result);
		}
	}
	const blobs = new Uint8Array(size);
	const numbers = new Uint32Array(stringNumbers);
	let at = 0;
	let numbersAt = 0;
	const results = read.map((result): WorkerPageResult => {
		if (!('header' in result)) {
			return result;
		}
		blobs.set(result.body, at);
		const blob = blobs.subarray(at, at + result.body.length);
		at += result.body.length;
		if (numbering === undefined) {
			return { path: result.path, stamp: result.stamp, record: { header: result.header, blob } };
		}
		const count = StringNumbering.count(result.header);
		numbering.write(result.header, numbers, numbersAt);
		const header = relayedHeader(result.header, numbers.subarray(numbersAt, numbersAt + count));
		numbersAt += count;
		return { path: result.path, stamp: result.stamp, relayed: { header, blob } };
	});
	if (numbering === undefined) {
		return { results, buffers: [blobs.buffer] };
	}
	return { results, buffers: [blobs.buffer, numbers.buffer], strings: numbering.takeFresh() };
}

/** `header` without the strings `stringNumbers` number. */
function relayedHeader(header: PageRecordHeader, stringNumbers: Uint32Array): RelayedRecordHeader {
	if (hasRareParts(header)) {
		// Rare: every field, whatever they are.
		const { url: _url, section: _section, tags: _tags, targetUrls: _targets, ...rest } = header;
		return { ...rest, stringNumbers };
	}
	// The fields `splitPageParts` makes, written out (a rest pattern and a spread cost more than the rest of this).
	return {
		path: header.path, title: header.title, aliases: header.aliases, frontmatter: header.frontmatter, nameSpellings: header.nameSpellings, textLength: header.textLength,
		numbers: header.numbers, spanNumbers: header.spanNumbers, linkSpellings: header.linkSpellings, mayBeTitledFromSlug: header.mayBeTitledFromSlug, stringNumbers,
	};
}

/** Per session, the strings numbered so far. */
const numberings = new Map<number, StringNumbering>();

parentPort?.on('message', (message: IndexJob | ForgetSession) => {
	if ('forget' in message) {
		numberings.delete(message.forget);
		return;
	}
	let numbering: StringNumbering | undefined;
	if (message.session !== undefined) {
		numbering = numberings.get(message.session);
		if (numbering === undefined) {
			numbering = new StringNumbering();
			numberings.set(message.session, numbering);
		}
	}
	const { results, buffers, strings } = readPageRecords(message.root, message.paths, numbering);
	parentPort!.postMessage({ id: message.id, results, ...(strings === undefined ? {} : { strings }) } satisfies IndexJobResult, buffers);
});
