import { sql } from 'kysely';

/**
 * Full-text search that works for Chinese on PostgreSQL's `simple` text-search configuration: documents and
 * queries are cut the same way — words from ICU's dictionary segmenter (Intl.Segmenter) plus the character
 * bigrams of every run of Han characters. The segmenter finds real words for ranking; the bigrams make a
 * match independent of where the dictionary happened to cut (济南市公交车 vs 公交车), as CJK analyzers do.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;

/** Characters that mean something to tsquery syntax are never part of a token. */
const clean = (s: string) => s.toLowerCase().replace(/[&|!():*<>'"\\\s]/g, '');

function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** The document's tokens as a tsvector value for an insert or update. */
export const searchVector = (parts: (string | null | undefined)[]) =>
  sql<unknown>`to_tsvector('simple', ${searchText(parts)})`;

/** The tokens of a document, space-separated, for `to_tsvector('simple', …)`. */
export function searchText(parts: (string | null | undefined)[]): string {
  const tokens = new Set<string>();
  for (const part of parts) {
    if (!part) continue;
    for (const s of segmenter.segment(part)) {
      if (!s.isWordLike) continue;
      const t = clean(s.segment);
      if (t) tokens.add(t);
    }
    for (const run of part.match(HAN_RUN) ?? []) for (const b of bigrams(run)) tokens.add(b);
  }
  return [...tokens].join(' ');
}

/**
 * A tsquery for what the user typed: every Han run must match all its bigrams (a one-character run: that
 * character, as a prefix of a token), every other word must match as a prefix. Null when nothing is left.
 */
export function searchQuery(q: string): string | null {
  const terms = new Set<string>();
  for (const run of q.match(HAN_RUN) ?? []) {
    const b = bigrams(run);
    if (b.length === 1) terms.add(`${b[0]}:*`);
    else for (const x of b) terms.add(x);
  }
  for (const s of segmenter.segment(q.replace(HAN_RUN, ' '))) {
    if (!s.isWordLike || HAN.test(s.segment)) continue;
    const t = clean(s.segment);
    if (t) terms.add(`${t}:*`);
  }
  return terms.size ? [...terms].join(' & ') : null;
}
