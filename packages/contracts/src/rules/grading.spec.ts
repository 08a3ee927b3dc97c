import { describe, expect, it } from 'vitest';
import { rawPersonalInfo } from './grading.js';

const col = (name: string, pii: string | null = null) => ({ name, pii: pii && { kind: pii, confidence: 1 } });

describe('rawPersonalInfo (PIPL Art. 23)', () => {
  it('holds back a raw resource about persons, or one with personal information in a column', () => {
    expect(rawPersonalInfo({ subjectType: 'personal', processing: 'raw', schema: [col('x')] })).toEqual([]);
    expect(
      rawPersonalInfo({
        subjectType: 'organization',
        processing: 'raw',
        schema: [col('name', 'person_name'), col('city'), col('mobile', 'mobile')],
      }),
    ).toEqual(['name', 'mobile']);
  });

  it('lets a de-identified derivative go, and raw data with no personal information in it', () => {
    for (const processing of ['masked', 'statistical', 'labelled', 'fused'])
      expect(rawPersonalInfo({ subjectType: 'personal', processing, schema: [col('id', 'id_card')] })).toBe(
        null,
      );
    expect(rawPersonalInfo({ subjectType: 'organization', processing: 'raw', schema: [col('city')] })).toBe(
      null,
    );
  });
});
