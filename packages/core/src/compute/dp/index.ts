export type { Bounds, PrivacyCost } from './validate.js';
export {
  laplaceScale,
  gaussianSigma,
  zcdpRho,
  granularity,
  sampleLaplace,
  sampleGaussian,
  sampleDiscreteLaplace,
  sampleDiscreteGaussian,
  laplaceMechanism,
  gaussianMechanism,
  gaussianMechanismRho,
  type NoiseOptions,
} from './noise.js';
export {
  releaseAggregates,
  selectionThreshold,
  type AggregateRelease,
  type SufficientRow,
  type SufficientValue,
  type ReleasedValue,
} from './release.js';
export type { AggregateSpec, ReleaseSpec, ReleasePolicy } from './release.plan.js';
export {
  BUDGET_QUANTUM,
  checkBudget,
  compose,
  charge,
  quantizeCost,
  releaseCost,
  remainingBudget,
  type BudgetLedgerEntry,
  type BudgetRefusal,
  type BudgetState,
  type ReleaseCost,
} from './budget.js';
export {
  histogram,
  quantiles,
  boundedSum,
  boundedMean,
  correlation,
  linearRegression,
  logisticRegression,
  type HistogramBinning,
  type TemplateOptions,
  type TemplateResult,
} from './templates.js';
export type { LogisticOptions, RegressionModel } from './templates.regression.js';
