import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver';
import {
	backlinksRequest,
	overviewRequest,
	newPageTemplateRequest,
	statusNotification,
	vaultInfoRequest,
	wantedPagesRequest,
	type NotificationDescription,
	type RequestDescription,
	type RequestDescription0,
} from '../protocol';

// The server's message types, made with the server's own vscode-jsonrpc from the
// descriptions the client and the server share (../protocol.ts).
const notification = <P>(description: NotificationDescription<P>) => new NotificationType<P>(description.method);
const request0 = <R>(description: RequestDescription0<R>) => new RequestType0<R, void>(description.method);
const request = <P, R>(description: RequestDescription<P, R>) => new RequestType<P, R, void>(description.method);

export const StatusNotification = notification(statusNotification);
export const VaultInfoRequest = request0(vaultInfoRequest);
export const NewPageTemplateRequest = request(newPageTemplateRequest);
export const WantedPagesRequest = request(wantedPagesRequest);
export const BacklinksRequest = request(backlinksRequest);
export const OverviewRequest = request(overviewRequest);
