import type { Sm2Signer } from '@shuliu/core/sm2';
import { compute, crypto } from '@shuliu/core';

/** An answer of the platform that was not a success: its status, error code and message. */
export class PlatformError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${status} ${code}: ${message}`);
    this.name = 'PlatformError';
  }
}

/**
 * The agent's side of the wire: every call goes out to the platform (the agent opens no port) and is signed
 * with the agent's SM2 key over its method, path, time, a fresh nonce and the body's SM3.
 */
export class PlatformClient {
  constructor(
    readonly baseUrl: string,
    readonly agentId: string,
    private readonly signer: Sm2Signer,
    private readonly timeoutMs = 30_000,
  ) {}

  async call<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = compute.agentHeaders(
      this.signer,
      this.agentId,
      method,
      path,
      body,
    );
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      ...(body !== undefined && { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    return this.answer<T>(res);
  }

  /** Uploads a file as it is (application/octet-stream), signed over the SM3 of its bytes. */
  async upload<T>(path: string, bytes: Buffer): Promise<T> {
    const headers = compute.agentHeadersFor(this.signer, this.agentId, 'PUT', path, crypto.sm3Hex(bytes));
    headers['content-type'] = 'application/octet-stream';
    const res = await fetch(new URL(path, this.baseUrl), {
      method: 'PUT',
      headers,
      body: bytes,
      signal: AbortSignal.timeout(this.timeoutMs * 4),
    });
    return this.answer<T>(res);
  }

  /** Downloads what a signed GET serves as bytes. */
  async download(path: string): Promise<Buffer> {
    const headers = compute.agentHeaders(this.signer, this.agentId, 'GET', path, undefined);
    const res = await fetch(new URL(path, this.baseUrl), {
      headers,
      signal: AbortSignal.timeout(this.timeoutMs * 4),
    });
    if (!res.ok) return this.answer<never>(res);
    return Buffer.from(await res.arrayBuffer());
  }

  private async answer<T>(res: Response): Promise<T> {
    const text = await res.text();
    const json = text ? (JSON.parse(text) as unknown) : null;
    if (!res.ok) {
      const e = (json as { error?: { code?: string; message?: string } } | null)?.error;
      throw new PlatformError(res.status, e?.code ?? 'HTTP_ERROR', e?.message ?? text.slice(0, 200));
    }
    return json as T;
  }
}
