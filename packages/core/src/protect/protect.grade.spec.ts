import { describe, expect, it } from 'vitest';
import {
  applyManualGrade,
  assertPublishable,
  gradeByImpact,
  gradeDataset,
  gradeField,
  isSensitive,
  mayPublish,
  regradeDerived,
} from './protect.grade.js';
import { DEFAULT_GRADING_SETTINGS, type GradingSettings } from './protect.settings.js';

const pii = (kind: 'idCard' | 'mobile' | 'uscc' | 'health') => ({ kind, confidence: 0.9 });

describe('GB/T 43697-2024 grading', () => {
  it('Annex H with PIPL Art. 28: sensitive personal information is 一般数据(4级) by default', () => {
    expect(gradeField(pii('idCard'))).toBe('general_4');
    expect(gradeField(pii('health'))).toBe('general_4');
    expect(gradeField(pii('mobile'))).toBe('general_3');
    expect(gradeField(null)).toBe('general_1');
    expect(isSensitive(pii('idCard')) && !isSensitive(pii('mobile'))).toBe(true);
  });

  it('the mapping is the operator’s setting', () => {
    const s: GradingSettings = {
      ...DEFAULT_GRADING_SETTINGS,
      piiGrades: { ...DEFAULT_GRADING_SETTINGS.piiGrades, mobile: 'general_4' },
      unmatchedGrade: 'general_2',
    };
    expect(gradeField(pii('mobile'), s)).toBe('general_4');
    expect(gradeField(pii('uscc'), s)).toBe('general_2'); // never below the floor
    expect(gradeDataset([], s)).toBe('general_2');
  });

  it('§4 就高从严: a dataset takes its highest field grade', () => {
    expect(gradeDataset(['general_1', 'general_3', 'general_2'])).toBe('general_3');
    expect(gradeDataset(['general_4', 'important'])).toBe('important');
    expect(gradeDataset([])).toBe('general_1');
  });

  it('§6.6: a manual grade may raise the computed one, never lower it', () => {
    expect(applyManualGrade('general_2', 'general_4')).toBe('general_4');
    expect(applyManualGrade('general_2', undefined)).toBe('general_2');
    expect(() => applyManualGrade('general_4', 'general_2')).toThrow(/below the computed 一般数据\(4级\)/);
    // the catalog's code and status for the same rule: one code per rule
    expect(() => applyManualGrade('general_4', 'general_2')).toThrow(
      expect.objectContaining({ code: 'CATALOG_GRADE_BELOW_COMPUTED', status: 409 }),
    );
  });

  it('§6.2: core data is never published', () => {
    expect(mayPublish('important')).toBe(true);
    expect(mayPublish('core')).toBe(false);
    expect(() => assertPublishable('core')).toThrow(/核心数据/);
    expect(() => assertPublishable('core')).toThrow(
      expect.objectContaining({ code: 'CATALOG_CORE_NOT_PUBLISHABLE', status: 409 }),
    );
  });

  it('§6.5: affected party × harm', () => {
    expect(gradeByImpact('national', 'general')).toBe('important');
    expect(gradeByImpact('national', 'severe')).toBe('core');
    expect(gradeByImpact('economic', 'severe')).toBe('important');
    expect(gradeByImpact('individual', 'severe-extreme')).toBe('general_4');
    expect(gradeByImpact('organization', 'general')).toBe('general_2');
  });

  it('Annex I: derived data is re-graded by processing degree', () => {
    expect(regradeDerived('general_4', 'raw')).toEqual({ grade: 'general_4', reviewRequired: false });
    expect(regradeDerived('general_4', 'masked').grade).toBe('general_3');
    expect(regradeDerived('general_2', 'masked').grade).toBe('general_2'); // masked PI is still PI
    expect(regradeDerived('general_1', 'masked').grade).toBe('general_1'); // never raised by masking
    expect(regradeDerived('general_4', 'statistical').grade).toBe('general_2');
    expect(regradeDerived('general_3', 'fused')).toEqual({ grade: 'general_4', reviewRequired: true });
    expect(regradeDerived('important', 'statistical')).toEqual({ grade: 'important', reviewRequired: true });
    expect(regradeDerived('core', 'raw')).toEqual({ grade: 'core', reviewRequired: false });
  });
});
