import { createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { ForegroundMessageWriter } from './foregroundWriter';
import { startLanguageServer } from './languageServer';
import { ResilientMessageReader } from './resilientMessageReader';
import { REQUEST_TIMINGS_VARIABLE, RequestTimings, TimedMessageWriter } from './requestTimings';
import { startMark } from './startTimeline';

startMark('modules loaded');

/**
 * The transport comes from the command line: `--stdio` (read by a reader
 * that survives malformed input), `--node-ipc`, `--pipe=NAME` or `--socket=PORT`.
 * With `ENTITY_VAULT_REQUEST_TIMINGS=1`, stdio responses are followed by
 * `entityVault/requestTiming` notifications (see requestTimings.ts). On
 * stdio and node-ipc (VS Code's), a message being written is foreground work
 * (`ForegroundMessageWriter`): background loops wait until it is sent.
 */
function connect(): Connection {
	if (process.argv.includes('--node-ipc')) {
		return createConnection(ProposedFeatures.all, new IPCMessageReader(process), new ForegroundMessageWriter(new IPCMessageWriter(process)));
	}
	if (!process.argv.includes('--stdio')) {
		return createConnection(ProposedFeatures.all);
	}
	// The benchmark asks for the server's own time per request.
	const timings = process.env[REQUEST_TIMINGS_VARIABLE] === '1' ? new RequestTimings() : undefined;
	const writer = new ForegroundMessageWriter(timings ? new TimedMessageWriter(process.stdout, timings) : new StreamMessageWriter(process.stdout));
	const reader = new ResilientMessageReader(process.stdin, message => void writer.write(message as never), timings && (message => timings.received(message)));
	const connection = createConnection(ProposedFeatures.all, reader, writer);
	// What vscode-languageserver does for its own stdio streams: nothing may write to stdout but
	// the protocol, and the server ends with its input.
	console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
	console.info = console.log;
	console.debug = console.log;
	console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
	console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
	reader.onClose(() => process.exit(started.server?.shutdownRequested() ? 0 : 1));
	return connection;
}

const started: { server?: { shutdownRequested(): boolean } } = {};
const connection = connect();

process.on('uncaughtException', error => {
	connection.console.error(`Entity Vault server: uncaught exception: ${error?.stack ?? error}`);
});
process.on('unhandledRejection', reason => {
	connection.console.error(`Entity Vault server: unhandled rejection: ${(reason as Error)?.stack ?? reason}`);
});

started.server = startLanguageServer(connection);
