import { RelayRefusal } from "./RelayRefusal.ts";

const FORM_TYPE = "application/x-www-form-urlencoded";

/**
 * Reads a form body of at most `maxBytes`. The declared Content-Length is only a first check: the bytes are counted
 * as they arrive, so a body that lies about its length (or declares none) is cut off at the limit all the same.
 */
export async function readFormBody(request: Request, maxBytes: number): Promise<URLSearchParams> {
  const mediaType = (request.headers.get("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (mediaType !== FORM_TYPE) {
    throw new RelayRefusal(415, "invalid_request", `The token relay accepts only a ${FORM_TYPE} body.`);
  }
  const tooLarge = () =>
    new RelayRefusal(
      413,
      "invalid_request",
      `The request body is larger than the relay's limit of ${maxBytes} bytes.`,
    );
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > maxBytes) throw tooLarge();
  if (request.body === null) return new URLSearchParams();

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new RelayRefusal(400, "invalid_request", "The request body is not valid UTF-8.");
  }
  return new URLSearchParams(text);
}
