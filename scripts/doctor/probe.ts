/** Why a request got no HTTP answer at all. */
export type ProbeErrorCode = "timeout" | "unreachable";

/** A request that got no answer: the host is down, unknown, refuses TLS, or is too slow. */
export class ProbeError extends Error {
  override readonly name = "ProbeError";
  readonly code: ProbeErrorCode;
  readonly url: string;

  constructor(code: ProbeErrorCode, url: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.url = url;
  }
}

/** An answer, read in full, so checks can look at it as often as they like. */
export interface ProbeResponse {
  url: string;
  status: number;
  headers: Headers;
  text: string;
}

export interface ProbeRequest {
  method?: "GET" | "POST" | "OPTIONS";
  headers?: Record<string, string>;
  body?: string;
}

export type Probe = (url: string, request?: ProbeRequest) => Promise<ProbeResponse>;

export interface ProbeOptions {
  /** Whole request, body included. */
  timeoutMs: number;
  fetch?: typeof fetch;
}

/**
 * Makes a `fetch` that never hangs and never throws anything but a `ProbeError` with a readable message. Redirects
 * are not followed: a browser never follows one on a CORS preflight, and a redirected discovery document or API call
 * is itself worth reporting.
 */
export function createProbe(options: ProbeOptions): Probe {
  const fetchImpl = options.fetch ?? fetch;
  return async (url, request = {}) => {
    const signal = AbortSignal.timeout(options.timeoutMs);
    try {
      const response = await fetchImpl(url, {
        method: request.method ?? "GET",
        headers: request.headers,
        body: request.body,
        redirect: "manual",
        signal,
      });
      const text = await response.text();
      return { url, status: response.status, headers: response.headers, text };
    } catch (error) {
      if (signal.aborted) {
        const seconds = options.timeoutMs / 1000;
        throw new ProbeError("timeout", url, `no answer from ${url} within ${seconds} s`, { cause: error });
      }
      throw new ProbeError("unreachable", url, `could not reach ${url}: ${reasonOf(error)}`, {
        cause: error,
      });
    }
  };
}

/** Node's fetch says only "fetch failed"; the reason a person can act on (ECONNREFUSED, ENOTFOUND…) is its cause. */
function reasonOf(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code !== undefined && !cause.message.includes(code) ? `${code} ${cause.message}` : cause.message;
  }
  return error instanceof Error ? error.message : String(error);
}
