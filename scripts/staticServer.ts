import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";

export interface StaticServerOptions {
  /** The built site, e.g. "dist". */
  root: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The base path the site was built for, starting and ending with "/". */
  basePath?: string;
  /** Served as `config.json` instead of the file in `root`: the same build pointed at another server. */
  config?: () => unknown;
}

export interface StaticServer {
  /** The site's URL, ending with its base path. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

/** Headers any static host should send; see README "Deploying". */
function baseHeaders(): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
  };
}

/**
 * Serves a built Valet the way a static host does: files as they are, `index.html` for any other path (deep links),
 * hashed assets cached for good, and `index.html` / `config.json` never cached.
 */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  const basePath = options.basePath ?? "/";

  const send = async (response: ServerResponse, file: string, cacheControl: string) => {
    const info = await stat(file);
    response.writeHead(200, {
      ...baseHeaders(),
      "Content-Type": contentTypes[extname(file)] ?? "application/octet-stream",
      "Content-Length": String(info.size),
      "Cache-Control": cacheControl,
    });
    createReadStream(file).pipe(response);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const { pathname } = new URL(request.url ?? "/", "http://static.invalid");
    if (!pathname.startsWith(basePath)) {
      response.writeHead(404, { ...baseHeaders(), "Content-Type": "text/plain" }).end("Not found");
      return;
    }
    const relative = decodeURIComponent(pathname.slice(basePath.length));
    if (relative === "config.json" && options.config) {
      const body = JSON.stringify(options.config());
      response.writeHead(200, {
        ...baseHeaders(),
        "Content-Type": contentTypes[".json"],
        "Cache-Control": "no-store",
      });
      response.end(body);
      return;
    }
    const file = normalize(join(root, relative));
    if (file !== root && !file.startsWith(root + sep)) {
      response.writeHead(404).end();
      return;
    }
    const isFile = await stat(file).then(
      (info) => info.isFile(),
      () => false,
    );
    if (isFile) {
      const immutable = relative.startsWith("assets/");
      const cache = immutable ? "public, max-age=31536000, immutable" : "no-store";
      await send(response, file, cache);
      return;
    }
    if (extname(relative) !== "") {
      response.writeHead(404, { ...baseHeaders(), "Content-Type": "text/plain" }).end("Not found");
      return;
    }
    // A deep link: the app's router decides what it shows.
    await send(response, join(root, "index.html"), "no-store");
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain" });
      response.end(`Internal error: ${String(error)}`);
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, host, () => done());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host}:${port}`;
  return {
    origin,
    url: `${origin}${basePath}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
