import * as path from 'path';
import type { BoundedFileRead, IndexCacheFileSystem, ReadableFile, VaultDirectoryEntry, VaultFileStat, VaultFileSystem, WritableFile } from '../../server/src/node/vaultFileSystem';

interface MemoryFile {
	readonly kind: 'file';
	bytes: Uint8Array;
	mtimeMs: number;
	unreadable: boolean;
}

interface MemoryDirectory {
	readonly kind: 'directory';
	readonly children: Map<string, MemoryNode>;
	unreadable: boolean;
}

interface MemoryLink {
	readonly kind: 'link';
	readonly target: string;
}

type MemoryNode = MemoryFile | MemoryDirectory | MemoryLink;

/** One call made on the file system: the operation, the path it was given and, when it leads somewhere, where (links resolved). */
export interface FileAccess {
	readonly operation: string;
	readonly path: string;
	readonly real?: string;
}

/** More links than this on one path is a loop, as for Linux (`ELOOP`). */
const MAX_LINK_HOPS = 40;

const DESCRIPTIONS: Record<string, string> = {
	ENOENT: 'no such file or directory',
	ENOTDIR: 'not a directory',
	EISDIR: 'illegal operation on a directory',
	ELOOP: 'too many symbolic links encountered',
	EACCES: 'permission denied',
	EEXIST: 'file already exists',
	EBADF: 'bad file descriptor',
};

/** An error as Node makes it; `target` is left out when Node does not know the path (an operation on an open file). */
function fsError(code: string, syscall: string, target?: string): NodeJS.ErrnoException {
	const error: NodeJS.ErrnoException = new Error(`${code}: ${DESCRIPTIONS[code]}, ${syscall}${target === undefined ? '' : ` '${target}'`}`);
	error.code = code;
	error.syscall = syscall;
	error.path = target;
	return error;
}

function segmentsOf(absolute: string): string[] {
	return path.posix.resolve('/', absolute).split('/').filter(segment => segment !== '');
}

/**
 * A POSIX file system in memory, for unit tests of the transport: folders,
 * files with a size and a modification time, symbolic links (relative or
 * absolute, followed as the kernel does, loops failing with `ELOOP`) and
 * unreadable entries (`EACCES`). Errors carry Node's codes and messages.
 * Every call is recorded in `accesses`, so a test can prove what was (not)
 * read. Paths are absolute and `/`-separated; `..` in a path given to it is
 * resolved lexically (the transport only passes normalized paths).
 */
export class MemoryFileSystem implements VaultFileSystem, IndexCacheFileSystem {
	private readonly top: MemoryDirectory = { kind: 'directory', children: new Map(), unreadable: false };
	/** Modification times: every write is one millisecond later than the one before. */
	private clock = 1_700_000_000_000;
	readonly accesses: FileAccess[] = [];

	// Setting up (not recorded)

	/** Writes a file, making its missing folders. */
	writeFile(file: string, content: string | Uint8Array): void {
		const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
		const { parent, name } = this.parentOf(file, true, 'open');
		const existing = parent.children.get(name);
		if (existing?.kind === 'directory') {
			throw fsError('EISDIR', 'open', file);
		}
		parent.children.set(name, { kind: 'file', bytes: Uint8Array.from(bytes), mtimeMs: ++this.clock, unreadable: false });
	}

	/** Makes a folder and its missing parents. */
	makeDirectory(folder: string): void {
		let directory = this.top;
		for (const name of segmentsOf(folder)) {
			let child = directory.children.get(name);
			if (child === undefined) {
				child = { kind: 'directory', children: new Map(), unreadable: false };
				directory.children.set(name, child);
			}
			if (child.kind !== 'directory') {
				throw fsError('ENOTDIR', 'mkdir', folder);
			}
			directory = child;
		}
	}

	/** Makes a symbolic link at `link` to `target` (relative to the link's folder, or absolute), making its missing folders. */
	symlink(link: string, target: string): void {
		const { parent, name } = this.parentOf(link, true, 'symlink');
		if (parent.children.has(name)) {
			throw fsError('EEXIST', 'symlink', link);
		}
		parent.children.set(name, { kind: 'link', target });
	}

	/** Removes a file, link or folder (with everything in it). */
	remove(entry: string): void {
		const { parent, name } = this.parentOf(entry, false, 'rm');
		if (!parent.children.delete(name)) {
			throw fsError('ENOENT', 'rm', entry);
		}
	}

