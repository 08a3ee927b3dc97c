import type { ClientErrorCode } from '@shuliu/contracts';
import { downloadBlob } from '../lib/csv';
import { ApiError } from './errors';
import { answeredUnauthorized } from './sdk';
import { tokenStore } from './token';

/** Fetches `path` with the caller's session when there is one and saves the answer as `name`. */
async function download(path: string, name: string): Promise<void> {
  const token = tokenStore.get();
  const res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  answeredUnauthorized(res.status, token);
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as {
      error?: { code?: string; message?: string; details?: unknown; requestId?: string };
    };
    const e = body.error;
    throw new ApiError(
      res.status,
      e?.code ?? ('HTTP_ERROR' satisfies ClientErrorCode),
      e?.message ?? res.statusText,
      e?.details,
      e?.requestId,
    );
  }
  downloadBlob(await res.blob(), name);
}

/**
 * Downloads a catalog file (the server decides who may: the owner, supervisors, approved applicants, anyone
 * for 无条件开放 data).
 */
export const downloadCatalogFile = (fileId: string, name: string) =>
  download(`/api/catalog/files/${encodeURIComponent(fileId)}/download`, name);

/** Downloads a registration document (evidence, contract, 查验报告). */
export const downloadRegistryFile = (fileId: string, name: string) =>
  download(`/api/registry/files/${encodeURIComponent(fileId)}/download`, name);

/** Downloads a contract as PDF (its parties, the operator and the regulator may). */
export const downloadContractPdf = (contractNo: string) =>
  download(`/api/trade/contracts/${encodeURIComponent(contractNo)}/pdf`, `${contractNo}.pdf`);
/**
 * Downloads the buyer's fingerprinted copy of a delivered file as CSV or XLSX (counted against the contract's
 * use limit; the server refuses once it is reached).
 */
export const downloadOrderFile = (orderId: string, fileId: string, format: 'csv' | 'xlsx', name: string) =>
  download(
    `/api/trade/orders/${encodeURIComponent(orderId)}/files/${encodeURIComponent(fileId)}/download?format=${format}`,
    name,
  );
/** Downloads a settlement period's statement lines as CSV (the caller's own, or one org's for the overseers). */
export const downloadStatementsCsv = (period: string, org?: string) =>
  download(
    `/api/trade/settlement/periods/${encodeURIComponent(period)}/statements.csv${org ? `?org=${encodeURIComponent(org)}` : ''}`,
    `statements-${period}${org ? `-${org}` : ''}.csv`,
  );
/** Downloads the data asset disclosure table of a year as XLSX (the caller's org, or one org's for oversight). */
export const downloadAssetDisclosure = (year: number, orgId?: string) =>
  download(
    `/api/assets/disclosure.xlsx?year=${year}${orgId ? `&orgId=${encodeURIComponent(orgId)}` : ''}`,
    `disclosure-${year}.xlsx`,
  );
