import type { AdminLevel } from '../catalog.js';

/*
 * GB/T 2260 administrative division codes (行政区划代码): two digits of province, two of city (地级), two of
 * county (县级). The catalog reads an org's division from characters 3–8 of its USCC (GB 32100 §4.3); usage
 * policies name regions by the same codes. Without the full code table (it changes every year) a code is
 * checked for its structure only: a known province prefix, and no county part under an empty city part.
 */

/** GB/T 2260 province-level prefixes: 11–65 the mainland, 71 台湾, 81 香港, 82 澳门. */
const PROVINCES = new Set([
  ...['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'],
  ...['71', '81', '82'],
]);

/** GB/T 2260: why a string is not a division code, or null when its structure is one. */
export function divisionCodeProblem(code: string): string | null {
  if (!/^\d{6}$/.test(code)) return 'must be a 6-digit GB/T 2260 division code';
  if (!PROVINCES.has(code.slice(0, 2))) return `no province has the GB/T 2260 prefix ${code.slice(0, 2)}`;
  if (code.slice(2, 4) === '00' && code.slice(4) !== '00')
    return 'a county-level code needs a city part (digits 3–4 are 00)';
  return null;
}

export const isDivisionCode = (code: string): boolean => divisionCodeProblem(code) === null;

/** GB/T 2260: `xx0000` is a province, `xxxx00` a city, anything else a county. */
export function divisionLevel(code: string): AdminLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/** GB/T 2260: the prefix every code inside `area` starts with (`37` for 370000, `3701` for 370100). */
export function divisionPrefix(area: string): string {
  const level = divisionLevel(area);
  return level === 'province' ? area.slice(0, 2) : level === 'city' ? area.slice(0, 4) : area;
}

/** GB/T 2260: whether `code` lies inside `area` (a province covers its cities and counties and itself). */
export const divisionCovers = (area: string, code: string): boolean => code.startsWith(divisionPrefix(area));