	/** Makes a file or folder unreadable (reading it, or listing it, fails with `EACCES`). */
	makeUnreadable(entry: string): void {
		const node = this.resolve(entry, true, 'chmod').node;
		if (node.kind !== 'link') {
			node.unreadable = true;
		}
	}

	/** Sets a file's modification time (to give it back the stamp it had). */
	setModificationTime(file: string, mtimeMs: number): void {
		this.fileAt(file, 'utimes').mtimeMs = mtimeMs;
	}

	/** A file's text (not recorded). */
	textOf(file: string): string {
		return new TextDecoder().decode(this.fileAt(file, 'open').bytes);
	}

	exists(entry: string): boolean {
		try {
			this.resolve(entry, false, 'lstat');
			return true;
		} catch {
			return false;
		}
	}

	/** Forgets the accesses recorded so far. */
	clearAccesses(): void {
		this.accesses.length = 0;
	}

	// VaultFileSystem

	stat(target: string): VaultFileStat {
		const { node } = this.record('stat', target, () => this.resolve(target, true, 'stat'));
		if (node.kind === 'file') {
			return { isFile: true, isDirectory: false, size: node.bytes.length, mtimeMs: node.mtimeMs };
		}
		return { isFile: false, isDirectory: true, size: 4096, mtimeMs: 0 };
	}

	readDirectory(folder: string): VaultDirectoryEntry[] {
		const { node } = this.record('readDirectory', folder, () => this.resolve(folder, true, 'scandir'));
		if (node.kind !== 'directory') {
			throw fsError('ENOTDIR', 'scandir', folder);
		}
		if (node.unreadable) {
			throw fsError('EACCES', 'scandir', folder);
		}
		// Newest first: the order of a real folder is arbitrary too, callers that need one sort.
		return [...node.children].reverse().map(([name, child]) => ({
			name,
			isFile: child.kind === 'file',
			isDirectory: child.kind === 'directory',
			isSymbolicLink: child.kind === 'link',
		}));
	}

	realPath(target: string): string {
		return this.record('realPath', target, () => this.resolve(target, true, 'realpath')).real;
	}

	readFile(file: string, maxBytes: number, noFollow = false): BoundedFileRead {
		if (noFollow && this.resolve(file, false, 'open').node.kind === 'link') {
			this.accesses.push({ operation: 'readFile', path: file });
			throw fsError('ELOOP', 'open', file);
		}
		const bytes = this.readBytes('readFile', file);
		return bytes.length > maxBytes ? { tooLarge: bytes.length } : { bytes, size: bytes.length, mtimeMs: this.fileAt(file, 'fstat').mtimeMs };
	}

	// IndexCacheFileSystem

	/** Tells `onRead` of the bytes in pieces of 1,000 (the persisted index checks them as they come). */
	async readWholeFile(file: string, onRead?: (buffer: Uint8Array, filled: number) => void): Promise<Uint8Array> {
		const bytes = this.readBytes('readWholeFile', file);
		for (let filled = 1000; onRead && filled < bytes.length + 1000; filled += 1000) {
			onRead(bytes, Math.min(filled, bytes.length));
		}
		return bytes;
	}

	/** Reads the file opened (as a descriptor does: replaced or removed, it is still read; cut short in place with `truncate`, it is short). */
	openForReading(file: string): ReadableFile {
		const { node } = this.record('openForReading', file, () => this.resolve(file, true, 'open'));
		if (node.kind !== 'file') {
			throw fsError('EISDIR', 'read');
		}
		if (node.unreadable) {
			throw fsError('EACCES', 'open', file);
		}
		let open = true;
		return {
			size: node.bytes.length,
			read: (offset: number, length: number): Uint8Array => {
				if (!open) {
					throw fsError('EBADF', 'read');
				}
				this.accesses.push({ operation: 'read', path: file });
				return node.bytes.slice(offset, offset + length);
			},
			close: (): void => {
				open = false;
			},
		};
	}

	/** Cuts a file short in place (what is open on it sees it short too). */
	truncate(file: string, length: number): void {
		const node = this.fileAt(file, 'truncate');
		node.bytes = node.bytes.slice(0, length);
	}

	async createDirectory(folder: string): Promise<void> {
		this.accesses.push({ operation: 'createDirectory', path: folder });
		this.makeDirectory(folder);
	}

