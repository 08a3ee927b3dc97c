import type { FormInstance } from 'antd';
import { asApiError } from '../../../api/errors';
import { describeError } from '../../../components/QueryError';
import type { Messages } from '../../../i18n/zh-CN';
import { showServerIssues } from '../../../lib/zod-form';

/**
 * Puts a refused request's error beside its field: the issues of a 400 validation answer, or the one field a
 * consent error names in `details.field` (CONSENT_EXPIRY_INVALID on expiresAt, CONSENT_ID_CARD_TAKEN on idCard…)
 * when the form has it. Returns whether the error found a field; if not, the caller shows it above the form.
 */
export function showErrorAtField(
  form: FormInstance,
  error: unknown,
  t: Messages,
  fields: readonly string[],
): boolean {
  if (showServerIssues(form, error)) return true;
  const field = (asApiError(error).details as { field?: unknown } | undefined)?.field;
  if (typeof field !== 'string' || !fields.includes(field)) return false;
  form.setFields([{ name: field, errors: [describeError(t, error).message] }]);
  return true;
}
