import { RaggedRow } from './tabular.errors.js';
import type { Cell, RowValues } from './tabular.types.js';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * An RFC 4180 record parser over text chunks. A record cut by the end of a chunk is parsed again, whole,
 * when the next chunk arrives, so only the current record is ever held. An empty unquoted field is null and
 * a quoted empty field is the empty string (the PostgreSQL COPY convention), so a writer can tell them apart.
 */
export class CsvParser {
  /** The physical line (1-based) where the next record starts, for error messages. */
  line = 1;
  /** The header's width, set by the first record; a record of another width is an error naming its line. */
  width = 0;
  crlf: boolean | undefined;
  private rest = '';
  private pos = 0;
  private text = '';
  private final = false;
  private readonly delim: number;

  constructor(
    readonly delimiter: string,
    private readonly name: string,
  ) {
    this.delim = delimiter.charCodeAt(0);
  }

  /** Parses what `text` completes; with `final`, the end of the text ends the last record. */
  push(chunk: string, final: boolean, out: RowValues[]): void {
    this.text = this.rest.length ? this.rest + chunk : chunk;
    this.final = final;
    this.pos = 0;
    let start = 0;
    while (this.pos < this.text.length) {
      const row = this.record();
      if (row === undefined) break;
      this.emit(row, out);
      start = this.pos;
    }
    this.rest = start < this.text.length ? this.text.slice(start) : '';
    this.text = '';
  }

  /** One record from `pos`, or undefined when the chunk ends inside it. */
  private record(): Cell[] | undefined {
    const s = this.text;
    const n = s.length;
    const row: Cell[] = [];
    let newlines = 0;
    for (;;) {
      const quoted = s.charCodeAt(this.pos) === QUOTE;
      const value = quoted ? this.quoted() : this.unquoted();
      if (value === undefined) return undefined;
      if (typeof value === 'string' && quoted) newlines += countLf(value);
      row.push(value);
      const c = this.pos < n ? s.charCodeAt(this.pos) : -1;
      if (c === this.delim) {
        this.pos++;
        if (this.pos < n) continue;
        if (!this.final) return undefined;
        row.push(null);
        break;
      }
      // a CR that ends the chunk may be the first half of a CRLF
      if ((c === -1 || (c === CR && this.pos + 1 >= n)) && !this.final) return undefined;
      this.endOfLine(c);
      break;
    }
    this.line += 1 + newlines;
    return row;
  }

  private endOfLine(c: number) {
    if (c === CR) {
      this.pos++;
      const lf = this.text.charCodeAt(this.pos) === LF;
      if (lf) this.pos++;
      this.crlf ??= lf;
    } else if (c === LF) {
      this.pos++;
      this.crlf ??= false;
    }
  }

  private unquoted(): Cell | undefined {
    const s = this.text;
    const n = s.length;
    const d = this.delim;
    const from = this.pos;
    let j = from;
    for (; j < n; j++) {
      const c = s.charCodeAt(j);
      if (c === d || c === LF || c === CR) break;
    }
    if (j >= n && !this.final) return undefined;
    this.pos = j;
    return j === from ? null : s.slice(from, j);
  }

  private quoted(): string | undefined {
    const s = this.text;
    let value = '';
    let seg = this.pos + 1;
    for (;;) {
      const q = s.indexOf('"', seg);
      if (q < 0 || (q + 1 >= s.length && !this.final)) return undefined;
      if (s.charCodeAt(q + 1) === QUOTE) {
        value += s.slice(seg, q + 1);
        seg = q + 2;
        continue;
      }
      this.pos = q + 1;
      value += s.slice(seg, q);
      // leniently keep text between a closing quote and the next delimiter (`"ab"c` reads as `abc`)
      const tail = this.unquoted();
      if (tail === undefined) return undefined;
      return tail === null ? value : value + tail;
    }
  }

  private emit(row: Cell[], out: RowValues[]) {
    if (row.length === 1 && row[0] === null && this.width !== 1) return; // a blank line
    if (this.width && row.length !== this.width) {
      const start = this.line - 1 - countLfInRow(row);
      throw RaggedRow(`${this.name}: line ${start} has ${row.length} fields, the header has ${this.width}`, {
        line: start,
        fields: row.length,
        expected: this.width,
      });
    }
    if (!this.width) this.width = row.length; // the first record is the header
    out.push(row);
  }
}

function countLf(value: string): number {
  let n = 0;
  for (let i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) n++;
  return n;
}

const countLfInRow = (row: Cell[]) =>
  row.reduce<number>((n, v) => n + (typeof v === 'string' ? countLf(v) : 0), 0);