	async createFile(file: string): Promise<WritableFile> {
		this.accesses.push({ operation: 'createFile', path: file });
		const { parent, name } = this.parentOf(file, false, 'open');
		if (parent.children.get(name)?.kind === 'directory') {
			throw fsError('EISDIR', 'open', file);
		}
		const node: MemoryFile = { kind: 'file', bytes: new Uint8Array(0), mtimeMs: ++this.clock, unreadable: false };
		parent.children.set(name, node);
		return {
			append: async (chunks: readonly Uint8Array[]): Promise<void> => {
				const length = chunks.reduce((sum, chunk) => sum + chunk.length, node.bytes.length);
				const bytes = new Uint8Array(length);
				bytes.set(node.bytes);
				let at = node.bytes.length;
				for (const chunk of chunks) {
					bytes.set(chunk, at);
					at += chunk.length;
				}
				node.bytes = bytes;
				node.mtimeMs = ++this.clock;
			},
			close: async (): Promise<void> => undefined,
		};
	}

	async rename(from: string, to: string): Promise<void> {
		this.accesses.push({ operation: 'rename', path: from });
		const source = this.parentOf(from, false, 'rename');
		const node = source.parent.children.get(source.name);
		if (node === undefined) {
			throw fsError('ENOENT', 'rename', from);
		}
		const destination = this.parentOf(to, false, 'rename');
		source.parent.children.delete(source.name);
		destination.parent.children.set(destination.name, node);
	}

	async removeFile(file: string): Promise<void> {
		this.accesses.push({ operation: 'removeFile', path: file });
		if (this.exists(file)) {
			this.remove(file);
		}
	}

	// Internals

	private record<T extends { real: string }>(operation: string, target: string, run: () => T): T {
		let result: T;
		try {
			result = run();
		} catch (error) {
			this.accesses.push({ operation, path: target });
			throw error;
		}
		this.accesses.push({ operation, path: target, real: result.real });
		return result;
	}

	private readBytes(operation: string, file: string): Uint8Array {
		const { node } = this.record(operation, file, () => this.resolve(file, true, 'open'));
		if (node.kind !== 'file') {
			// Node opens a folder, then fails to read the open file.
			throw fsError('EISDIR', 'read');
		}
		if (node.unreadable) {
			throw fsError('EACCES', 'open', file);
		}
		return Uint8Array.from(node.bytes);
	}

	private fileAt(file: string, syscall: string): MemoryFile {
		const { node } = this.resolve(file, true, syscall);
		if (node.kind !== 'file') {
			throw fsError('EISDIR', syscall, file);
		}
		return node;
	}

	/** The folder an entry is in (links on the way followed) and its name there. */
	private parentOf(entry: string, make: boolean, syscall: string): { parent: MemoryDirectory; name: string } {
		const segments = segmentsOf(entry);
		const name = segments.pop();
		if (name === undefined) {
			throw fsError('EISDIR', syscall, entry);
		}
		const folder = `/${segments.join('/')}`;
		if (make) {
			this.makeDirectory(folder);
		}
		const { node } = this.resolve(folder, true, syscall);
		if (node.kind !== 'directory') {
			throw fsError('ENOTDIR', syscall, entry);
		}
		return { parent: node, name };
	}

	/** Where a path leads: the node and its real path (`followLast`: a link at the end is followed too). */
	private resolve(target: string, followLast: boolean, syscall: string, hops = { count: 0 }): { node: MemoryNode; real: string } {
		const segments = segmentsOf(target);
		let node: MemoryNode = this.top;
		let real: string[] = [];
		for (let i = 0; i < segments.length; i++) {
			if (node.kind !== 'directory') {
				throw fsError('ENOTDIR', syscall, target);
			}
			const child: MemoryNode | undefined = node.children.get(segments[i]);
			if (child === undefined) {
				throw fsError('ENOENT', syscall, target);
			}
			const last = i === segments.length - 1;
			if (child.kind === 'link' && (!last || followLast)) {
				if (++hops.count > MAX_LINK_HOPS) {
					throw fsError('ELOOP', syscall, target);
				}
				let resolved: { node: MemoryNode; real: string };
				try {
					resolved = this.resolve(path.posix.resolve(`/${real.join('/')}`, child.target), true, syscall, hops);
				} catch (error) {
					// Reported for the path asked about, as the kernel does.
					throw fsError((error as NodeJS.ErrnoException).code ?? 'ENOENT', syscall, target);
				}
				node = resolved.node;
				real = segmentsOf(resolved.real);
			} else {
				node = child;
				real.push(segments[i]);
			}
		}
		return { node, real: `/${real.join('/')}` };
	}
}
