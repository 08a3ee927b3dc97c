import { createError } from '../shared/errors.js';

// 政务共享 and 省级数据回流: the codes keep the CATALOG_ prefix they were published with
export const NotGovernment = createError(
  'CATALOG_SHARING_NOT_GOVERNMENT',
  'only a government department (an authority organization) may do this',
  403,
);
export const SharingNotAllowed = createError(
  'CATALOG_SHARING_NOT_ALLOWED',
  'this resource cannot be requested through government sharing',
  409,
);
export const SharingDuplicate = createError(
  'CATALOG_SHARING_DUPLICATE',
  'your department already has an open request for this resource',
  409,
);
export const SharingIllegalTransition = createError(
  'CATALOG_SHARING_ILLEGAL_TRANSITION',
  'the request is not in a state that allows this',
  409,
);
export const SharingWrongSide = createError(
  'CATALOG_SHARING_WRONG_SIDE',
  'the other department of this request does this, not yours',
  403,
);
export const ReturnFlowRefused = createError(
  'CATALOG_RETURN_FLOW_REFUSED',
  'this return flow is not allowed',
  409,
);
export const ReturnFlowNotProvincial = createError(
  'CATALOG_RETURN_FLOW_NOT_PROVINCIAL',
  'only a provincial department owes a return flow (省级数据回流)',
  403,
);
export const ReturnFlowDuplicate = createError(
  'CATALOG_RETURN_FLOW_DUPLICATE',
  'this resource is already owed to that department',
  409,
);
export const ReturnFlowDelivered = createError(
  'CATALOG_RETURN_FLOW_DELIVERED',
  'this return flow was already delivered',
  409,
);
