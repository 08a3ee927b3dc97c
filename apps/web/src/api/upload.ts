import type { CatalogFile, ClientErrorCode, FileRole } from '@shuliu/contracts';
import { ApiError, clientError } from './errors';
import { answeredUnauthorized } from './sdk';
import { tokenStore } from './token';

export interface UploadHandle<T = CatalogFile> {
  done: Promise<T>;
  abort: () => void;
}

function errorOf(xhr: XMLHttpRequest): ApiError {
  try {
    const e = (JSON.parse(xhr.responseText) as { error?: Record<string, unknown> }).error ?? {};
    const s = (k: string) => (typeof e[k] === 'string' ? (e[k] as string) : undefined);
    return new ApiError(
      xhr.status,
      s('code') ?? ('HTTP_ERROR' satisfies ClientErrorCode),
      s('message') ?? xhr.statusText,
      e.details,
      s('requestId'),
    );
  } catch {
    return clientError('HTTP_ERROR', xhr.statusText || `HTTP ${xhr.status}`, xhr.status);
  }
}

/**
 * Sends a file as the raw request body of an upload route. XMLHttpRequest rather than the SDK's fetch: only
 * it reports the progress of a request body. `onProgress` receives 0..1 of the bytes sent.
 */
export function uploadRaw<T>(url: string, file: File, onProgress: (sent: number) => void): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const token = tokenStore.get();
  const done = new Promise<T>((resolve, reject) => {
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      answeredUnauthorized(xhr.status, token);
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as T);
      else reject(errorOf(xhr));
    };
    xhr.onerror = () => reject(clientError('NETWORK_ERROR', 'the upload could not reach the server'));
    xhr.onabort = () => reject(clientError('ABORTED', 'the upload was cancelled'));
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}

/** Uploads a catalog file (data or evidence) with its progress. */
export function uploadCatalogFile(
  resourceId: string,
  file: File,
  role: FileRole,
  onProgress: (sent: number) => void,
): UploadHandle<CatalogFile> {
  const q = new URLSearchParams({ name: file.name, role });
  return uploadRaw<CatalogFile>(
    `/api/catalog/resources/${encodeURIComponent(resourceId)}/files?${q.toString()}`,
    file,
    onProgress,
  );
}
