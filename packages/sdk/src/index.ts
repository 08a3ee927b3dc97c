import {
  api,
  type Body,
  type ClientErrorCode,
  type Params,
  type Query,
  type Reply,
  type RouteContract,
} from '@shuliu/contracts';

/**
 * An error answer of the API, carrying the code and details of the error shape: an `ErrorCode`, a
 * `ClientErrorCode` when no error shape came back, or a code of a newer server this build does not know.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Input<C> = ([Params<C>] extends [never] ? { params?: undefined } : { params: Params<C> }) &
  ([Query<C>] extends [never] ? { query?: undefined } : { query?: Query<C> }) &
  ([Body<C>] extends [never] ? { body?: undefined } : { body: Body<C> });

export interface ClientOptions {
  /** Origin of the server, e.g. `http://localhost:8080`; empty for same-origin in the browser. */
  baseUrl?: string;
  token?: string | (() => string | null | undefined);
  fetch?: typeof fetch;
  headers?: Record<string, string>;
}

function buildPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    const v = params?.[name];
    if (v === undefined || v === null) throw new Error(`missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(String(v));
  });
}

function buildQuery(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    // a list goes as the same name repeated (`?grade=general_1&grade=general_2`)
    if (Array.isArray(v)) for (const item of v) sp.append(k, String(item));
    else if (v !== undefined && v !== null && v !== '') sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

export class ShuliuClient {
  constructor(private readonly opts: ClientOptions = {}) {}

  private token(): string | null | undefined {
    const t = this.opts.token;
    return typeof t === 'function' ? t() : t;
  }

  async call<C extends RouteContract>(route: C, input?: Input<C>): Promise<Reply<C>> {
    const i = (input ?? {}) as {
      params?: Record<string, unknown>;
      query?: Record<string, unknown>;
      body?: unknown;
    };
    const url = `${this.opts.baseUrl ?? ''}${buildPath(route.path, i.params)}${buildQuery(i.query)}`;
    const headers: Record<string, string> = { accept: 'application/json', ...this.opts.headers };
    const token = this.token();
    if (token) headers.authorization = `Bearer ${token}`;
    const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
    if (hasBody) headers['content-type'] = 'application/json';
    const res = await (this.opts.fetch ?? fetch)(url, {
      method: route.method,
      headers,
      body: hasBody ? JSON.stringify(i.body ?? {}) : undefined,
    });
    return this.reply<C>(res);
  }

  /**
   * Sends raw bytes to an upload route (`upload: true` in its contract), e.g. a file stream; in Node a
   * stream body is sent as it is read (`duplex: 'half'`), so nothing is buffered.
   */
  async upload<C extends RouteContract>(
    route: C,
    input: Omit<Input<C>, 'body'>,
    body: NonNullable<RequestInit['body']>,
  ): Promise<Reply<C>> {
    const i = input as { params?: Record<string, unknown>; query?: Record<string, unknown> };
    const url = `${this.opts.baseUrl ?? ''}${buildPath(route.path, i.params)}${buildQuery(i.query)}`;
    const headers: Record<string, string> = {
      accept: 'application/json',
      'content-type': 'application/octet-stream',
      ...this.opts.headers,
    };
    const token = this.token();
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await (this.opts.fetch ?? fetch)(url, {
      method: route.method,
      headers,
      body,
      ...(typeof ReadableStream !== 'undefined' && body instanceof ReadableStream && { duplex: 'half' }),
    } as RequestInit);
    return this.reply<C>(res);
  }

  /**
   * Fetches a download route (`download: true` in its contract): the response itself, to be read as a stream,
   * or the API error it answered with.
   */
  async download<C extends RouteContract>(route: C, input?: Input<C>): Promise<Response> {
    const i = (input ?? {}) as { params?: Record<string, unknown>; query?: Record<string, unknown> };
    const url = `${this.opts.baseUrl ?? ''}${buildPath(route.path, i.params)}${buildQuery(i.query)}`;
    const headers: Record<string, string> = { ...this.opts.headers };
    const token = this.token();
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await (this.opts.fetch ?? fetch)(url, { method: route.method, headers });
    if (!res.ok) await this.reply<C>(res);
    return res;
  }

  private async reply<C extends RouteContract>(res: Response): Promise<Reply<C>> {
    if (res.status === 204) return undefined as Reply<C>;
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      throw new ApiError(
        res.status,
        'BAD_RESPONSE' satisfies ClientErrorCode,
        `server answered ${res.status} with non-JSON content`,
      );
    }
    if (!res.ok) {
      const e = (
        json as { error?: { code?: string; message?: string; details?: unknown; requestId?: string } }
      )?.error;
      throw new ApiError(
        res.status,
        e?.code ?? ('HTTP_ERROR' satisfies ClientErrorCode),
        e?.message ?? res.statusText,
        e?.details,
        e?.requestId,
      );
    }
    return json as Reply<C>;
  }
}

type Api = typeof api;
type Sdk = {
  [G in keyof Api]: { [R in keyof Api[G]]: (input?: Input<Api[G][R]>) => Promise<Reply<Api[G][R]>> };
};

/** The whole API as typed functions: `sdk.auth.login({ body: { username, password } })`. */
export function createSdk(options: ClientOptions = {}): Sdk & { client: ShuliuClient } {
  const client = new ShuliuClient(options);
  const sdk: Record<string, Record<string, unknown>> = {};
  for (const [group, routes] of Object.entries(api)) {
    sdk[group] = {};
    for (const [name, route] of Object.entries(routes as Record<string, RouteContract>)) {
      sdk[group][name] = (input?: never) => client.call(route, input);
    }
  }
  return Object.assign(sdk as unknown as Sdk, { client });
}
export type { Sdk };
