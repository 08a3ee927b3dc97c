import { createError } from '../shared/errors.js';

// 挂牌条件 (listing checks): each refusal names the rule that failed (RULES.md, Trading; GB/T 43697-2024)
export const ResourceNotListable = createError(
  'MARKET_RESOURCE_NOT_LISTABLE',
  'a product is built on published catalogue resources (数据资源): a draft or retired resource is not listed',
  409,
);
export const CertificateMissing = createError(
  'MARKET_CERTIFICATE_MISSING',
  'listing needs a 数据产品经营权 certificate of the seller, or a licence registered on one, covering every resource',
  409,
);
export const CertificateNotInForce = createError(
  'MARKET_CERTIFICATE_NOT_IN_FORCE',
  'the 数据产品经营权 certificate is frozen, cancelled or expired, or the licence on it is out of its term',
  409,
);
export const CertificateDisputed = createError(
  'MARKET_CERTIFICATE_DISPUTED',
  'an objection registration (异议登记) stands against the certificate: a disputed right is not listed',
  409,
);
export const DeclarationMissing = createError(
  'MARKET_DECLARATION_MISSING',
  '声明承诺制: every declaration and commitment must be affirmed before listing',
  409,
);
export const DeclarationUnsigned = createError(
  'MARKET_DECLARATION_UNSIGNED',
  '声明承诺制: the organization signs its declaration (SM2) before listing',
  409,
);
export const DeclarationSignatureInvalid = createError(
  'MARKET_DECLARATION_SIGNATURE_INVALID',
  'the signature does not check against the declaration with the key it names',
  400,
);
export const OnNegativeList = createError(
  'MARKET_NEGATIVE_LIST',
  'the product is on the trading negative list (交易负面清单)',
  409,
);
export const ScenarioRequired = createError(
  'MARKET_SCENARIO_REQUIRED',
  '无场景不交易: a product declares at least one application scenario',
  409,
);
export const PriceModelRequired = createError(
  'MARKET_PRICE_MODEL_REQUIRED',
  'a product is listed with a price model',
  409,
);
export const PriceNotGuided = createError(
  'MARKET_PRICE_NOT_GUIDED',
  'public data under an authorized operation (授权运营) is sold at a government-guided price, and only it',
  409,
);
export const PriceAboveCap = createError(
  'MARKET_PRICE_ABOVE_CAP',
  'the price is above the authority’s price guidance (政府指导价) for this public data',
  409,
);
/** One rule, one code: core data is refused as the catalog and the registry refuse it. */
export { CoreDataRefused as CoreData } from '../protect/index.js';
export const ImportantComputeOnly = createError(
  'MARKET_IMPORTANT_DATA_COMPUTE_ONLY',
  'important data (重要数据) is listed only as a compute service',
  409,
);
export const RawPersonalInfo = createError(
  'MARKET_RAW_PERSONAL_INFO',
  'a resource holding raw personal information is never delivered as a file or an API (PIPL Art. 23)',
  409,
);
export const BoardRule = createError('MARKET_BOARD_RULE', 'the product breaks a rule of its board', 409);

// who may do what
export const ResourceNotYours = createError(
  'MARKET_RESOURCE_NOT_YOURS',
  'a product is built on your org’s own resources, or on resources it is authorized to operate',
  403,
);
export const NotAReviewer = createError(
  'MARKET_NOT_A_REVIEWER',
  'only the operator or a reviewer assigned to one of the product’s boards reviews it',
  403,
);
export const ReviewerConflict = createError(
  'MARKET_REVIEWER_CONFLICT',
  'a reviewer does not review a product of their own organization',
  403,
);

// states and concurrency
export const IllegalTransition = createError(
  'MARKET_ILLEGAL_TRANSITION',
  'the product is not in a state that allows this',
  409,
);
export const VersionConflict = createError(
  'MARKET_VERSION_CONFLICT',
  'the product changed since you read it: reload it and try again',
  409,
);
export const ChecklistFailed = createError(
  'MARKET_CHECKLIST_FAILED',
  '不合规不挂牌: approval needs every item of the checklist passed',
  409,
);
export const RejectionReasonRequired = createError(
  'MARKET_REJECTION_REASON_REQUIRED',
  'a rejection gives its reason, and every failed checklist item its note',
  400,
);

// input the contracts cannot judge alone
export const PolicyInvalid = createError('MARKET_POLICY_INVALID', 'the usage policy is not valid', 400);
export const SectorUnknown = createError(
  'MARKET_SECTOR_UNKNOWN',
  'a sector named is not in the catalog’s sector tree',
  400,
);
export const BoardUnknown = createError('MARKET_BOARD_UNKNOWN', 'no such industry board', 400);
export const BoardExists = createError('MARKET_BOARD_EXISTS', 'a board with this code exists', 409);
export const BoardsFull = createError(
  'MARKET_BOARDS_FULL',
  'the marketplace holds at most 63 industry boards (boards are never deleted; rename or edit one)',
  409,
);
export const ReviewerInvalid = createError(
  'MARKET_REVIEWER_INVALID',
  'a board reviewer is an active user of an active certifier org (认证机构)',
  400,
);
export const NegativeValueInvalid = createError(
  'MARKET_NEGATIVE_VALUE_INVALID',
  'the negative-list value does not name a sector, an organization, a resource, or a keyword of two characters or more',
  400,
);
export const NegativeEntryExists = createError(
  'MARKET_NEGATIVE_ENTRY_EXISTS',
  'this value is already on the negative list',
  409,
);
