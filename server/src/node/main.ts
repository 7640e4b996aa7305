import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startLanguageServer } from './languageServer';

// The transport (--stdio, --node-ipc or --pipe=NAME) is taken from the command line.
const connection = createConnection(ProposedFeatures.all);

process.on('uncaughtException', error => {
	connection.console.error(`Entity Vault server: uncaught exception: ${error?.stack ?? error}`);
});
process.on('unhandledRejection', reason => {
	connection.console.error(`Entity Vault server: unhandled rejection: ${(reason as Error)?.stack ?? reason}`);
});

startLanguageServer(connection);
