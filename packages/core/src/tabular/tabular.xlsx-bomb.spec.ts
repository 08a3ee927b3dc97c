import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { xlsxWithSharedString } from '../testing/xlsx-bomb.js';
import { openTabular } from './tabular.open.js';
import type { Row, TabularSource } from './tabular.types.js';

const dir = mkdtempSync(join(tmpdir(), 'shuliu-xlsx-bomb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const records = async (s: TabularSource) => {
  const out: Row[] = [];
  for await (const r of s) out.push(r);
  return out;
};
/** How reading ends: `read` or the error's code and message (never the megabytes read). */
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => ({ code: 'read', message: '' }),
    (e: { code?: string; message: string }) => ({ code: e.code, message: e.message }),
  );

describe('XLSX decompression bounds (security issue 14.4)', () => {
  it('reads a well-formed hand-made workbook', async () => {
    const src = await openTabular(Readable.from([xlsxWithSharedString('张三')]), { name: 'ok.xlsx' });
    expect(await records(src)).toEqual([{ name: '张三' }]);
  });

  it('refuses a zip bomb: sharedStrings.xml inflating 1000 times over', async () => {
    const bomb = xlsxWithSharedString('A'.repeat(40 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100 * 1024);
    const path = join(dir, 'bomb.xlsx');
    writeFileSync(path, bomb);
    const fromPath = await outcome(openTabular(path).then(records));
    expect(fromPath.code).toBe('TABULAR_ARCHIVE_BOMB');
    expect(fromPath.message).toMatch(/bomb\.xlsx: xl\/sharedStrings\.xml inflates/);
    const fromStream = await outcome(
      openTabular(Readable.from([bomb]), { name: 'upload.xlsx' }).then(records),
    );
    expect(fromStream.code).toBe('TABULAR_ARCHIVE_BOMB');
    expect(fromStream.message).toMatch(/^upload\.xlsx: /);
    expect(fromStream.message).not.toMatch(/shuliu-|\/tmp\//);
  });

  it('refuses a part larger than the uncompressed cap even at an ordinary ratio', async () => {
    const text = randomBytes(3 * 1024 * 1024).toString('hex'); // 6 MiB that compresses about 2:1
    const big = xlsxWithSharedString(text);
    const limited = await outcome(
      openTabular(Readable.from([big]), {
        name: 'big.xlsx',
        zipLimits: { maxEntryBytes: 4 * 1024 * 1024 },
      }).then(records),
    );
    expect(limited.code).toBe('TABULAR_ARCHIVE_BOMB');
    const unlimited = await openTabular(Readable.from([big]), { name: 'big.xlsx' }).then(records);
    expect(String(unlimited[0]!.name).length).toBe(text.length);
  });
});
