import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** One thing to break in the answers of the server behind the proxy. */
export interface Degradation {
  /** Rewrites the discovery document (after its URLs have been pointed at the proxy). */
  discovery?: (document: Record<string, unknown>) => Record<string, unknown>;
  /** Edits an answer's headers before they are sent on. */
  headers?: (request: { method: string; path: string }, headers: Headers) => void;
}

export interface DegradingProxy {
  /** e.g. "http://127.0.0.1:40123", no trailing slash. */
  url: string;
  close(): Promise<void>;
}

// Hop-by-hop or describing a body this proxy re-frames itself.
const DROPPED = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "host",
]);

/** Bodies here are small forms and JSON: text is enough. */
async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A loopback HTTP proxy in front of a real sandbox server that passes everything through except the one thing a
 * test degrades. Discovery's URLs are rewritten to the proxy, so the JWKS and token requests come through it too.
 */
export async function startDegradingProxy(
  upstream: string,
  degradation: Degradation = {},
): Promise<DegradingProxy> {
  let url = "";
  const server = createServer((req, res) => {
    void (async () => {
      const method = req.method ?? "GET";
      const path = new URL(req.url ?? "/", "http://proxy.invalid").pathname;
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === "string" && !DROPPED.has(name)) headers.set(name, value);
      }
      const body = method === "GET" || method === "HEAD" ? undefined : await readBody(req);
      const answer = await fetch(`${upstream}${req.url ?? "/"}`, {
        method,
        headers,
        body,
        redirect: "manual",
      });
      let text = await answer.text();
      if (path === "/.well-known/openid-configuration" && answer.status === 200) {
        const document = JSON.parse(text.replaceAll(upstream, url)) as Record<string, unknown>;
        text = JSON.stringify(degradation.discovery ? degradation.discovery(document) : document);
      }
      const outHeaders = new Headers();
      answer.headers.forEach((value, name) => {
        if (!DROPPED.has(name)) outHeaders.set(name, value);
      });
      degradation.headers?.({ method, path }, outHeaders);
      const sent: Record<string, string> = {};
      outHeaders.forEach((value, name) => (sent[name] = value));
      res.writeHead(answer.status, sent);
      res.end(text);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A server that accepts connections and never answers, until closed. */
export async function startSilentServer(): Promise<DegradingProxy> {
  const server = createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
