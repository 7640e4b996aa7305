import type { CancellationToken, Connection, FileOperationOptions, FileRename, WorkspaceEdit } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { countMoveEdits, moveLinksAnswers, moveLinksQuestion } from '../moveLinksQuestion';
import type { UpdateLinksOnMove } from '../protocol';
import type { PathMove } from '../service/vaultService';
import type { AfterIndexChange } from './documentSync';
import { indexedOrCancelled } from './featureHandlers';
import type { VaultWorkspace } from './vaultWorkspace';
import { toWorkspaceEdit, type EditTarget } from './workspaceEdits';

/**
 * The file operations the server follows (`workspace.fileOperations` of its
 * capabilities): markdown files, and folders (a section folder moved whole).
 */
const MOVE_FILTERS = [
	{ scheme: 'file', pattern: { glob: '**/*.{md,markdown}', matches: 'file', options: { ignoreCase: true } } },
	{ scheme: 'file', pattern: { glob: '**/*', matches: 'folder' } },
] as const;

export const FILE_MOVE_CAPABILITIES: FileOperationOptions = {
	willRename: { filters: [...MOVE_FILTERS] },
	didRename: { filters: [...MOVE_FILTERS] },
};

/**
 * Longest wait, after the link edit of a move is answered, for the move's
 * `didRenameFiles` before the held diagnostics are published anyway (the
 * user may cancel the move, or the client never send it).
 */
const MOVE_HOLD_MS = 10_000;

/** What a move needs of a vault to place a path in it. */
export interface MovingVault {
	readonly root: string;
	/** The vault-relative path of a page file, if it is one of the vault's. */
	relativePath(absolute: string): string | undefined;
	/** The vault-relative path of a folder inside the vault root. */
	relativeFolder(absolute: string): string | undefined;
	isFolderOnDisk(absolute: string): boolean;
}

/** A page or a folder of a vault, by vault-relative path. */
export interface VaultEntry<V> {
	readonly vault: V;
	readonly path: string;
	readonly folder: boolean;
}

/** What the renames of one `willRenameFiles` or `didRenameFiles` mean for the vaults. */
export interface MovePlan<V> {
	/** Moves inside one vault, by vault: the links to the moved pages are rewritten there. */
	readonly within: Map<V, PathMove[]>;
	/**
	 * Pages and folders that left their vault (moved out of every vault, into
	 * another vault, to a name that is no page such as `x.txt`, or into an
	 * excluded folder): there they are deleted, and the links to them are left
	 * as written (so they are reported broken). A site link cannot name a page
	 * of another vault, so none is rewritten.
	 */
	readonly left: VaultEntry<V>[];
	/** Pages and folders that arrived in a vault from outside it: there they are new pages, their links resolved where they are. */
	readonly arrived: VaultEntry<V>[];
}

/** The innermost vault holding a path, as a page or a folder. */
function locateEntry<V extends MovingVault>(vaults: readonly V[], fsPath: string, folder: boolean): { vault: V; path: string } | undefined {
	let best: { vault: V; path: string } | undefined;
	for (const vault of vaults) {
		const relative = folder ? vault.relativeFolder(fsPath) : vault.relativePath(fsPath);
		if (relative !== undefined && (!best || vault.root.length > best.vault.root.length)) {
			best = { vault, path: relative };
		}
	}
	return best;
}

