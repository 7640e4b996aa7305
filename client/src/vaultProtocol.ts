import { NotificationType, RequestType, RequestType0 } from 'vscode-languageclient/node';
// Type-only imports: the message shapes are defined once, by the server; nothing of the server
// is bundled into the client.
import type {
	CheckVaultResult,
	NewPageTemplateParams,
	NewPageTemplateResult,
	StatusParams,
	VaultInfoResult,
} from '../../server/src/node/vaultRequests';

export type { CheckVaultResult, NewPageTemplateParams, NewPageTemplateResult, StatusParams, VaultInfoResult };

/** Server → client: indexing progress, then the page count (`entityVault/status`). */
export const StatusNotification = new NotificationType<StatusParams>('entityVault/status');

/** Publishes diagnostics for every page of every vault and returns the totals. */
export const CheckVaultRequest = new RequestType0<CheckVaultResult, void>('entityVault/checkVault');

/** The vaults of the workspace folders, with their sections. */
export const VaultInfoRequest = new RequestType0<VaultInfoResult, void>('entityVault/vaultInfo');

/** Where a new page goes and its front matter; the client creates the file. */
export const NewPageTemplateRequest = new RequestType<NewPageTemplateParams, NewPageTemplateResult, void>(
	'entityVault/newPageTemplate',
);
