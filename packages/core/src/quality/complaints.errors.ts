import { createError } from '../shared/errors.js';

export const ComplaintStateConflict = createError(
  'COMPLAINT_STATE_CONFLICT',
  'the complaint is not in a state that allows this step',
  409,
);
export const NotYourOrder = createError(
  'COMPLAINT_NOT_YOUR_ORDER',
  'a complaint is filed by the buyer org of a paid order of the product',
  403,
);
export const NotSeller = createError(
  'COMPLAINT_NOT_SELLER',
  'only the seller of the product responds to a complaint',
  403,
);
