import type { ClientErrorCode } from '@shuliu/contracts';
import { ApiError } from '@shuliu/sdk';

export { ApiError };

/** A failure with no API answer behind it, under one of the client codes the catalogues name. */
export const clientError = (code: ClientErrorCode, message: string, status = 0) =>
  new ApiError(status, code, message);

export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

/** Normalises anything thrown by a query or mutation into an ApiError for display. */
export function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e instanceof Error) return clientError('NETWORK_ERROR', e.message);
  return clientError('UNKNOWN', String(e));
}

/** Validation details of a 400 answer as form field paths (`body.org.uscc` → ['org','uscc']). */
export function fieldIssues(e: unknown): FieldIssue[] {
  if (!(e instanceof ApiError) || !Array.isArray(e.details)) return [];
  const out: FieldIssue[] = [];
  for (const d of e.details as unknown[]) {
    if (!d || typeof d !== 'object') continue;
    const { path, message } = d as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string') continue;
    const segs = path
      .split(/[./]/)
      .filter(Boolean)
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    // The server prefixes where the value was (`body.org.uscc`); forms are named after the body alone.
    if (['body', 'query', 'params', 'querystring'].includes(String(segs[0]))) segs.shift();
    out.push({ path: segs, message });
  }
  return out;
}

/** Client errors will not get better by retrying; network and server errors might. */
export function shouldRetry(failureCount: number, e: unknown): boolean {
  if (e instanceof ApiError && e.status >= 400 && e.status < 500) return false;
  return failureCount < 2;
}
