/**
 * The `multipart/mixed` format of MediaValet's `POST /bulk` (research §2.7): RFC 2046 §5.1 for the envelope, one
 * `application/http` message (RFC 9112) per part. MediaValet's SDK writes every line with CRLF and one
 * `Content-Type: application/http; msgtype=request` part per request; the answer has one
 * `application/http; msgtype=response` part per request, in the same order, each with its own status line.
 */

/** One request carried in a batch. */
export interface BulkRequest {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** An API path such as `/assets/{id}/keywords`, already encoded. */
  path: string;
  /** Sent as JSON; left out when undefined. */
  body?: unknown;
  /** Defaults to `application/json` when there is a body. */
  contentType?: string;
}

/** One answer read from a batch response. */
export interface BulkPartResponse {
  status: number;
  reason: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/** A batch answer that cannot be read; nothing in it can be trusted, so the whole batch counts as failed. */
export class BulkFormatError extends Error {
  override readonly name = "BulkFormatError";
}

const CRLF = "\r\n";
const STATUS_LINE = /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/;

/** UTF-8 bytes. A function, not a module-level encoder: top-level code would keep this module in every bundle that imports the API's index. */
function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A boundary that occurs in none of the bodies, as RFC 2046 requires. */
export function chooseBoundary(bodies: readonly string[], random: () => string = randomToken): string {
  for (;;) {
    const boundary = `batch_${random()}`;
    if (!bodies.some((body) => body.includes(boundary))) return boundary;
  }
}

function randomToken(): string {
  return crypto.randomUUID();
}

function bodyText(request: BulkRequest): string | undefined {
  return request.body === undefined ? undefined : JSON.stringify(request.body);
}

/**
 * Writes a batch body for `requests`, and the Content-Type to send it with.
 * @param boundary chosen by {@link chooseBoundary} when not given
 */
export function writeBulkRequest(
  requests: readonly BulkRequest[],
  boundary?: string,
): { contentType: string; body: string } {
  const bodies = requests.map(bodyText);
  const chosen = boundary ?? chooseBoundary(bodies.filter((body) => body !== undefined));
  const parts = requests.map((request, index) => {
    const body = bodies[index];
    const lines = [`${request.method} ${request.path} HTTP/1.1`];
    if (body !== undefined) {
      lines.push(`Content-Type: ${request.contentType ?? "application/json"}`);
      // The length lets a reader tell the body from the CRLF that belongs to the next delimiter.
      lines.push(`Content-Length: ${utf8(body).length}`);
    }
    return (
      `--${chosen}${CRLF}Content-Type: application/http; msgtype=request${CRLF}${CRLF}` +
      `${lines.join(CRLF)}${CRLF}${CRLF}${body ?? ""}${CRLF}`
    );
  });
  return {
    contentType: `multipart/mixed; boundary=${chosen}`,
    body: `${parts.join("")}--${chosen}--${CRLF}`,
  };
}

/** The `boundary` parameter of a `multipart/mixed` Content-Type (quoted or not). */
export function readBoundary(contentType: string | null): string {
  const [type = "", ...parameters] = (contentType ?? "").split(";");
  if (type.trim().toLowerCase() !== "multipart/mixed") {
    throw new BulkFormatError(`The batch answer is ${type.trim() || "untyped"}, not multipart/mixed.`);
  }
  for (const parameter of parameters) {
    const separator = parameter.indexOf("=");
    if (separator < 0 || parameter.slice(0, separator).trim().toLowerCase() !== "boundary") continue;
    const value = parameter.slice(separator + 1).trim();
    const unquoted =
      value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
    if (unquoted !== "") return unquoted;
  }
  throw new BulkFormatError("The batch answer names no boundary.");
}

function splitHead(text: string, what: string): { lines: string[]; rest: string } {
  if (text.startsWith(CRLF)) return { lines: [], rest: text.slice(2) };
  const end = text.indexOf(CRLF + CRLF);
  if (end < 0) throw new BulkFormatError(`${what} has no blank line after its headers.`);
  return { lines: text.slice(0, end).split(CRLF), rest: text.slice(end + 4) };
}

function readHeaders(lines: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function readPart(part: string, number: number): BulkPartResponse {
  const what = `Answer ${number}`;
  const outer = splitHead(part, what);
  const type = readHeaders(outer.lines)["content-type"]?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/http") {
    throw new BulkFormatError(`${what} is ${type ?? "untyped"}, not application/http.`);
  }
  const message = splitHead(outer.rest, `${what}'s HTTP message`);
  const [statusLine = "", ...headerLines] = message.lines;
  const status = STATUS_LINE.exec(statusLine);
  if (!status) throw new BulkFormatError(`${what} has no status line: "${statusLine.slice(0, 60)}".`);
  const headers = readHeaders(headerLines);
  let body = message.rest;
  const length = headers["content-length"];
  if (length !== undefined && /^\d+$/.test(length)) {
    const bytes = utf8(body);
    if (Number(length) <= bytes.length) body = new TextDecoder().decode(bytes.subarray(0, Number(length)));
  }
  return { status: Number(status[1]), reason: status[2] ?? "", headers, body };
}

/**
 * Reads a batch answer: an optional preamble, parts opened by `--boundary` lines, the closing `--boundary--` and
 * an ignored epilogue. Only a delimiter at the start of a line ends a part, so a body may mention the boundary.
 */
export function readBulkResponse(text: string, boundary: string): BulkPartResponse[] {
  const delimiter = `${CRLF}--${boundary}`;
  // The CRLF before a delimiter belongs to it; the first delimiter may open the body with no CRLF before it.
  const body = CRLF + text;
  let position = body.indexOf(delimiter);
  if (position < 0) throw new BulkFormatError("The batch answer has no parts.");
  const parts: BulkPartResponse[] = [];
  for (;;) {
    let cursor = position + delimiter.length;
    if (body.startsWith("--", cursor)) return parts;
    while (body[cursor] === " " || body[cursor] === "\t") cursor++;
    if (!body.startsWith(CRLF, cursor)) {
      throw new BulkFormatError(`The delimiter before answer ${parts.length + 1} does not end its line.`);
    }
    cursor += 2;
    const next = body.indexOf(delimiter, cursor);
    if (next < 0) throw new BulkFormatError("The batch answer ends without its closing delimiter.");
    parts.push(readPart(body.slice(cursor, next), parts.length + 1));
    position = next;
  }
}
