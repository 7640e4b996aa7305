// Pure (no `vscode` import), so it can be unit-tested outside VS Code.
import { countOf } from '../../server/src/counts';
import type { CheckVaultResult } from './vaultProtocol';

/** The sentence shown after a check, e.g. "Entity Vault checked 1,234 pages: 2 errors, 5 warnings." */
export function checkVaultSummary(result: CheckVaultResult): string {
	const checked = `Entity Vault checked ${countOf(result.pages, 'page')}`;
	if (result.errors === 0 && result.warnings === 0) {
		return `${checked}: no errors or warnings.`;
	}
	return `${checked}: ${countOf(result.errors, 'error')}, ${countOf(result.warnings, 'warning')}.`;
}
