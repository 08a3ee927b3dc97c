import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openTabular } from '../tabular/index.js';
import { parseQualityRules } from './quality.schema.js';
import { profileForRules, suggestRules } from './quality.suggest.js';

const FIXTURE = join(import.meta.dirname, '../../../../testdata/quality/customers.csv');
const csv = (text: string) => openTabular(Readable.from([Buffer.from(text)]), { name: 'inline.csv' });

describe('suggestRules', () => {
  it('on the fixture: check digits, formats, a unique key, dates, one enum, not_null everywhere', async () => {
    const rules = suggestRules(await profileForRules(await openTabular(FIXTURE)));
    const ids = rules.map((r) => r.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'check_digit:id_card',
        'check_digit:uscc',
        'format:mobile',
        'unique:customer_id',
        'type:start_date',
        'type:end_date',
        'type:updated_at',
        'enum:status',
        'duplicate_rows',
        'readable',
      ]),
    );
    expect(ids.filter((id) => id.startsWith('not_null:'))).toHaveLength(9);
    expect(rules.find((r) => r.id === 'check_digit:id_card')).toMatchObject({ standard: 'id_card' });
    expect(rules.find((r) => r.id === 'enum:status')).toMatchObject({
      values: ['active', 'closed', 'suspended', 'unknown'],
    });
    // names are personal information: never listed as an enum, never a range anywhere
    expect(ids.filter((id) => /^(enum|range):/.test(id))).toEqual(['enum:status']);
    expect(ids).toHaveLength(9 + 8 + 2);
    // printed as JSON, they are a rules file as they stand
    expect(parseQualityRules(JSON.parse(JSON.stringify(rules)))).toEqual(rules);
  });

  it('a key needs a key name and nearly all values distinct; an enum needs repeats and few short values', async () => {
    const rows = Array.from(
      { length: 40 },
      (_, i) => `${i},${i % 3},${i},${i % 3},${'x'.repeat(70)}${i % 2}`,
    );
    const rules = suggestRules(
      await profileForRules(await csv(`order_no,grade,amount,项目编号,note\n${rows.join('\n')}\n`)),
    );
    const ids = rules.map((r) => r.id).filter((id) => !id.startsWith('not_null:'));
    // 项目编号 has a key name but 3 values; amount is distinct but not named a key; note's values are too long
    expect(ids).toEqual(['unique:order_no', 'enum:grade', 'enum:项目编号', 'duplicate_rows', 'readable']);
  });
});
