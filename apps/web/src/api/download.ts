import { downloadBlob } from '../lib/csv';
import { ApiError } from './errors';
import { answeredUnauthorized } from './sdk';
import { tokenStore } from './token';

/**
 * Downloads a catalog file with the caller's session when there is one (the server decides who may: the
 * owner, supervisors, approved applicants, anyone for 无条件开放 data).
 */
export async function downloadCatalogFile(fileId: string, name: string): Promise<void> {
  const token = tokenStore.get();
  const res = await fetch(`/api/catalog/files/${encodeURIComponent(fileId)}/download`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  answeredUnauthorized(res.status, token);
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as {
      error?: { code?: string; message?: string; details?: unknown; requestId?: string };
    };
    const e = body.error;
    throw new ApiError(
      res.status,
      e?.code ?? 'HTTP_ERROR',
      e?.message ?? res.statusText,
      e?.details,
      e?.requestId,
    );
  }
  downloadBlob(await res.blob(), name);
}

/** Downloads a registration document (evidence, contract, 查验报告) with the caller's session. */
export async function downloadRegistryFile(fileId: string, name: string): Promise<void> {
  const token = tokenStore.get();
  const res = await fetch(`/api/registry/files/${encodeURIComponent(fileId)}/download`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  answeredUnauthorized(res.status, token);
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as {
      error?: { code?: string; message?: string; details?: unknown; requestId?: string };
    };
    const e = body.error;
    throw new ApiError(res.status, e?.code ?? 'HTTP_ERROR', e?.message ?? res.statusText, e?.details);
  }
  downloadBlob(await res.blob(), name);
}
