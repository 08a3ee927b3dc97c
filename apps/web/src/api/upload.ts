import type { CatalogFile, FileRole } from '@shuliu/contracts';
import { ApiError } from './errors';
import { answeredUnauthorized } from './sdk';
import { tokenStore } from './token';

export interface UploadHandle {
  done: Promise<CatalogFile>;
  abort: () => void;
}

function errorOf(xhr: XMLHttpRequest): ApiError {
  try {
    const e = (JSON.parse(xhr.responseText) as { error?: Record<string, unknown> }).error ?? {};
    const s = (k: string) => (typeof e[k] === 'string' ? (e[k] as string) : undefined);
    return new ApiError(
      xhr.status,
      s('code') ?? 'HTTP_ERROR',
      s('message') ?? xhr.statusText,
      e.details,
      s('requestId'),
    );
  } catch {
    return new ApiError(xhr.status, 'HTTP_ERROR', xhr.statusText || `HTTP ${xhr.status}`);
  }
}

/**
 * Uploads a file as the raw request body. XMLHttpRequest rather than the SDK's fetch: only it reports the
 * progress of a request body. `onProgress` receives 0..1 of the bytes sent.
 */
export function uploadCatalogFile(
  resourceId: string,
  file: File,
  role: FileRole,
  onProgress: (sent: number) => void,
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const token = tokenStore.get();
  const done = new Promise<CatalogFile>((resolve, reject) => {
    const q = new URLSearchParams({ name: file.name, role });
    xhr.open('POST', `/api/catalog/resources/${encodeURIComponent(resourceId)}/files?${q.toString()}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      answeredUnauthorized(xhr.status, token);
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as CatalogFile);
      else reject(errorOf(xhr));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', 'the upload could not reach the server'));
    xhr.onabort = () => reject(new ApiError(0, 'ABORTED', 'the upload was cancelled'));
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
