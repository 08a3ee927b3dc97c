import type { marketApiErrorsZhCN } from './market.zh-CN';
/** English — the market's audit actions and API errors. */
export const marketActionsEnUS: Record<string, string> = {
  'market.product.create': 'Create a data product',
  'market.product.update': 'Edit a data product',
  'market.product.submit': 'Submit for compliance review',
  'market.product.review': 'Compliance review',
  'market.product.withdraw': 'Withdraw a data product',
  'market.product.delist': 'Force a delisting',
  'market.product.suspend': 'Suspend a listing',
  'market.board.create': 'Create an industry board',
  'market.board.update': 'Edit an industry board',
  'market.board.reviewers': 'Assign board reviewers',
  'market.negative.add': 'Add to the trading negative list',
  'market.negative.remove': 'Remove from the trading negative list',
};

export const marketApiErrorsEnUS: Record<keyof typeof marketApiErrorsZhCN, string> = {
  MARKET_RESOURCE_NOT_LISTABLE:
    'A product is built on published catalogue resources; drafts and retired ones are not listed',
  MARKET_CERTIFICATE_MISSING:
    'Listing needs a product-operation right (数据产品经营权) certificate, or a licence on one, covering every resource',
  MARKET_CERTIFICATE_NOT_IN_FORCE:
    'The certificate is frozen, cancelled or expired, or the licence is out of its term',
  MARKET_CERTIFICATE_DISPUTED: 'An objection registration stands against the certificate',
  MARKET_DECLARATION_MISSING: 'Every declaration and commitment must be affirmed before listing',
  MARKET_DECLARATION_UNSIGNED: 'The organization signs its declaration (SM2) before listing',
  MARKET_DECLARATION_SIGNATURE_INVALID:
    'The signature does not check against the declaration with the key it names',
  MARKET_NEGATIVE_LIST: 'The product is on the trading negative list',
  MARKET_SCENARIO_REQUIRED: 'No scenario, no trade: declare at least one application scenario',
  MARKET_PRICE_MODEL_REQUIRED: 'A product is listed with a price model',
  MARKET_PRICE_NOT_GUIDED:
    'Public data under an authorized operation is sold at a government-guided price, and only it',
  MARKET_PRICE_ABOVE_CAP: 'The price is above the authority’s price guidance',
  MARKET_IMPORTANT_DATA_COMPUTE_ONLY: 'Important data is offered only as a compute service',
  MARKET_RAW_PERSONAL_INFO:
    'A resource holding raw personal information is never delivered as a file or an API',
  MARKET_BOARD_RULE: 'The product breaks a rule of its industry board',
  MARKET_RESOURCE_NOT_YOURS:
    'A product is built on your organization’s resources, or ones it is authorized to operate',
  MARKET_NOT_A_REVIEWER: 'Only the operator or a reviewer of one of the product’s boards reviews it',
  MARKET_REVIEWER_CONFLICT: 'A reviewer does not review a product of their own organization',
  MARKET_ILLEGAL_TRANSITION: 'The product is not in a state that allows this',
  MARKET_VERSION_CONFLICT: 'The product changed since you read it; reload and try again',
  MARKET_CHECKLIST_FAILED: 'Approval needs every checklist item passed',
  MARKET_REJECTION_REASON_REQUIRED: 'A rejection gives its reason, and every failed checklist item a note',
  MARKET_POLICY_INVALID: 'The usage policy is not valid',
  MARKET_SECTOR_UNKNOWN: 'The sector is not in the catalogue’s sector tree',
  MARKET_BOARD_UNKNOWN: 'No such industry board',
  MARKET_BOARD_EXISTS: 'A board with this code exists',
  MARKET_REVIEWER_INVALID: 'A board reviewer is an active user of an active certifier',
  MARKET_NEGATIVE_VALUE_INVALID:
    'The value must name a sector, an organization, a resource, or a keyword of two characters or more',
  MARKET_NEGATIVE_ENTRY_EXISTS: 'This value is already on the negative list',
};
