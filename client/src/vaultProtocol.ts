import { NotificationType, RequestType, RequestType0 } from 'vscode-languageclient/node';
import {
	backlinksRequest,
	overviewRequest,
	checkVaultRequest,
	graphRequest,
	newPageTemplateRequest,
	showReferencesCommand,
	statusNotification,
	vaultInfoRequest,
	wantedPagesRequest,
	type NotificationDescription,
	type RequestDescription,
	type RequestDescription0,
} from '../../server/src/protocol';

export type { BacklinkPageItem, BacklinkSnippetItem, BacklinksResult, CheckVaultResult, GraphResult, InitializationOptions, NewPageTemplateParams, NewPageTemplateResult, OverviewPageItem, OverviewProblemItem, OverviewResult, OverviewVaultItem, StatusParams, UpdateLinksOnMove, VaultInfoResult, WantedPageItem } from '../../server/src/protocol';

// The client's message types, made with the client's own vscode-jsonrpc from the
// descriptions the client and the server share (server/src/protocol.ts).
const notification = <P>(description: NotificationDescription<P>) => new NotificationType<P>(description.method);
const request0 = <R>(description: RequestDescription0<R>) => new RequestType0<R, void>(description.method);
const request = <P, R>(description: RequestDescription<P, R>) => new RequestType<P, R, void>(description.method);

export const StatusNotification = notification(statusNotification);
export const CheckVaultRequest = request(checkVaultRequest);
export const VaultInfoRequest = request0(vaultInfoRequest);
export const NewPageTemplateRequest = request(newPageTemplateRequest);
export const WantedPagesRequest = request(wantedPagesRequest);
export const ShowReferencesCommand = showReferencesCommand;
export const GraphRequest = request(graphRequest);
export const BacklinksRequest = request(backlinksRequest);
export const OverviewRequest = request(overviewRequest);
