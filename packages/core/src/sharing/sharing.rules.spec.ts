import { describe, expect, it } from 'vitest';
import { makeUscc } from '../demo/index.js';
import {
  complianceRate,
  nextSharingStatus,
  regionLabel,
  returnFlowRefusal,
  sharingRefusal,
  surveyRegionOf,
} from './sharing.rules.js';

const province = makeUscc('11', '370000', 'MB2857X1');
const jinan = makeUscc('11', '370100', 'MB0D4712');
const licheng = makeUscc('11', '370112', 'MB5E1K7N');
const hebei = makeUscc('11', '130100', 'MB7C3D9E');

describe('政务共享 flow', () => {
  it('the provider answers a pending request and delivers what it approved; the requester withdraws only while pending', () => {
    expect(nextSharingStatus('pending', 'approve')).toBe('approved');
    expect(nextSharingStatus('pending', 'reject')).toBe('rejected');
    expect(nextSharingStatus('approved', 'deliver')).toBe('delivered');
    expect(nextSharingStatus('pending', 'withdraw')).toBe('withdrawn');
    expect(nextSharingStatus('pending', 'deliver')).toBeNull();
    expect(nextSharingStatus('approved', 'withdraw')).toBeNull();
    expect(nextSharingStatus('rejected', 'approve')).toBeNull();
    expect(nextSharingStatus('delivered', 'deliver')).toBeNull();
  });

  it('is between government departments, for another department’s published resource', () => {
    const gov = { status: 'active', types: ['authority'] };
    const published = { owner_org_id: 'org_a', status: 'published' };
    expect(sharingRefusal(published, 'org_b', gov)).toBeNull();
    expect(sharingRefusal(published, 'org_a', gov)).toMatch(/own/);
    expect(sharingRefusal({ ...published, status: 'draft' }, 'org_b', gov)).toMatch(/published/);
    expect(sharingRefusal(published, 'org_b', { status: 'active', types: ['merchant'] })).toMatch(
      /government/,
    );
  });
});

describe('省级数据回流 (应返尽返)', () => {
  it('goes from a province to a city or county within it (GB/T 2260 division of the USCC)', () => {
    expect(returnFlowRefusal(province, jinan)).toBeNull();
    expect(returnFlowRefusal(province, licheng)).toBeNull();
    expect(returnFlowRefusal(province, hebei)?.code).toBe('outside');
    expect(returnFlowRefusal(jinan, licheng)?.code).toBe('not_provincial');
    expect(returnFlowRefusal(province, province)?.code).toBe('target_level');
  });

  it('compliance is on time over everything come due, and undefined before anything has', () => {
    expect(complianceRate(1, 2, 1)).toBe(0.3333);
    expect(complianceRate(2, 2, 0)).toBe(1);
    expect(complianceRate(0, 0, 0)).toBeNull();
  });
});

describe('资源调查 regions', () => {
  it('folds counties into their city and names the region from the org’s region text', () => {
    expect(surveyRegionOf(licheng)).toEqual({ code: '370100', level: 'city' });
    expect(surveyRegionOf(province)).toEqual({ code: '370000', level: 'province' });
    expect(regionLabel('山东省·济南市·历城区', 'city')).toBe('山东省·济南市');
    expect(regionLabel('山东省·济南市', 'province')).toBe('山东省');
    expect(regionLabel(null, 'city')).toBeNull();
  });
});
