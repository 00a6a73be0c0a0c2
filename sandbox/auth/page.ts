import { createHash } from "node:crypto";
import type { Context } from "koa";
import { escapeHtml } from "../html";

/** System fonts only: the sandbox must render offline, so its pages load nothing from anywhere else. */
const STYLE = `
:root { color-scheme: light dark; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: Canvas; color: CanvasText; }
main { width: min(24rem, calc(100vw - 2rem)); padding: 2rem; border: 1px solid GrayText; border-radius: 0.5rem; }
h1 { font-size: 1.4rem; margin: 0 0 1rem; }
form { display: grid; gap: 0.5rem; }
label { font-weight: 600; margin-top: 0.5rem; }
input { font: inherit; padding: 0.5rem; border: 1px solid GrayText; border-radius: 0.25rem; }
button { font: inherit; margin-top: 1rem; padding: 0.6rem; border: 0; border-radius: 0.25rem; background: #1b5fb4; color: #fff; cursor: pointer; }
button:focus-visible, input:focus-visible { outline: 3px solid #f0a800; outline-offset: 2px; }
[role="alert"] { padding: 0.6rem; border-radius: 0.25rem; background: #fde7e9; color: #8a1020; border: 1px solid #8a1020; }
.note { font-size: 0.875rem; opacity: 0.8; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
`;

export interface PageOptions {
  title: string;
  /** Trusted HTML: callers escape whatever they put in it. */
  body: string;
  /** An inline script, allowed by hash in the Content-Security-Policy. */
  script?: string;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("base64");
}

/** Writes a complete HTML page with a policy that allows nothing but its own inline style (and script). */
export function sendPage(ctx: Context, status: number, options: PageOptions): void {
  const scriptSrc = options.script === undefined ? "'none'" : `'sha256-${sha256(options.script)}'`;
  ctx.status = status;
  ctx.type = "html";
  ctx.set("Cache-Control", "no-store");
  ctx.set(
    "Content-Security-Policy",
    `default-src 'none'; style-src 'sha256-${sha256(STYLE)}'; script-src ${scriptSrc}; ` +
      "img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'",
  );
  ctx.body = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<main>
${options.body}
</main>
${options.script === undefined ? "" : `<script>${options.script}</script>`}
</body>
</html>
`;
}
