import type { PiCategory } from '../consent.js';

/*
 * Which consent covers which data (一场景一授权, PIPL Art. 14): a person's consent reaches the personal
 * information categories of the fields they granted, and data holds the categories of the identifiers detected
 * in its values. Data is used for a person only where their grant covers every category it holds.
 */

/**
 * The category of each personal identifier kind detection finds (GB/T 35273-2020 Annex A): an ID card or a
 * vehicle plate is 个人身份信息, a name or an address 个人基本资料, a mobile number or an email contact
 * information, a bank card 个人财产信息, an IP address 网络身份标识 (device).
 */
export const IDENTIFIER_CATEGORY: Readonly<Record<string, PiCategory>> = {
  idCard: 'identity',
  plate: 'identity',
  name: 'basic',
  address: 'basic',
  mobile: 'contact',
  email: 'contact',
  bankCard: 'financial',
  ip: 'device',
};

/** The categories data holds, from the identifier kinds detected in its columns (unknown kinds add none). */
export const categoriesHeld = (kinds: Iterable<string | null | undefined>): PiCategory[] =>
  [...new Set([...kinds].map((k) => (k ? IDENTIFIER_CATEGORY[k] : undefined)).filter((c) => !!c))].sort();

/** Of the categories data holds, those the fields (a version's, or the ones a person granted) do not reach. */
export const uncoveredCategories = (
  held: readonly PiCategory[],
  fields: readonly { category: string }[],
): PiCategory[] => {
  const asked = new Set(fields.map((f) => f.category));
  return held.filter((c) => !asked.has(c));
};
