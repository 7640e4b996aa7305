import * as fs from 'fs';
import type { BoundedFileRead, IndexCacheFileSystem, ReadableFile, VaultDirectoryEntry, VaultFileStat, VaultFileSystem, WritableFile } from './vaultFileSystem';

/** Opening with it fails (`ELOOP`) on a symbolic link; 0 where the platform has no such flag (Windows: `lstat` tells instead). */
const NO_FOLLOW = fs.constants.O_NOFOLLOW ?? 0;

/** `readWholeFile` reads this many bytes at a time. */
const READ_PIECE = 8 * 1024 * 1024;

/** The vault's and the persisted index's file access on Node's `fs` (errors are Node's own). */
export const nodeFileSystem: VaultFileSystem & IndexCacheFileSystem = Object.freeze({
	stat(path: string): VaultFileStat {
		const stat = fs.statSync(path);
		return { isFile: stat.isFile(), isDirectory: stat.isDirectory(), size: stat.size, mtimeMs: stat.mtimeMs };
	},

	readDirectory(path: string): VaultDirectoryEntry[] {
		return fs.readdirSync(path, { withFileTypes: true }).map(entry => ({
			name: entry.name,
			isFile: entry.isFile(),
			isDirectory: entry.isDirectory(),
			isSymbolicLink: entry.isSymbolicLink(),
		}));
	},

	realPath(path: string): string {
		return fs.realpathSync.native(path);
	},

	readFile(path: string, maxBytes: number, noFollow = false): BoundedFileRead {
		if (noFollow && NO_FOLLOW === 0 && fs.lstatSync(path).isSymbolicLink()) {
			throw Object.assign(new Error(`ELOOP: symbolic link, open '${path}'`), { code: 'ELOOP' });
		}
		const fd = fs.openSync(path, noFollow ? fs.constants.O_RDONLY | NO_FOLLOW : 'r');
		try {
			const { size, mtimeMs } = fs.fstatSync(fd);
			if (size > maxBytes) {
				return { tooLarge: size };
			}
			return { bytes: fs.readFileSync(fd), size, mtimeMs };
		} finally {
			fs.closeSync(fd);
		}
	},

	async readWholeFile(path: string, onRead?: (buffer: Uint8Array, filled: number) => void): Promise<Uint8Array> {
		const handle = await fs.promises.open(path, 'r');
		try {
			const size = (await handle.stat()).size;
			const buffer = Buffer.allocUnsafeSlow(size);
			let filled = 0;
			// The next piece is asked for before `onRead` looks at the bytes read so far: the two overlap.
			let pending = size > 0 ? handle.read(buffer, 0, Math.min(READ_PIECE, size), 0) : undefined;
			while (pending !== undefined) {
				const { bytesRead } = await pending;
				if (bytesRead === 0) {
					break;
				}
				filled += bytesRead;
				pending = filled < size ? handle.read(buffer, filled, Math.min(READ_PIECE, size - filled), filled) : undefined;
				onRead?.(buffer, filled);
			}
			return filled === size ? buffer : buffer.subarray(0, filled);
		} finally {
			await handle.close();
		}
	},

	openForReading(path: string): ReadableFile {
		const fd = fs.openSync(path, 'r');
		let size: number;
		try {
			size = fs.fstatSync(fd).size;
		} catch (error) {
			fs.closeSync(fd);
			throw error;
		}
		let open = true;
		return {
			size,
			read(offset: number, length: number): Uint8Array {
				if (!open) {
					// Never a descriptor closed here: its number may be another file's by now.
					throw new Error('read of a closed file');
				}
				const bytes = Buffer.allocUnsafe(length);
				const read = fs.readSync(fd, bytes, 0, length, offset);
				return read === length ? bytes : bytes.subarray(0, read);
			},
			close(): void {
				if (open) {
					open = false;
					fs.closeSync(fd);
				}
			},
		};
	},

	async createDirectory(path: string): Promise<void> {
		await fs.promises.mkdir(path, { recursive: true });
	},

	async createFile(path: string): Promise<WritableFile> {
		const handle = await fs.promises.open(path, 'w');
		return {
			async append(chunks: readonly Uint8Array[]): Promise<void> {
				await handle.writev(chunks as Uint8Array[]);
			},
			close: () => handle.close(),
		};
	},

	rename(from: string, to: string): Promise<void> {
		return fs.promises.rename(from, to);
	},

	removeFile(path: string): Promise<void> {
		return fs.promises.rm(path, { force: true });
	},
});
