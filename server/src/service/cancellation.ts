/**
 * The one thing the vault service needs from a cancellation token. The
 * transport passes the LSP `CancellationToken`, which has this shape; the
 * service never imports the connection library.
 */
export interface CancellationLike {
	readonly isCancellationRequested: boolean;
}

/** How many items a loop handles between two looks at its token. */
export const CANCELLATION_CHECK_INTERVAL = 512;
