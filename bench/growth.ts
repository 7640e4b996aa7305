/**
 * The growth check CI runs (`npm run bench:growth`): judged by ratios, never
 * by absolute times, so a slow or busy machine cannot fail it.
 *
 * - per-request latency: the median of completion, hover and definition at
 *   10,000 pages must be at most 3× the median at 1,000 pages;
 * - cold indexing must grow no faster than linearly: t(10k) / t(1k) ≤ 10 × 1.5.
 *
 * Both servers run at the same time and requests alternate between them, so
 * noise from other jobs on the machine hits both sizes alike. Link-text
 * completion types `[Ro`, which fills the capped list at both sizes (`[Rob`
 * has 35 matches at 1,000 pages and a full list at 10,000): the ratio then
 * compares the search, not the size of the answer.
 * Exit status 1 when a check fails; the last line is `N passed, N failed`.
 */
import { planVault } from './vaultPlan';
import { measureRequests, REQUEST_LABELS, ServerSession, type RequestKind } from './serverBench';
import { distribution } from './stats';
import { cachedVault } from './vaultCache';

const SMALL = 1000;
const LARGE = 10000;
const SEED = 1;
const REQUESTS = 300;
const WARMUP = 100;
const LATENCY_RATIO_LIMIT = 3;
const INDEX_RATIO_LIMIT = (LARGE / SMALL) * 1.5;
const LINK_TEXT = 'Ro';
const KINDS: readonly RequestKind[] = ['completionSection', 'completionLinkText', 'hover', 'definition'];

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
	let passed = 0;
	let failed = 0;
	const verdict = (ok: boolean, message: string) => {
		if (ok) {
			passed++;
		} else {
			failed++;
		}
		log(`${ok ? 'PASS' : 'FAIL'} ${message}`);
	};
	const sessions: ServerSession[] = [];
	try {
		for (const pages of [SMALL, LARGE]) {
			const vault = cachedVault(pages, SEED, log);
			log(`Indexing ${pages} pages…`);
			sessions.push(await ServerSession.start(vault.dir, planVault(pages, SEED), LINK_TEXT));
		}
		const [small, large] = sessions;
		const indexRatio = large.coldIndexMs / small.coldIndexMs;
		verdict(indexRatio <= INDEX_RATIO_LIMIT,
			`cold index grows at most linearly: ${SMALL} pages ${small.coldIndexMs.toFixed(0)} ms, ${LARGE} pages ${large.coldIndexMs.toFixed(0)} ms, `
			+ `ratio ${indexRatio.toFixed(2)} (limit ${INDEX_RATIO_LIMIT})`);
		for (const kind of KINDS) {
			// Warm both up, then alternate small / large request by request.
			const warm = await Promise.all([measureRequests(small, kind, 1, WARMUP), measureRequests(large, kind, 1, WARMUP)]);
			const warmError = warm.find(figures => figures.error)?.error;
			if (warmError) {
				verdict(false, `${REQUEST_LABELS[kind]}: the request failed: ${warmError}`);
				continue;
			}
			const times: [number[], number[]] = [[], []];
			let error: string | undefined;
			for (let i = 0; i < REQUESTS && !error; i++) {
				for (const [which, session] of [small, large].entries()) {
					try {
						times[which].push((await session.timeRequest(kind, i)).ms);
					} catch (e) {
						error = (e as Error).message;
					}
				}
			}
			if (error) {
				verdict(false, `${REQUEST_LABELS[kind]}: the request failed: ${error}`);
				continue;
			}
			const [atSmall, atLarge] = times.map(values => distribution(values).median);
			const ratio = atLarge / atSmall;
			const items = warm[0].items === undefined ? '' : ` (${warm[0].items} and ${warm[1].items} items)`;
			const label = kind === 'completionLinkText' ? `completion of link text \`[${LINK_TEXT}\`` : REQUEST_LABELS[kind];
			verdict(ratio <= LATENCY_RATIO_LIMIT,
				`${label} stays flat: median ${atSmall.toFixed(2)} ms at ${SMALL} pages, ${atLarge.toFixed(2)} ms at ${LARGE} pages${items}, `
				+ `ratio ${ratio.toFixed(2)} (limit ${LATENCY_RATIO_LIMIT})`);
		}
	} catch (error) {
		verdict(false, `the growth check could not run: ${(error as Error).message}`);
	} finally {
		await Promise.all(sessions.map(session => session.shutdown()));
	}
	log(`${passed} passed, ${failed} failed`);
	return failed > 0 ? 1 : 0;
}

main().then(code => { process.exitCode = code; }, error => { log(`growth check: ${(error as Error).stack ?? error}`); log('0 passed, 1 failed'); process.exitCode = 1; });
