/**
 * The `multipart/mixed` batch format of `POST /bulk` (RFC 2046 §5.1 for the envelope, RFC 9112 for each part's
 * `application/http` message). MediaValet's own SDK (MVS) writes every line with CRLF, gives each part the header
 * `Content-Type: application/http; msgtype=request`, and reads the answer's boundary from its first 38 characters
 * (`--` and a 36-character GUID), so the answer uses a bare GUID as its boundary.
 */

/** One request as a batch part carries it. */
export interface BatchRequest {
  method: string;
  /** The request-target as written: a path (`/assets/…`) or an absolute URL. */
  target: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/** One answer, written back as an `application/http; msgtype=response` part. */
export interface BatchResponse {
  status: number;
  reason: string;
  headers: Record<string, string>;
  body: string;
}

/** A batch the parser cannot read; the whole `/bulk` request is refused with 400 and this message. */
export class BatchSyntaxError extends Error {
  override readonly name = "BatchSyntaxError";
}

const CRLF = "\r\n";
/** RFC 2046 `bchars`: what a boundary may contain (a space only inside, never last). */
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const REQUEST_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+) (\S+) HTTP\/1\.1$/;

/** The `boundary` parameter of a `multipart/mixed` Content-Type, or a BatchSyntaxError saying what is wrong. */
export function batchBoundary(contentType: string | undefined): string {
  const [type = "", ...parameters] = (contentType ?? "").split(";");
  if (type.trim().toLowerCase() !== "multipart/mixed") {
    throw new BatchSyntaxError(
      `Content-Type must be multipart/mixed with a boundary, not "${type.trim() || "none"}".`,
    );
  }
  for (const parameter of parameters) {
    const separator = parameter.indexOf("=");
    if (separator < 0 || parameter.slice(0, separator).trim().toLowerCase() !== "boundary") continue;
    let value = parameter.slice(separator + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (!BOUNDARY.test(value)) {
      throw new BatchSyntaxError(
        "The boundary must be 1 to 70 characters from RFC 2046's set and must not end with a space.",
      );
    }
    return value;
  }
  throw new BatchSyntaxError("The multipart/mixed Content-Type has no boundary parameter.");
}

/** Splits `text` at its first blank line into header lines and the rest; every line must end with CRLF. */
function splitHead(text: string, what: string): { lines: string[]; rest: string } {
  const end = text.indexOf(CRLF + CRLF);
  if (end < 0) {
    const hint = text.includes("\n\n") ? " (lines must end with CRLF, not a bare LF)" : "";
    throw new BatchSyntaxError(`${what} has no blank line after its headers${hint}.`);
  }
  return { lines: end === 0 ? [] : text.slice(0, end).split(CRLF), rest: text.slice(end + 4) };
}

function readHeaders(lines: readonly string[], what: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    const name = colon > 0 ? line.slice(0, colon) : "";
    if (!TOKEN.test(name) || line.includes("\n") || line.includes("\r")) {
      throw new BatchSyntaxError(`${what} has a malformed header line: "${line.slice(0, 80)}".`);
    }
    headers[name.toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function readPart(part: string, number: number): BatchRequest {
  const what = `Part ${number}`;
  // A part may have no headers at all, in which case it starts with the blank line.
  const head = part.startsWith(CRLF) ? { lines: [], rest: part.slice(2) } : splitHead(part, what);
  const partHeaders = readHeaders(head.lines, what);
  const [type = "", ...parameters] = (partHeaders["content-type"] ?? "").split(";");
  if (type.trim().toLowerCase() !== "application/http") {
    throw new BatchSyntaxError(`${what} must have Content-Type: application/http; msgtype=request.`);
  }
  const msgtype = parameters
    .map((parameter) => parameter.split("="))
    .find(([name]) => name?.trim().toLowerCase() === "msgtype")?.[1]
    ?.trim()
    .toLowerCase();
  if (msgtype !== undefined && msgtype !== "request") {
    throw new BatchSyntaxError(`${what} is msgtype=${msgtype}; a batch carries requests only.`);
  }

  const message = splitHead(head.rest, `${what}'s HTTP request`);
  const [requestLine = "", ...headerLines] = message.lines;
  const line = REQUEST_LINE.exec(requestLine);
  if (!line) {
    throw new BatchSyntaxError(
      `${what} does not start with a request line such as "POST /assets/{id}/keywords HTTP/1.1": "${requestLine.slice(0, 80)}".`,
    );
  }
  const headers = readHeaders(headerLines, `${what}'s HTTP request`);
  let body = message.rest;
  const declared = headers["content-length"];
  if (declared !== undefined) {
    const bytes = Buffer.from(body, "utf8");
    if (!/^\d+$/.test(declared) || Number(declared) > bytes.length) {
      throw new BatchSyntaxError(`${what}'s Content-Length ${declared} does not match its body.`);
    }
    body = bytes.subarray(0, Number(declared)).toString("utf8");
  }
  return { method: line[1] ?? "", target: line[2] ?? "", headers, body };
}

/**
 * Reads a batch body: an optional preamble, then parts each opened by a `--boundary` line, closed by
 * `--boundary--`; whatever follows the close is the epilogue and is ignored. Delimiter lines may carry trailing
 * spaces or tabs (transport padding). Anything else is a BatchSyntaxError naming the part and the problem.
 */
export function parseBatch(body: string, boundary: string): BatchRequest[] {
  const delimiter = `--${boundary}`;
  // Every delimiter but a leading one is preceded by CRLF, which belongs to the delimiter, not to the part.
  const text = CRLF + body;
  const marker = CRLF + delimiter;
  let position = text.indexOf(marker);
  if (position < 0) {
    const hint = body.includes(`\n${delimiter}`) ? " (lines must end with CRLF, not a bare LF)" : "";
    throw new BatchSyntaxError(`The body has no "${delimiter}" delimiter line${hint}.`);
  }
  const parts: BatchRequest[] = [];
  for (;;) {
    let cursor = position + marker.length;
    const closing = text.startsWith("--", cursor);
    if (closing) cursor += 2;
    while (text[cursor] === " " || text[cursor] === "\t") cursor++;
    if (closing) break;
    if (!text.startsWith(CRLF, cursor)) {
      throw new BatchSyntaxError(
        `The delimiter line before part ${parts.length + 1} does not end with CRLF.`,
      );
    }
    cursor += 2;
    const next = text.indexOf(marker, cursor);
    if (next < 0) {
      throw new BatchSyntaxError(`The body ends without the closing "${delimiter}--" line.`);
    }
    parts.push(readPart(text.slice(cursor, next), parts.length + 1));
    position = next;
  }
  return parts;
}

/** Writes the answer's body: one `application/http; msgtype=response` part per answer, in order. */
export function writeBatch(responses: readonly BatchResponse[], boundary: string): string {
  const parts = responses.map((response) => {
    const headers = Object.entries({ ...response.headers, "Content-Length": "" })
      .map(([name, value]) =>
        name === "Content-Length" ? `${name}: ${Buffer.byteLength(response.body)}` : `${name}: ${value}`,
      )
      .join(CRLF);
    return (
      `--${boundary}${CRLF}Content-Type: application/http; msgtype=response${CRLF}${CRLF}` +
      `HTTP/1.1 ${response.status} ${response.reason}${CRLF}${headers}${CRLF}${CRLF}${response.body}${CRLF}`
    );
  });
  return `${parts.join("")}--${boundary}--${CRLF}`;
}
