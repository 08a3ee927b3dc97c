import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { FileUnreadable } from './tabular.errors.js';
import type { TabularOutput } from './tabular.types.js';

/**
 * A byte sink with backpressure: `write` resolves once the stream can take more. A path is opened (and
 * closed) here; a stream the caller passes is flushed but left open for the caller to end.
 */
export class Sink {
  readonly stream: Writable;
  private readonly owned: boolean;
  private failure: Error | undefined;

  constructor(target: TabularOutput) {
    this.owned = typeof target === 'string';
    this.stream = typeof target === 'string' ? createWriteStream(target, { highWaterMark: 1 << 20 }) : target;
    this.stream.on('error', (e: Error) => {
      this.failure = FileUnreadable(
        `cannot write ${typeof target === 'string' ? target : 'the output'}: ${e.message}`,
      );
    });
  }

  async write(chunk: string | Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream.write(chunk)) await this.drained();
  }

  async close(): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.owned) return;
    const done = once(this.stream, 'close');
    this.stream.end();
    await done.catch(() => undefined);
    if (this.failure) throw this.failure;
  }

  private async drained() {
    // `once` rejects if the stream fails while we wait, and leaves no listener behind either way
    await once(this.stream, 'drain').catch(() => undefined);
    if (this.failure) throw this.failure;
  }
}
