/**
 * GB/T 2260 (中华人民共和国行政区划代码) province-level codes: the first two digits of every division code.
 * 11–15 华北, 21–23 东北, 31–37 华东, 41–46 中南, 50–54 西南, 61–65 西北, 71 台湾, 81 香港, 82 澳门.
 */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

/**
 * GB/T 2260: six digits — province (2), city (2), county (2) — whose province is one of the code table's;
 * a county part without its city part (`xx00yy`) names nothing.
 */
export function isDivisionCode(code: string): boolean {
  if (!/^\d{6}$/.test(code) || !PROVINCES.has(code.slice(0, 2))) return false;
  return !(code.slice(2, 4) === '00' && code.slice(4) !== '00');
}

/** GB/T 2260: whether division `child` lies within `parent` (a province holds its cities, a city its counties). */
export function divisionWithin(child: string, parent: string): boolean {
  const prefix = parent.endsWith('0000')
    ? parent.slice(0, 2)
    : parent.endsWith('00')
      ? parent.slice(0, 4)
      : parent;
  return child.startsWith(prefix);
}
