import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fallbackSiteFacts, HASHED_DIR, headersForFile, readSiteFacts, type SiteFacts } from "./siteHeaders";

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
  /**
   * What a path that is no file gets. "rewrite" (default): index.html with 200, as nginx `try_files` or a
   * `_redirects` rewrite give. "404.html": that file with status 404, as page hosts without rewrites (GitHub Pages) do.
   */
  fallback?: "rewrite" | "404.html";
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

/**
 * Serves a built Valet the way a static host does: files as they are, `index.html` for any other path (deep links),
 * with the headers of docs/deploying.md computed from the config it serves (scripts/siteHeaders.ts): the CSP, hashed
 * files cached for good, everything else never cached.
 */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  const basePath = options.basePath ?? "/";

  const readConfig = async (): Promise<unknown> =>
    options.config ? options.config() : JSON.parse(await readFile(join(root, "config.json"), "utf8"));
  // Read per request, as a host serves whatever config.json holds now.
  const siteFacts = async (): Promise<SiteFacts> => {
    try {
      // This server speaks http only, so no HSTS (a browser would ignore it, and it would bind all of localhost).
      return readSiteFacts(await readConfig(), { basePath, https: false });
    } catch {
      return fallbackSiteFacts(basePath, false);
    }
  };
  const notFound = async (response: ServerResponse) => {
    const headers = headersForFile(await siteFacts(), `${basePath}404`);
    // Nothing to cache: a file that appears later must not be hidden by a cached 404.
    delete headers["Cache-Control"];
    response.writeHead(404, { ...headers, "Content-Type": "text/plain" }).end("Not found");
  };

  const send = async (response: ServerResponse, file: string, sitePath: string, status = 200) => {
    const info = await stat(file);
    response.writeHead(status, {
      ...headersForFile(await siteFacts(), sitePath),
      "Content-Type": contentTypes[extname(file)] ?? "application/octet-stream",
      "Content-Length": String(info.size),
    });
    createReadStream(file).pipe(response);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const { pathname } = new URL(request.url ?? "/", "http://static.invalid");
    if (basePath !== "/" && pathname === basePath.slice(0, -1)) {
      // "/valet" is the directory "/valet/", as static hosts (and the nginx snippet) answer; the router links its
      // start page this way.
      response.writeHead(301, { Location: basePath }).end();
      return;
    }
    if (!pathname.startsWith(basePath)) {
      await notFound(response);
      return;
    }
    const relative = decodeURIComponent(pathname.slice(basePath.length));
    if (relative === "config.json" && options.config) {
      const body = JSON.stringify(options.config());
      response.writeHead(200, {
        ...headersForFile(await siteFacts(), pathname),
        "Content-Type": contentTypes[".json"],
      });
      response.end(body);
      return;
    }
    const file = normalize(join(root, relative));
    if (file !== root && !file.startsWith(root + sep)) {
      await notFound(response);
      return;
    }
    const isFile = await stat(file).then(
      (info) => info.isFile(),
      () => false,
    );
    if (isFile) {
      await send(response, file, pathname);
      return;
    }
    if (relative === "" || relative.endsWith("/")) {
      // A directory: its index.html, as static hosts do (the base path itself is the app's start page).
      const index = join(file, "index.html");
      const hasIndex = await stat(index).then(
        (info) => info.isFile(),
        () => false,
      );
      if (hasIndex) {
        await send(response, index, `${pathname}index.html`);
        return;
      }
    }
    if (relative.startsWith(`${HASHED_DIR}/`)) {
      // A hashed file that is not there is a real 404, never the app (which would then be cached as that file).
      await notFound(response);
      return;
    }
    // A deep link: the app's router decides what it shows.
    if (options.fallback === "404.html") {
      await send(response, join(root, "404.html"), `${basePath}404.html`, 404);
    } else {
      await send(response, join(root, "index.html"), `${basePath}index.html`);
    }
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
