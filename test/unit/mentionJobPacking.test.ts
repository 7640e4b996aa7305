import * as assert from 'assert';
import { MentionJobPacker, packMentionJobs, unpackMentionJobs } from '../../server/src/node/mentionSearch';
import type { MentionJob } from '../../server/src/service/mentions/mentionJobs';

/** A batch of mention jobs goes to a check worker as one array of numbers (checkWorkerPool.ts): it must come back as it went. */
describe('mention jobs packed for a check worker', () => {
	it('unpacks every job as it was packed, empty lists and an empty batch included', () => {
		const job = (path: string, textLength: number, bodyStart: number, excluded: number[], codeRegions: number[]): MentionJob => ({
			path, textLength, bodyStart, excluded: Int32Array.from(excluded), codeRegions: Int32Array.from(codeRegions),
		});
		const jobs = [
			job('people/ada.md', 120, 14, [20, 30, 40, 52], [60, 70]),
			job('notes/é 🙂.md', 0, 0, [], []),
			job('places/x.md', 2 ** 31 - 1, 7, [1, 2], []),
			job('events/y.md', 9, 3, [], [4, 8, 9, 9]),
		];
		const packed = packMentionJobs(jobs);
		assert.deepStrictEqual(packed.paths, jobs.map(item => item.path));
		assert.strictEqual(packed.numbers.length, jobs.length * 4 + 4 + 2 + 2 + 4);
		assert.deepStrictEqual(unpackMentionJobs(packed), jobs);
		assert.deepStrictEqual(unpackMentionJobs(packMentionJobs([])), []);
	});

	it('unpacks the URLs each job lists as its page links, an empty list and a job without them included', () => {
		const job = (path: string, linked: string[] | undefined): MentionJob => ({
			path, textLength: 10, bodyStart: 0, excluded: Int32Array.from([1, 2]), codeRegions: Int32Array.from([]), ...(linked === undefined ? {} : { linked }),
		});
		const jobs = [job('people/ada.md', ['/people/bob/', '/places/é 🙂/']), job('people/bob.md', []), job('notes/n.md', undefined), job('notes/m.md', ['/people/ada/'])];
		const packed = packMentionJobs(jobs);
		assert.deepStrictEqual(packed.linked?.urls, ['/people/bob/', '/places/é 🙂/', '/people/ada/']);
		assert.deepStrictEqual(unpackMentionJobs(packed), jobs);
		assert.strictEqual(packMentionJobs([job('notes/n.md', undefined)]).linked, undefined, 'none listed: nothing more is sent');
	});

	it('packs a batch larger than its first array, job by job, as it would all at once', () => {
		const jobs: MentionJob[] = Array.from({ length: 300 }, (_, i) => ({
			path: `people/p${i}.md`, textLength: 1000 + i, bodyStart: i % 7,
			excluded: Int32Array.from({ length: (i % 9) * 2 }, (_, k) => i + k), codeRegions: Int32Array.from({ length: (i % 4) * 2 }, (_, k) => 2 * i + k),
			...(i % 5 === 0 ? {} : { linked: Array.from({ length: i % 3 }, (_, k) => `/people/p${i + k}/`) }),
		}));
		const packer = new MentionJobPacker();
		for (const job of jobs) {
			packer.add(job);
		}
		assert.strictEqual(packer.size, jobs.length);
		const packed = packer.packed();
		assert.ok(packed.numbers.length > 1024, `more numbers than the first array holds (${packed.numbers.length})`);
		assert.deepStrictEqual(unpackMentionJobs(packed), jobs);
	});
});
