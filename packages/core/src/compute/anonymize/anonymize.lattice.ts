/** The largest lattice searched: beyond it the hierarchies, not the search, need rethinking. */
export const MAX_LATTICE_NODES = 1 << 22;

/**
 * The generalization lattice: one node per combination of levels (one per quasi-identifier), indexed in
 * mixed radix so that a successor (one level higher in one attribute) is `index + stride`.
 */
export class Lattice {
  readonly size: number;
  readonly strides: number[];
  /** Sum of levels per node: the height of the node in the lattice. */
  readonly levelSum: Int32Array;

  constructor(readonly heights: number[]) {
    let size = 1;
    this.strides = heights.map((h) => {
      const stride = size;
      size *= h;
      return stride;
    });
    if (size > MAX_LATTICE_NODES)
      throw new RangeError(
        `quasiIdentifiers: the lattice has ${size} nodes, more than ${MAX_LATTICE_NODES}; use fewer attributes or levels`,
      );
    this.size = size;
    this.levelSum = new Int32Array(size);
    for (let i = 0; i < size; i++) this.levelSum[i] = this.levelsOf(i).reduce((a, b) => a + b, 0);
  }

  levelsOf(index: number): number[] {
    return this.heights.map((h, j) => Math.floor(index / this.strides[j]!) % h);
  }

  indexOf(levels: number[]): number {
    return levels.reduce((sum, l, j) => sum + l * this.strides[j]!, 0);
  }

  successors(index: number): number[] {
    const out: number[] = [];
    this.heights.forEach((h, j) => {
      if (Math.floor(index / this.strides[j]!) % h < h - 1) out.push(index + this.strides[j]!);
    });
    return out;
  }

  predecessors(index: number): number[] {
    const out: number[] = [];
    this.heights.forEach((h, j) => {
      if (Math.floor(index / this.strides[j]!) % h > 0) out.push(index - this.strides[j]!);
    });
    return out;
  }

  /** Whether node a is at or below node b in every attribute. */
  below(a: number, b: number): boolean {
    return this.heights.every((h, j) => {
      const s = this.strides[j]!;
      return Math.floor(a / s) % h <= Math.floor(b / s) % h;
    });
  }
}
