/**
 * How the language server's Node process is started: the one place the VS Code
 * client (`client/src/vaultLanguageClient.ts`), the protocol tests' and the
 * benchmark's client (`test/support/lspClient.ts`) take the runtime flags from,
 * so the benchmark measures the server as the editor runs it.
 *
 * `--max-semi-space-size=64`: V8's young generation grows up to 64 MiB per
 * semi-space instead of 16. At 100,000 pages a keystroke (didChange, then
 * completion) allocates about 700 KiB that dies young, and a references
 * answer on the page with 26,285 backlinks about 10 MB that lives until it is
 * written: with 16 MiB, 14 scavenges in 320 keystrokes (10–40 ms each on the
 * loaded 2-core machine: the typing round trip's p99) and 1.7 per references
 * answer; with 64 MiB, 3 and 0.43. The cost is resident memory: about
 * 80 MiB more at 100,000 pages (1.31 → 1.39 GiB after the requests;
 * docs/performance.md).
 */
export const SERVER_EXEC_ARGV: readonly string[] = Object.freeze(['--max-semi-space-size=64']);
