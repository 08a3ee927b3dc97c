import { describe, expect, it } from 'vitest';
import { isClosed, nextComplaintStatus, orderMayComplain } from './complaints.rules.js';

describe('数据产品质量监督: complaint → investigation → rectification or dismissal', () => {
  it('moves through rectification in order', () => {
    expect(nextComplaintStatus('investigate', 'filed')).toBe('investigating');
    expect(nextComplaintStatus('requireRectification', 'investigating')).toBe('rectifying');
    expect(nextComplaintStatus('respond', 'rectifying')).toBe('responded');
    expect(nextComplaintStatus('confirm', 'responded')).toBe('rectified');
    expect(isClosed('rectified')).toBe(true);
  });

  it('dismisses only what is being investigated', () => {
    expect(nextComplaintStatus('dismiss', 'investigating')).toBe('dismissed');
    expect(nextComplaintStatus('dismiss', 'filed')).toBeUndefined();
    expect(nextComplaintStatus('dismiss', 'responded')).toBeUndefined();
  });

  it('refuses steps out of order and after closing', () => {
    expect(nextComplaintStatus('respond', 'investigating')).toBeUndefined();
    expect(nextComplaintStatus('confirm', 'rectifying')).toBeUndefined();
    expect(nextComplaintStatus('note', 'rectified')).toBeUndefined();
    expect(nextComplaintStatus('note', 'investigating')).toBe('investigating');
  });

  it('needs an order that was paid for', () => {
    expect(orderMayComplain('awaiting_payment')).toBe(false);
    expect(orderMayComplain('cancelled')).toBe(false);
    expect(orderMayComplain('delivered')).toBe(true);
  });
});