function fsPathOf(uri: string): string | undefined {
	try {
		const parsed = URI.parse(uri);
		return parsed.scheme === 'file' ? parsed.fsPath : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Maps renamed files and folders (by URI) to the vaults. `existing` says which
 * side is on disk, to tell a folder from a file: the old one before the move
 * (`willRenameFiles`), the new one after it (`didRenameFiles`).
 */
export function planMoves<V extends MovingVault>(vaults: readonly V[], files: readonly FileRename[], existing: 'old' | 'new'): MovePlan<V> {
	const plan: MovePlan<V> = { within: new Map(), left: [], arrived: [] };
	for (const file of files) {
		const oldPath = fsPathOf(file.oldUri);
		const newPath = fsPathOf(file.newUri);
		const probe = existing === 'old' ? oldPath : newPath;
		if (probe === undefined) {
			continue;
		}
		const folder = vaults.some(vault => vault.isFolderOnDisk(probe));
		const from = oldPath === undefined ? undefined : locateEntry(vaults, oldPath, folder);
		const to = newPath === undefined ? undefined : locateEntry(vaults, newPath, folder);
		if (from && to && from.vault === to.vault) {
			if (from.path !== to.path) {
				const moves = plan.within.get(from.vault) ?? [];
				moves.push({ from: from.path, to: to.path });
				plan.within.set(from.vault, moves);
			}
			continue;
		}
		if (from) {
			plan.left.push({ ...from, folder });
		}
		if (to) {
			plan.arrived.push({ ...to, folder });
		}
	}
	return plan;
}

/** What following moves asks of the workspace's vaults. */
export interface MoveVaults {
	readonly all: readonly VaultWorkspace[];
	whenVaultsCreated(): Promise<void>;
	uriOf(vault: VaultWorkspace, path: string): string;
	settingsOf(vault: VaultWorkspace): { readonly updateLinksOnMove: UpdateLinksOnMove };
}

/** What following moves asks of the diagnostics publisher. */
export interface MovePublisher {
	clear(uri: string): void;
	hold(timeoutMs: number): () => void;
}

/** What following moves asks of what the client said at initialization. */
export interface MoveClient {
	/** The client asks the user itself before applying a move's link edit (`initializationOptions.promptsOnMove`). */
	readonly promptsOnMove: boolean;
}

/** How many links (text edits) a WorkspaceEdit changes, in how many pages. */
export function countLinkEdits(edit: WorkspaceEdit): { links: number; pages: number } {
	return countMoveEdits((edit.documentChanges ?? []).map(change => ('edits' in change ? change.edits : [])));
}

/**
 * Follows pages and folders moved or renamed in the editor:
 * `workspace/willRenameFiles` answers the edit that rewrites the links to the
 * moved pages, and the relative links inside them (with
 * `entityVault.updateLinksOnMove`: `always`, `prompt` (asking the user, here
 * with `window/showMessageRequest` unless the client asks itself) or `never`);
 * `workspace/didRenameFiles` moves the pages in the index, reading only the
 * moved files.
 */
export function registerFileMoves(
	connection: Pick<Connection, 'workspace' | 'window'>,
	documents: { get(uri: string): { readonly version: number } | undefined },
	vaults: MoveVaults,
	publisher: MovePublisher,
	client: MoveClient,
	afterChange: AfterIndexChange,
): void {
	const editTarget: EditTarget = { uriOf: (vault, path) => vaults.uriOf(vault, path), versionOf: uri => documents.get(uri)?.version };
	/** Releases of the diagnostics held since a move's edit was answered, until its `didRenameFiles`. */
	const heldForMoves: (() => void)[] = [];

	async function linkEdit(plan: MovePlan<VaultWorkspace>, token: CancellationToken): Promise<{ edit: WorkspaceEdit; ask: boolean } | undefined> {
		const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = [];
		let ask = false;
		for (const [vault, moves] of plan.within) {
			const setting = vaults.settingsOf(vault).updateLinksOnMove;
			if (setting === 'never') {
				continue;
			}
			// Links to a page come from every page: wait for the whole vault (or the cancellation).
			if (!(await indexedOrCancelled(vault, token))) {
				return undefined;
			}
			const edit = vault.service.moveEdits(moves, token);
			if (token.isCancellationRequested) {
				return undefined;
			}
			const converted = toWorkspaceEdit(editTarget, vault, edit).documentChanges ?? [];
			if (converted.some(change => 'edits' in change && change.edits.length > 0)) {
				ask ||= setting === 'prompt';
				documentChanges.push(...converted);
			}
		}
		return documentChanges.length === 0 ? undefined : { edit: { documentChanges }, ask };
	}

	async function userAccepts(edit: WorkspaceEdit): Promise<boolean> {
		const { links, pages } = countLinkEdits(edit);
		try {
			const answer = await connection.window.showInformationMessage(moveLinksQuestion(links, pages), { title: moveLinksAnswers.update }, { title: moveLinksAnswers.skip });
			return answer?.title === moveLinksAnswers.update;
		} catch {
			return false;
		}
	}

	connection.workspace.onWillRenameFiles(async (params, token) => {
		await vaults.whenVaultsCreated();
		const plan = planMoves(vaults.all, params.files, 'old');
		if (plan.within.size === 0) {
			return null;
		}
		const answer = await linkEdit(plan, token);
		if (!answer || token.isCancellationRequested) {
			return null;
		}
		if (answer.ask && !client.promptsOnMove && !(await userAccepts(answer.edit))) {
			return null;
		}
		// The links now name the new paths: hold the diagnostics until the move is made (`didRenameFiles`).
		heldForMoves.push(publisher.hold(MOVE_HOLD_MS));
		return answer.edit;
	});

	connection.workspace.onDidRenameFiles(async params => {
		await vaults.whenVaultsCreated();
		const plan = planMoves(vaults.all, params.files, 'new');
		const byVault = new Map<VaultWorkspace, { removed: string[]; added: string[] }>();
		const entry = (vault: VaultWorkspace) => {
			let found = byVault.get(vault);
			if (!found) {
				found = { removed: [], added: [] };
				byVault.set(vault, found);
			}
			return found;
		};
		for (const [vault, moves] of plan.within) {
			for (const move of moves) {
				const isFolder = vault.isFolderOnDisk(vault.absolutePath(move.to));
				entry(vault).removed.push(...(isFolder ? vault.pathsUnder(move.from) : [move.from]));
				entry(vault).added.push(...(isFolder ? vault.pagesOnDiskUnder(move.to) : [move.to]));
			}
		}
		for (const { vault, path, folder } of plan.left) {
			entry(vault).removed.push(...(folder ? vault.pathsUnder(path) : [path]));
		}
		for (const { vault, path, folder } of plan.arrived) {
			entry(vault).added.push(...(folder ? vault.pagesOnDiskUnder(path) : [path]));
		}
		try {
			for (const [vault, { removed, added }] of byVault) {
				for (const { path, removed: gone, change } of await vault.pagesMoved(removed, added)) {
					if (gone) {
						publisher.clear(vaults.uriOf(vault, path));
					}
					afterChange(vault, gone ? undefined : path, change);
				}
			}
		} finally {
			for (const release of heldForMoves.splice(0)) {
				release();
			}
		}
	});
}
