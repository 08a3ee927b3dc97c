import { createError } from '../shared/errors.js';

// 数据需求 (demands) and the sellers' answers: each refusal names what it refuses
export const DemandNotOpen = createError(
  'MARKET_DEMAND_NOT_OPEN',
  'the demand is closed or past its deadline: it is no longer changed or answered',
  409,
);
export const DemandNotYours = createError(
  'MARKET_DEMAND_NOT_YOURS',
  'a demand is changed only by members of the organization that posted it',
  403,
);
export const DemandBudgetInvalid = createError(
  'MARKET_DEMAND_BUDGET_INVALID',
  'the budget’s lower end is above its upper end',
  400,
);
export const DemandDeadlinePast = createError(
  'MARKET_DEMAND_DEADLINE_PAST',
  'a demand’s deadline is today or later (Beijing time)',
  400,
);
export const AnswerNotOwnProduct = createError(
  'MARKET_ANSWER_NOT_OWN_PRODUCT',
  'a demand is answered only with a product the answering organization sells',
  403,
);
export const AnswerProductNotListed = createError(
  'MARKET_ANSWER_PRODUCT_NOT_LISTED',
  'a demand is answered with a listed (挂牌) product only',
  409,
);
export const AnswerOwnDemand = createError(
  'MARKET_ANSWER_OWN_DEMAND',
  'an organization does not answer its own demand',
  409,
);
export const AnswerExists = createError(
  'MARKET_ANSWER_EXISTS',
  'this product already answers this demand',
  409,
);
