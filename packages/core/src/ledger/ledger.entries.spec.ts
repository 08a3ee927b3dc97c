import { LedgerEntry } from '@shuliu/contracts';
import { describe, expect, it } from 'vitest';
import { sm3Hex } from '../crypto/index.js';
import { canonicalJson } from '../shared/hash.js';
import { canonicalEntry, entryJson } from './ledger.entries.js';

describe('ledger entries', () => {
  it('writes the same RFC 8785 JSON as the generic canonicalizer, with or without attrs', () => {
    const at = new Date('2026-03-01T08:00:00.000Z');
    for (const attrs of [undefined, { seq: 12, hash: 'ab', nested: { z: [1, 'two'], a: null } }, {}]) {
      for (const objectId of ['cert_1', 'SD-DR-2026-000123', '引号"与\\反斜杠', '😀\u2028']) {
        const { entry, json } = canonicalEntry(
          { type: 'certificate.issued', objectType: 'certificate', objectId, object: { objectId }, attrs },
          at,
        );
        expect(json).toBe(canonicalJson(entry));
        expect(entryJson(entry)).toBe(json);
        expect(LedgerEntry.parse(JSON.parse(json))).toEqual(entry);
      }
    }
  });

  it('carries the SM3 of the canonical JSON of the attested object', () => {
    const object = { b: 2, a: '数据' };
    const { entry } = canonicalEntry({
      type: 'contract.signed',
      objectType: 'contract',
      objectId: 'ctr_1',
      object,
    });
    expect(entry.objectSm3).toBe(sm3Hex('{"a":"数据","b":2}'));
  });
});
