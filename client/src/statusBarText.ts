// Pure (no `vscode` import), so it can be unit-tested outside VS Code.
import { countOf, formatCount } from '../../server/src/counts';
import type { StatusParams } from './vaultProtocol';

/** The status bar text for a server status: progress while indexing, the check against the disk after a warm start, then the page count. */
export function statusBarText(status: StatusParams): string {
	if (status.state === 'indexing') {
		// Before the files are counted the total is 0: say only that indexing has begun.
		return status.total > 0
			? `$(sync~spin) Entity Vault: indexing ${formatCount(status.indexed)}/${formatCount(status.total)}`
			: '$(sync~spin) Entity Vault: indexing';
	}
	if (status.verifying !== undefined && status.verifying > 0) {
		return `$(sync~spin) Entity Vault: checking ${countOf(status.verifying, 'page')} against the disk…`;
	}
	return `$(book) ${countOf(status.pages, 'page')}`;
}
