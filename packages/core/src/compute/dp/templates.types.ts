import { requireEpsilon, requireInteger, type PrivacyCost } from './validate.js';

/** What every DP template returns: its result, what it cost, and the mechanism it used. */
export interface TemplateResult<T> {
  result: T;
  spent: PrivacyCost;
  mechanism: string;
}

export interface TemplateOptions {
  epsilon: number;
  /** how many of the values one privacy unit contributed after contribution bounding (default 1) */
  maxContributions?: number;
}

/** The validated ε and m of a template call. */
export function templateBudget(opts: TemplateOptions): { epsilon: number; m: number } {
  if (typeof opts !== 'object' || opts === null) throw new TypeError('options must be { epsilon, … }');
  const epsilon = requireEpsilon(opts.epsilon, 'options.epsilon');
  const m = requireInteger('options.maxContributions', opts.maxContributions ?? 1, 1);
  return { epsilon, m };
}
