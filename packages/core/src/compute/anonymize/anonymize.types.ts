/**
 * The hierarchy of one quasi-identifier. `table`: ARX's format, one row per value, level 0 first and the
 * most general last (`39;35-39;30-39;*`). `intervals`: numeric bands built from the column's own values,
 * each width a multiple of the one before (`[5, 10, 20]` → `37`, `35-39`, `30-39`, `20-39`, `*`).
 */
export type HierarchySpec = { kind: 'table'; rows: string[][] } | { kind: 'intervals'; bands: number[] };

export interface QuasiIdentifier {
  column: string;
  hierarchy: HierarchySpec;
}

/**
 * What picks the optimum. `loss`: Iyengar's (2002) loss metric, ARX's "Loss" (generalization intensity);
 * `precision`: Sweeney's (2002) Prec, level over height. Both count a suppressed row as fully generalized.
 */
export type LossMetric = 'loss' | 'precision';

export interface AnonymizeConfig {
  quasiIdentifiers: QuasiIdentifier[];
  /** The sensitive attribute that l-diversity and t-closeness look at. */
  sensitive?: string;
  k: number;
  l?: number;
  /** `distinct` (default) or `entropy` l-diversity (Machanavajjhala et al. 2007). */
  lVariant?: 'distinct' | 'entropy';
  t?: number;
  /** Earth mover's distance of t-closeness (Li et al. 2007): `equal` for categories, `ordered` for ranks. */
  tDistance?: 'equal' | 'ordered';
  /** The ranks for `ordered` distance when the sensitive values are not numbers, lowest first. */
  sensitiveOrder?: string[];
  /** The fraction of rows (0..1) that may be suppressed. */
  suppressionLimit: number;
  metric?: LossMetric;
  /** `mask` (default, as ARX): a suppressed row keeps its place with `*` in every quasi-identifier. */
  suppressedRows?: 'mask' | 'remove';
  /** `flash` (default) or `exhaustive`: every node evaluated from the distinct tuples, the baseline. */
  search?: 'flash' | 'exhaustive';
  /** How many lattice nodes the result lists for the portal's view (default 500). */
  maxNodes?: number;
}

export interface LatticeNodeView {
  levels: number[];
  anonymous: boolean;
  /** Whether its classes were computed; if not, `loss` is the lower bound (generalization only). */
  checked: boolean;
  loss: number;
}

export interface LatticeSummary {
  /** The number of transformations: the product of the hierarchies' heights. */
  nodes: number;
  /** Nodes whose equivalence classes were computed; the others were tagged by monotonicity. */
  checked: number;
  /** The minimal anonymous transformations (levels per quasi-identifier): none below them is anonymous. */
  anonymous: number[][];
  anonymousCount: number;
  /** The search alone: encoding and output excluded. */
  timeMs: number;
  /** Each quasi-identifier's hierarchy height (levels, the value itself included), in the config's order. */
  heights: number[];
}

export interface InformationLoss {
  metric: LossMetric;
  /** Iyengar's loss in 0..1, averaged over cells, a suppressed cell counted as 1. */
  loss: number;
  /** 1 − Sweeney's Prec in 0..1: level over height averaged over cells, a suppressed cell counted as 1. */
  precision: number;
  /** Discernibility (Bayardo & Agrawal 2005): Σ |E|² over kept classes plus n for each suppressed row. */
  discernibility: number;
  /** Kept rows over kept classes. */
  avgClassSize: number;
}

interface Searched {
  lattice: LatticeSummary;
  nodes: LatticeNodeView[];
  nodesTruncated: boolean;
}

export interface Anonymized extends Searched {
  outcome: 'anonymized';
  /** The chosen generalization level of each quasi-identifier, in the order of the config. */
  transformation: number[];
  header: string[];
  rows: string[][];
  suppressedRows: 'mask' | 'remove';
  suppressed: number;
  classes: number;
  informationLoss: InformationLoss;
}

/** No node of the lattice meets the criteria under the suppression limit: an answer, not an error. */
export interface Unsatisfiable extends Searched {
  outcome: 'unsatisfiable';
  reason: string;
}

export type AnonymizeResult = Anonymized | Unsatisfiable;
