import { BulkFormatError, readBoundary, readBulkResponse, writeBulkRequest } from "./bulkMultipart";
import type { BulkPartResponse, BulkRequest } from "./bulkMultipart";
import { badResponse } from "./badResponse";
import type { ApiTransport } from "./createApiTransport";

export interface BulkEndpoints {
  /**
   * `POST /bulk`: sends up to 200 requests as one `multipart/mixed` batch and returns each one's answer, in order.
   * Each part succeeds or fails on its own; the call throws ApiError only when the batch as a whole is refused
   * (e.g. `throttled` with `retryAfterSeconds` on a 429, or a 400 for a malformed batch).
   */
  sendBulk(requests: readonly BulkRequest[], signal?: AbortSignal): Promise<BulkPartResponse[]>;
}

/** The bulk call of the MediaValet API (research §2.7). */
export function createBulkEndpoints(transport: ApiTransport): BulkEndpoints {
  return {
    async sendBulk(requests, signal) {
      const batch = writeBulkRequest(requests);
      const answer = await transport.requestText("/bulk", {
        method: "POST",
        body: batch.body,
        contentType: batch.contentType,
        signal,
        action: "change many assets at once",
      });
      try {
        const parts = readBulkResponse(answer.text, readBoundary(answer.contentType));
        if (parts.length !== requests.length) {
          throw new BulkFormatError(`it answers ${parts.length} of ${requests.length} requests`);
        }
        return parts;
      } catch (error) {
        if (error instanceof BulkFormatError)
          throw badResponse(`the bulk answer is unreadable (${error.message})`, error);
        throw error;
      }
    },
  };
}
