import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { createRelay, type Relay } from "./createRelay.ts";
import type { RelayOptions } from "./RelayOptions.ts";

export interface NodeRelayOptions extends RelayOptions {
  /** Default "127.0.0.1". Behind a reverse proxy on another machine, e.g. "0.0.0.0". */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
}

export interface NodeRelay {
  /** Where it listens, e.g. "http://127.0.0.1:4030" (no trailing slash); Valet's `tokenRelayUrl` may be this. */
  url: string;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** Node's request as a web-standard Request, its body streamed (the relay counts the bytes as they come). */
function toRequest(message: IncomingMessage, base: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const method = message.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  const init: RequestInit & { duplex?: "half" } = {
    method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(message) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
  };
  return new Request(new URL(message.url ?? "/", base), init);
}

async function send(response: Response, out: ServerResponse): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  out.writeHead(response.status, headers);
  out.end(body);
}

function serve(relay: Relay, base: () => string) {
  return (message: IncomingMessage, out: ServerResponse): void => {
    relay(toRequest(message, base()))
      .then((response) => send(response, out))
      .catch(() => {
        // createRelay answers every failure itself; this only guards against a broken connection.
        if (!out.headersSent) out.writeHead(500);
        out.end();
      });
  };
}

/**
 * Runs the token relay as a Node HTTP server, for `npm run relay`, a container, or tests. The relay answers under
 * any path ending in `/token` or `/revocation`.
 */
export async function startNodeRelay(options: NodeRelayOptions): Promise<NodeRelay> {
  const { host = "127.0.0.1", port = 0, ...relayOptions } = options;
  const relay = createRelay(relayOptions);
  let url = "";
  const server = createServer(serve(relay, () => url));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostname = address.family === "IPv6" ? `[${address.address}]` : address.address;
  url = `http://${hostname}:${address.port}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
