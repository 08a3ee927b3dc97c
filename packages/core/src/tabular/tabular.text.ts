import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { BadEncoding, FormatUnsupported } from './tabular.errors.js';
import type { TextEncoding } from './tabular.types.js';

type Decoder = { write(b: Buffer): string; end(): string | undefined };

/** Bytes a UTF-8 lead byte announces (0 for a continuation byte). */
const seqLength = (b: number) => (b < 0x80 ? 1 : b < 0xc0 ? 0 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4);

/** Where a chunk stops being whole UTF-8: the start of a trailing sequence the next chunk completes. */
function utf8Cut(buf: Buffer): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const len = seqLength(buf[buf.length - back]!);
    if (len === 0) continue;
    return len > back ? buf.length - back : buf.length;
  }
  return buf.length;
}

/** Rejects content that is not text: NUL bytes or many control characters in the first chunk. */
export function assertText(head: Buffer, name: string) {
  let controls = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i]!;
    if (b === 0) throw notText(name, i);
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) controls++;
  }
  if (controls > head.length / 100) throw notText(name, -1);
}

const notText = (name: string, at: number) =>
  FormatUnsupported(
    `not a CSV/TSV/JSONL/XLSX/Parquet file: ${name} holds binary content${at >= 0 ? ` (a NUL byte at offset ${at})` : ''}`,
  );

/**
 * Turns byte chunks into text, deciding the encoding on the first chunk with a non-ASCII byte: valid UTF-8
 * is UTF-8, anything else is read as GB18030 (a superset of GBK and GB2312). ASCII decodes the same in
 * both, so the choice can wait that long; invalid UTF-8 after the choice is an error naming the offsets.
 */
export class TextChunkDecoder {
  encoding: TextEncoding | undefined;
  bom = false;
  private offset = 0;
  private decoder: Decoder | undefined;

  constructor(
    private readonly name: string,
    forced?: TextEncoding,
  ) {
    if (forced) this.choose(forced);
  }

  decode(chunk: Buffer): string {
    if (this.offset === 0) chunk = this.start(chunk);
    if (!this.decoder) {
      if (isAscii(chunk)) return this.advance(chunk.length, chunk.toString('latin1'));
      this.choose(isUtf8(chunk.subarray(0, utf8Cut(chunk))) ? 'utf-8' : 'gb18030');
    }
    try {
      return this.advance(chunk.length, this.decoder!.write(chunk));
    } catch {
      throw this.invalid(chunk.length);
    }
  }

  end(): string {
    try {
      return this.decoder?.end() ?? '';
    } catch {
      throw this.invalid(0);
    }
  }

  private start(chunk: Buffer): Buffer {
    if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
      this.bom = true;
      if (!this.encoding) this.choose('utf-8');
      return chunk.subarray(3);
    }
    if (chunk[0] === 0xff && chunk[1] === 0xfe) {
      this.bom = true;
      this.choose('utf-16le');
      return chunk.subarray(2);
    }
    if (this.encoding !== 'utf-16le') assertText(chunk.subarray(0, 65536), this.name);
    return chunk;
  }

  private choose(encoding: TextEncoding) {
    this.encoding = encoding;
    if (encoding === 'gb18030') {
      this.decoder = iconv.getDecoder('gb18030');
      return;
    }
    // streaming TextDecoder keeps a sequence split across chunks; `fatal` makes invalid bytes an error
    const d = new TextDecoder(encoding, { fatal: true });
    this.decoder = { write: (b) => d.decode(b, { stream: true }), end: () => d.decode() };
  }

  private advance(bytes: number, text: string) {
    this.offset += bytes;
    return text;
  }

  private invalid(span: number) {
    return BadEncoding(
      `${this.name}: invalid ${this.encoding} between byte offsets ${this.offset} and ${this.offset + span}: ` +
        'the file mixes encodings (pass --encoding gb18030 if it is GBK)',
    );
  }
}

/** Encodes text for a writer in the source's encoding. */
export function encodeText(text: string, encoding: TextEncoding): Buffer | string {
  if (encoding === 'utf-8') return text;
  if (encoding === 'utf-16le') return Buffer.from(text, 'utf16le');
  return iconv.encode(text, 'gb18030');
}

/**
 * The read loop shared by the text formats: each `feed` decodes one more chunk and lets the format's parser
 * append complete records to `pending`; `batches` hands them out as they come, one chunk's worth at a time.
 */
export class TextFeed<T> {
  pending: T[] = [];
  done = false;

  constructor(
    private readonly bytes: AsyncIterator<Buffer>,
    readonly decoder: TextChunkDecoder,
    private readonly parse: (text: string, final: boolean, out: T[]) => void,
  ) {}

  async feed(): Promise<void> {
    const next = await this.bytes.next();
    this.done = !!next.done;
    this.parse(next.done ? this.decoder.end() : this.decoder.decode(next.value), this.done, this.pending);
  }

  /** Reads until at least one record is pending or the input ends. */
  async first(): Promise<void> {
    while (!this.done && this.pending.length === 0) await this.feed();
  }

  async *batches<U>(map: (batch: T[]) => U): AsyncGenerator<U> {
    for (;;) {
      if (this.pending.length) yield map(this.pending);
      if (this.done) return;
      this.pending = [];
      await this.feed();
    }
  }
}
