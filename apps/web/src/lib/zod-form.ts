import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { z } from 'zod';
import { fieldIssues } from '../api/errors';
import type { Messages } from '../i18n/zh-CN';

type Issue = z.core.$ZodIssue;

/** Says a zod issue in the portal's language; `fallback` replaces messages only the field knows (regex, refine). */
export function issueMessage(t: Messages, issue: Issue, fallback?: string): string {
  if (issue.code === 'custom') {
    const problem = (issue.params as { problem?: string } | undefined)?.problem;
    if (problem && problem in t.validation.uscc)
      return t.validation.uscc[problem as keyof Messages['validation']['uscc']];
  }
  if (fallback) return fallback;
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'array'
        ? t.validation.minItems(Number(issue.minimum))
        : t.validation.minLength(Number(issue.minimum));
    case 'too_big':
      return issue.origin === 'array'
        ? t.validation.maxItems(Number(issue.maximum))
        : t.validation.maxLength(Number(issue.maximum));
    case 'invalid_format':
      return issue.format === 'email' ? t.validation.email : t.validation.invalid;
    default:
      return t.validation.invalid;
  }
}

/**
 * An antd Form rule that validates with the API's own zod schema (STYLE.md: forms validate with the same
 * contracts as the API), so a value the browser accepts is a value the server accepts. Empty values are
 * left to a separate `required` rule, so optional fields stay optional.
 */
export function zodRule(schema: z.ZodType, t: Messages, fallback?: string): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const r = schema.safeParse(value);
      if (!r.success) throw new Error(issueMessage(t, r.error.issues[0]!, fallback));
    },
  };
}

/** Shows zod issues of a whole-body parse beside their fields; returns whether any issue was placed. */
export function showZodIssues(form: FormInstance, issues: readonly Issue[], t: Messages): boolean {
  const fields = issues.map((i) => ({ name: i.path as (string | number)[], errors: [issueMessage(t, i)] }));
  form.setFields(fields);
  return fields.length > 0;
}

/** Puts the field errors of a 400 answer beside the fields they name; returns whether any matched a field. */
export function showServerIssues(
  form: FormInstance,
  error: unknown,
  prefix: (string | number)[] = [],
): boolean {
  const issues = fieldIssues(error);
  const known = issues.filter((i) => i.path.length > 0);
  form.setFields(known.map((i) => ({ name: [...prefix, ...i.path], errors: [i.message] })));
  return known.length > 0;
}

/** Drops empty strings so optional fields are omitted rather than sent as "" (which the contracts reject). */
export function compact<T extends Record<string, unknown>>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === '' || v === undefined || v === null) continue;
    out[k] = v;
  }
  return out as T;
}

/**
 * Validates a form and hands its values on; a failed validation is shown beside the fields and ends
 * there (not as an unhandled promise rejection).
 */
export function whenValid<V>(form: FormInstance<V>, then: (values: V) => void): void {
  form.validateFields().then(then, () => undefined);
}
