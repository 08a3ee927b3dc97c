import { deflateSync } from 'node:zlib';

/*
 * A small PDF writer for documents that are paragraphs of Chinese and Latin text (contracts, certificates):
 * A4 pages, wrapped lines, a footer with page numbers. The text is set in STSong-Light with the UniGB-UCS2-H
 * encoding, one of the CJK fonts every conforming reader provides (ISO 32000-1 §9.7.5.2, Adobe-GB1), so the
 * file carries no font program — nothing to license, a few kilobytes — and its text copies and searches as
 * Unicode. The price is that glyph shapes are the reader's own Song face.
 */

/** One paragraph, wrapped to the page's width. */
export interface PdfBlock {
  text: string;
  /** Font size in points (10.5 unless given: 五号). */
  size?: number;
  bold?: boolean;
  grey?: boolean;
  center?: boolean;
  /** Extra space above, in points. */
  gapBefore?: number;
}

export interface PdfOptions {
  title: string;
  /** Printed at the foot of every page, before "i / n". */
  footer?: string;
  /** Content streams deflated (the default); plain ones let a test or a person read the operators. */
  compress?: boolean;
  createdAt?: Date;
}

const PAGE = { width: 595.28, height: 841.89, margin: 56 };
const LINE = 1.6;
const FOOTER_SIZE = 8;

/**
 * STSong-Light's advances of printable ASCII (U+0020–U+007E, which UniGB-UCS2-H maps to the proportional CIDs
 * 1–95), in thousandths of an em; every other glyph is a full em.
 */
// prettier-ignore
const LATIN = [
  207, 270, 342, 467, 462, 797, 710, 239, 374, 374, 423, 605, 238, 375, 238, 334, 462, 462, 462, 462, 462, 462,
  462, 462, 462, 462, 238, 238, 605, 605, 605, 344, 748, 684, 560, 695, 739, 563, 511, 729, 793, 318, 312, 666,
  526, 896, 758, 772, 544, 772, 628, 465, 607, 753, 711, 972, 647, 620, 607, 374, 333, 374, 606, 500, 239, 417,
  503, 427, 529, 415, 264, 444, 518, 241, 230, 495, 228, 793, 527, 524, 524, 504, 338, 336, 277, 517, 450, 652,
  466, 452, 407, 370, 258, 370, 605,
];

/** Advance of a character in ems. */
function em(ch: string): number {
  const cp = ch.codePointAt(0)!;
  return cp >= 0x20 && cp <= 0x7e ? LATIN[cp - 0x20]! / 1000 : 1;
}
const widthOf = (s: string, size: number) => [...s].reduce((w, ch) => w + em(ch), 0) * size;

/** Closing punctuation does not begin a line (GB/T 15834 禁则): it hangs past the margin instead. */
const CLOSING = new Set('。，、；：！？）】》」』”’%.,;:!?)]');

/** Greedy line breaking: anywhere between CJK characters, at a space inside Latin text when one is near. */
export function wrapText(text: string, size: number, maxWidth: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let w = 0;
    for (const ch of para) {
      const cw = em(ch) * size;
      if (w + cw > maxWidth && line && !CLOSING.has(ch)) {
        const space = line.lastIndexOf(' ');
        const latinTail = /[\x21-\x7e]$/.test(line) && /[\x21-\x7e]/.test(ch);
        const cut = latinTail && space > line.length / 2 ? space + 1 : line.length;
        out.push(line.slice(0, cut).trimEnd());
        line = line.slice(cut);
        w = widthOf(line, size);
      }
      line += ch;
      w += cw;
    }
    out.push(line);
  }
  return out;
}

/** UCS-2 big-endian, as UniGB-UCS2-H reads it; a character beyond the BMP (none in a contract) becomes "?". */
const ucs2Hex = (s: string) =>
  [...s]
    .map((ch) => {
      const cp = ch.codePointAt(0)!;
      return (cp > 0xffff ? 0x3f : cp).toString(16).padStart(4, '0');
    })
    .join('')
    .toUpperCase();

const n2 = (x: number) => (Math.round(x * 100) / 100).toString();

