import * as fs from 'fs';
import type { BoundedFileRead, IndexCacheFileSystem, VaultDirectoryEntry, VaultFileStat, VaultFileSystem, WritableFile } from './vaultFileSystem';

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

	readFile(path: string, maxBytes: number): BoundedFileRead {
		const fd = fs.openSync(path, 'r');
		try {
			const size = fs.fstatSync(fd).size;
			if (size > maxBytes) {
				return { tooLarge: size };
			}
			return { bytes: fs.readFileSync(fd) };
		} finally {
			fs.closeSync(fd);
		}
	},

	readWholeFile(path: string): Promise<Uint8Array> {
		return fs.promises.readFile(path);
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
