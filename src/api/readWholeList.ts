import type { ApiTransport } from "./createApiTransport";
import { readAllPages, type ListPage } from "./readAllPages";
import { readList } from "./readList";

/**
 * Reads a whole list endpoint page by page (see readAllPages). `what` names the list in a "cannot read" error,
 * `action` completes "You are not allowed to …".
 */
export function readWholeList<T>(
  transport: ApiTransport,
  path: string,
  what: string,
  action: string,
  signal?: AbortSignal,
): Promise<T[]> {
  return readAllPages(async (offset, count): Promise<ListPage<T>> => {
    const envelope = await transport.request<unknown>(path, { query: { count, offset }, signal, action });
    return { items: readList<T>(envelope.payload, what), total: envelope.recordCount?.totalRecordsFound };
  });
}
