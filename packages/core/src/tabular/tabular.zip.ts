import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable, Transform, pipeline } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { ArchiveBomb, FormatUnsupported } from './tabular.errors.js';

/** What one part of an archive may inflate to: zip bombs are refused before they cost memory or CPU. */
export interface ZipLimits {
  /** The most bytes one entry may inflate to. */
  maxEntryBytes: number;
  /** The most times its compressed size an entry may inflate to (Apache POI uses 100). */
  maxRatio: number;
  /** The most entries the central directory may list. */
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 256 * 1024 * 1024,
  maxRatio: 100,
  maxEntries: 10_000,
};

/** Small parts may inflate past the ratio (a few KiB of repeated XML compresses very well). */
const RATIO_GRACE_BYTES = 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const MiB = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MiB`;

/**
 * A ZIP archive on disk, read through its central directory: only the entries asked for are inflated, each
 * through a counter that stops it at `maxEntryBytes` or `maxRatio` times its compressed size — the sizes
 * the archive declares are checked first, and the bytes actually inflated are counted, since they may lie.
 */
export class ZipArchive {
  private constructor(
    private readonly fh: FileHandle,
    private readonly path: string,
    private readonly name: string,
    private readonly limits: ZipLimits,
    readonly entries: Map<string, ZipEntry>,
  ) {}

  /** `name` is what messages call the archive (never the path, which may be a private temporary file). */
  static async open(path: string, name: string, limits: ZipLimits): Promise<ZipArchive> {
    const fh = await open(path, 'r');
    try {
      const entries = await readDirectory(fh, name, limits);
      return new ZipArchive(fh, path, name, limits, entries);
    } catch (e) {
      await fh.close();
      throw e;
    }
  }

  close(): Promise<void> {
    return this.fh.close().catch(() => {});
  }

  /** The inflated bytes of one entry, as a stream that fails with `TABULAR_ARCHIVE_BOMB` past the limits. */
  async read(entry: ZipEntry): Promise<Readable> {
    const { maxEntryBytes, maxRatio } = this.limits;
    const refuse = () =>
      ArchiveBomb(
        `${this.name}: ${entry.name} inflates beyond ${MiB(maxEntryBytes)} or ${maxRatio} times its ` +
          `compressed size (${MiB(entry.compressedSize)}); refused as a possible zip bomb`,
        { entry: entry.name, maxEntryBytes, maxRatio },
      );
    const allowed = Math.min(maxEntryBytes, Math.max(RATIO_GRACE_BYTES, maxRatio * entry.compressedSize));
    if (entry.uncompressedSize > allowed) throw refuse();
    if (entry.compressedSize === 0) return Readable.from([]);
    const local = Buffer.alloc(30);
    await this.fh.read(local, 0, 30, entry.localOffset);
    if (local.readUInt32LE(0) !== 0x04034b50) throw this.corrupt(`${entry.name} has no local header`);
    const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    const raw = createReadStream(this.path, { start, end: start + entry.compressedSize - 1 });
    let out = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        out += chunk.length;
        done(out > allowed ? refuse() : null, chunk);
      },
    });
    const inflate = entry.method === 8 ? [createInflateRaw()] : [];
    // an error anywhere (a refusal, damaged deflate data) reaches the reader through the counter
    return pipeline([raw, ...inflate, counter], () => {}) as Transform;
  }

  private corrupt(why: string) {
    return FormatUnsupported(
      `not a CSV/TSV/JSONL/XLSX/Parquet file: ${this.name} is a damaged archive (${why})`,
    );
  }
}

async function readDirectory(
  fh: FileHandle,
  name: string,
  limits: ZipLimits,
): Promise<Map<string, ZipEntry>> {
  const bad = (why: string) =>
    FormatUnsupported(
      `not a CSV/TSV/JSONL/XLSX/Parquet file: ${name} is not a readable XLSX workbook (${why})`,
    );
  const { size } = await fh.stat();
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = Buffer.alloc(tailLength);
  await fh.read(tail, 0, tailLength, size - tailLength);
  let eocd = -1;
  for (let i = tailLength - 22; i >= 0 && eocd < 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) eocd = i;
  if (eocd < 0) throw bad('no ZIP central directory');
  const count = tail.readUInt16LE(eocd + 10);
  const dirSize = tail.readUInt32LE(eocd + 12);
  const dirOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff)
    throw bad('ZIP64 archives are not supported');
  if (count > limits.maxEntries) throw ArchiveBomb(`${name} lists ${count} parts, over ${limits.maxEntries}`);
  if (dirOffset + dirSize > size) throw bad('the central directory lies outside the file');
  const dir = Buffer.alloc(dirSize);
  await fh.read(dir, 0, dirSize, dirOffset);
  const entries = new Map<string, ZipEntry>();
  for (let at = 0, n = 0; n < count; n++) {
    if (at + 46 > dir.length || dir.readUInt32LE(at) !== 0x02014b50) throw bad('a damaged central directory');
    const nameLength = dir.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      name: dir.toString('utf8', at + 46, at + 46 + nameLength),
      method: dir.readUInt16LE(at + 10),
      compressedSize: dir.readUInt32LE(at + 20),
      uncompressedSize: dir.readUInt32LE(at + 24),
      localOffset: dir.readUInt32LE(at + 42),
    };
    if (dir.readUInt16LE(at + 8) & 1) throw bad(`${entry.name} is encrypted`);
    if (entry.method !== 0 && entry.method !== 8)
      throw bad(`${entry.name} uses compression method ${entry.method}`);
    if (entry.localOffset + 30 + entry.compressedSize > size)
      throw bad(`${entry.name} lies outside the file`);
    entries.set(entry.name, entry);
    at += 46 + nameLength + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
  }
  return entries;
}
