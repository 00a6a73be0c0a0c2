import { failedToSend } from "./failedToSend";

/** The response body as text; a body cut off (aborted, connection lost) fails like the call itself. */
export async function readText(
  response: Response,
  signal: AbortSignal | undefined,
  host: string,
): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    throw failedToSend(error, signal, host);
  }
}
