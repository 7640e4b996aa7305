/**
 * The file system as the vault's transport sees it: only the operations it
 * uses. The vault is read through `VaultFileSystem` (synchronously: the walk,
 * the page reads and the worker threads are synchronous); the persisted
 * index, which lives outside the vault, is the only file written, through
 * `IndexCacheFileSystem`. `nodeFileSystem.ts` implements both on Node's
 * `fs`; the unit tests use an in-memory implementation.
 *
 * A failing operation throws an error with Node's `code` (`ENOENT`,
 * `ENOTDIR`, `ELOOP`, `EACCES`…) and a message saying what failed: callers
 * tell a missing file from an unreadable one by the code, and report the
 * message.
 */

/** What `stat` tells about a file (symbolic links followed). */
export interface VaultFileStat {
	readonly isFile: boolean;
	readonly isDirectory: boolean;
	readonly size: number;
	readonly mtimeMs: number;
}

/** One entry of a folder, as it is in the folder: a symbolic link is not followed. */
export interface VaultDirectoryEntry {
	readonly name: string;
	readonly isFile: boolean;
	readonly isDirectory: boolean;
	readonly isSymbolicLink: boolean;
}

/** A file's bytes with the size and time of the file read (its stamp), or only its size when it was too large to be read. */
export type BoundedFileRead = { readonly bytes: Uint8Array; readonly size: number; readonly mtimeMs: number } | { readonly tooLarge: number };

export interface VaultFileSystem {
	/** The file or folder a path leads to, symbolic links followed. */
	stat(path: string): VaultFileStat;
	/** A folder's entries, in no particular order. */
	readDirectory(path: string): VaultDirectoryEntry[];
	/** The path with every symbolic link resolved (fails on a dangling link or a loop). */
	realPath(path: string): string;
	/**
	 * A file's bytes, read only when it has at most `maxBytes`: the size is
	 * checked on the file that is read, so a file that grows meanwhile is not
	 * read past the check. `noFollow`: fails with `ELOOP` when the file (its
	 * last name, not a folder on its path) is a symbolic link.
	 */
	readFile(path: string, maxBytes: number, noFollow?: boolean): BoundedFileRead;
}

/** A file being written, a chunk at a time. */
export interface WritableFile {
	append(chunks: readonly Uint8Array[]): Promise<void>;
	close(): Promise<void>;
}

/** A file open for reading at any offset (the persisted index's blobs: a page's is read while a request is answered). */
export interface ReadableFile {
	/** Its size when opened. */
	readonly size: number;
	/** The bytes at `offset`: fewer than `length` at the end of the file. */
	read(offset: number, length: number): Uint8Array;
	close(): void;
}

/** What the persisted index needs: read its file whole, write a new one beside it and rename it into place, read its blobs on demand. */
export interface IndexCacheFileSystem {
	/** Opens a file for reading; it stays the file opened even when replaced or removed meanwhile (as a POSIX file descriptor does). */
	openForReading(path: string): ReadableFile;
	/**
	 * Reads a file whole. `onRead`, when given, is called as the bytes come in
	 * (the buffer, and how many of its first bytes are read so far), while the
	 * rest is being read: the persisted index checks what it has meanwhile.
	 */
	readWholeFile(path: string, onRead?: (buffer: Uint8Array, filled: number) => void): Promise<Uint8Array>;
	/** Creates a folder and its missing parents. */
	createDirectory(path: string): Promise<void>;
	/** Creates (or truncates) a file for writing. */
	createFile(path: string): Promise<WritableFile>;
	/** Replaces `to` by `from`. */
	rename(from: string, to: string): Promise<void>;
	/** Removes a file; nothing when there is none. */
	removeFile(path: string): Promise<void>;
}
