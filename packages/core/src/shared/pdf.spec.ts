import { describe, expect, it } from 'vitest';
import { textOfPdf } from '../testing/pdf-text.js';
import { renderPdf, wrapText } from './pdf.js';

describe('renderPdf', () => {
  const blocks = [
    { text: '数据提供合同', size: 18, bold: true, center: true },
    { text: '合同编号：HT-2026-000001' },
    ...Array.from({ length: 80 }, (_, i) => ({ text: `第${i + 1}段：${'数据要素流通'.repeat(20)}` })),
  ];

  it('writes a PDF whose cross-reference table points at every object', () => {
    const pdf = renderPdf(blocks, { title: '数据提供合同', footer: 'HT-2026-000001' });
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(raw.trimEnd().endsWith('%%EOF')).toBe(true);
    const startxref = Number(/startxref\n(\d+)/.exec(raw)![1]);
    expect(raw.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...raw.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((o, i) => expect(raw.slice(o, o + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
    expect(raw).toContain('/BaseFont /STSong-Light /Encoding /UniGB-UCS2-H');
  });

  it('flows long text onto more pages, numbered, and reads back as Unicode', () => {
    const pdf = renderPdf(blocks, { title: 't', footer: 'HT-2026-000001' });
    const count = Number(/\/Count (\d+)/.exec(pdf.toString('latin1'))![1]);
    expect(count).toBeGreaterThan(1);
    const text = textOfPdf(pdf);
    expect(text[0]).toBe('数据提供合同');
    expect(text).toContain('合同编号：HT-2026-000001');
    expect(text).toContain(`HT-2026-000001    ${count} / ${count}`);
    expect(textOfPdf(renderPdf(blocks, { title: 't', compress: false }))).toEqual(
      textOfPdf(renderPdf(blocks, { title: 't' })).map((l) => l.replace(/^HT-2026-000001 {4}/, '')),
    );
  });
});

describe('wrapText', () => {
  it('breaks CJK anywhere, Latin at a space in the line’s second half, a long word where it must', () => {
    expect(wrapText('一二三四五六', 10, 30)).toEqual(['一二三', '四五六']);
    // in STSong-Light "0" is 0.462 em and " " 0.207 em: at 10 points, 44 points hold "0000 00000" and no more
    expect(wrapText('00000000 00', 10, 44)).toEqual(['00000000', '00']);
    expect(wrapText('0000 000000', 10, 44)).toEqual(['0000 00000', '0']);
    expect(wrapText('甲\n乙', 10, 50)).toEqual(['甲', '乙']);
    expect(wrapText('一二三。四', 10, 30)).toEqual(['一二三。', '四']);
  });
});
