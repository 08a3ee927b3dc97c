import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF that shared/pdf.ts made, line by line, read back as a reader extracts it (each stream inflated,
 * each shown UCS-2 string decoded): what tests check a rendered document by.
 */
export function textOfPdf(pdf: Buffer): string[] {
  const lines: string[] = [];
  const streams = /<< \/Length (\d+)( \/Filter \/FlateDecode)? >>\nstream\n/g;
  const raw = pdf.toString('latin1');
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    const start = m.index + m[0].length;
    const data = pdf.subarray(start, start + Number(m[1]));
    const ops = (m[2] ? inflateSync(data) : data).toString('latin1');
    for (const [, hex] of ops.matchAll(/<([0-9A-F]*)> Tj/g))
      lines.push(String.fromCharCode(...(hex!.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16))));
  }
  return lines;
}