interface Line {
  text: string;
  size: number;
  bold: boolean;
  grey: boolean;
  x: number;
  y: number;
}

/** The blocks laid out on pages, top to bottom. */
function layout(blocks: PdfBlock[]): Line[][] {
  const pages: Line[][] = [[]];
  const inner = PAGE.width - 2 * PAGE.margin;
  const bottom = PAGE.margin + FOOTER_SIZE * 3;
  let y = PAGE.height - PAGE.margin;
  for (const b of blocks) {
    const size = b.size ?? 10.5;
    y -= b.gapBefore ?? 0;
    for (const text of wrapText(b.text, size, inner)) {
      if (y - size < bottom) {
        pages.push([]);
        y = PAGE.height - PAGE.margin;
      }
      y -= size;
      const x = b.center ? PAGE.margin + (inner - widthOf(text, size)) / 2 : PAGE.margin;
      pages.at(-1)!.push({ text, size, bold: !!b.bold, grey: !!b.grey, x, y });
      y -= size * (LINE - 1);
    }
  }
  return pages;
}

function show(l: Omit<Line, 'bold'> & { bold?: boolean }): string {
  // bold: the glyphs filled and stroked (render mode 2), since the reader's Song face has no bold weight
  const colour = l.grey ? '0.4 g 0.4 G' : '0 g 0 G';
  return `${colour} BT /F1 ${n2(l.size)} Tf ${l.bold ? 2 : 0} Tr ${n2(l.x)} ${n2(l.y)} Td <${ucs2Hex(l.text)}> Tj ET`;
}

function pageContent(lines: Line[], i: number, n: number, footer: string | undefined): string {
  const foot = `${footer ? `${footer}    ` : ''}${i + 1} / ${n}`;
  const fx = PAGE.width - PAGE.margin - widthOf(foot, FOOTER_SIZE);
  const ops = [
    '0.3 w',
    ...lines.map(show),
    show({ text: foot, size: FOOTER_SIZE, grey: true, x: fx, y: PAGE.margin }),
  ];
  return ops.join('\n');
}

/** A PDF text string in UTF-16BE with its byte-order mark, for the document information dictionary. */
const infoText = (s: string) => `<FEFF${ucs2Hex(s)}>`;

const pdfDate = (d: Date) => `D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

/** The document as PDF 1.7 bytes. */
export function renderPdf(blocks: PdfBlock[], opts: PdfOptions): Buffer {
  const pages = layout(blocks);
  const compress = opts.compress ?? true;
  const objects: (string | Buffer)[] = [];
  // an object's number is its place in the list, from 1
  const add = (o: string | Buffer) => objects.push(o);
  const catalog = add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // the page tree, filled once the pages have numbers
  const font = add(
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>',
  );
  add(
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 /W [1 [${LATIN.join(' ')}]] >>`,
  );
  add(
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  );
  const info = add(
    `<< /Title ${infoText(opts.title)} /Producer (Shuliu) /CreationDate (${pdfDate(opts.createdAt ?? new Date())}) >>`,
  );
  const kids = pages.map((lines, i) => {
    const text = Buffer.from(pageContent(lines, i, pages.length, opts.footer), 'latin1');
    const data = compress ? deflateSync(text) : text;
    const head = `<< /Length ${data.length}${compress ? ' /Filter /FlateDecode' : ''} >>\nstream\n`;
    const content = add(Buffer.concat([Buffer.from(head), data, Buffer.from('\nendstream')]));
    return add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
    );
  });
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  return serialize(objects, catalog, info);
}

/** Objects numbered from 1, the cross-reference table with each one's byte offset, the trailer. */
function serialize(objects: (string | Buffer)[], root: number, info: number): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets = objects.map((o, i) => {
    const at = offset;
    const body = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.from(o), Buffer.from('\nendobj\n')]);
    parts.push(body);
    offset += body.length;
    return at;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root ${root} 0 R /Info ${info} 0 R >>`,
    'startxref',
    String(offset),
    '%%EOF',
    '',
  ];
  parts.push(Buffer.from(xref.join('\n'), 'latin1'));
  return Buffer.concat(parts);
}
