import { describe, expect, it } from 'vitest';
import { clearIdentifierColumns, keptIdentifierColumns, rawPersonalInfo } from './grading.js';

const col = (name: string, pii: string | null = null) => ({ name, pii: pii && { kind: pii, confidence: 1 } });

describe('rawPersonalInfo (PIPL Art. 23)', () => {
  it('holds back a raw resource about persons, or one with personal information in a column', () => {
    expect(rawPersonalInfo({ subjectType: 'personal', processing: 'raw', schema: [col('x')] })).toEqual([]);
    expect(
      rawPersonalInfo({
        subjectType: 'organization',
        processing: 'raw',
        schema: [col('name', 'name'), col('city'), col('mobile', 'mobile')],
      }),
    ).toEqual(['name', 'mobile']);
  });

  it('lets a de-identified derivative go, and raw data with no personal information in it', () => {
    for (const processing of ['masked', 'statistical', 'labelled', 'fused'])
      expect(
        rawPersonalInfo({
          subjectType: 'personal',
          processing,
          // masked columns are no longer detected; a suppressed diagnosis is still named like one
          schema: [col('客户姓名'), col('身份证号'), col('诊断', 'health'), col('统一社会信用代码', 'uscc')],
        }),
      ).toBe(null);
    expect(rawPersonalInfo({ subjectType: 'organization', processing: 'raw', schema: [col('city')] })).toBe(
      null,
    );
    // GB 32100-2015: the unified social credit code of an enterprise is no personal information
    expect(
      rawPersonalInfo({
        subjectType: 'public',
        processing: 'raw',
        schema: [col('统一社会信用代码', 'uscc')],
      }),
    ).toBe(null);
  });

  it('GB/T 37964-2019 §3: a derivative that still holds an identifier in the clear is raw, whatever its label says', () => {
    const schema = [col('客户姓名', 'name'), col('身份证号', 'idCard'), col('授信额度')];
    for (const processing of ['masked', 'statistical', 'labelled', 'fused'])
      expect(rawPersonalInfo({ subjectType: 'organization', processing, schema })).toEqual([
        '客户姓名',
        '身份证号',
      ]);
    expect(clearIdentifierColumns([col('地址', 'address'), col('诊断', 'health')])).toEqual(['地址']);
  });

  it('names the identifier columns rules would keep in the clear (the derive dialog warns)', () => {
    const columns = [
      col('客户姓名', 'name'),
      col('手机号', 'mobile'),
      col('授信额度'),
      col('诊断', 'health'),
    ];
    expect(
      keptIdentifierColumns(columns, {
        客户姓名: { strategy: 'keep' },
        手机号: { strategy: 'mask' },
        授信额度: { strategy: 'keep' },
        诊断: { strategy: 'keep' },
      }),
    ).toEqual(['客户姓名']);
    expect(keptIdentifierColumns(columns, {})).toEqual([]);
  });
});
