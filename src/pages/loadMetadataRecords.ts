import type { ApiClient } from "../api";
import { isRecord } from "../api/isRecord";
import { normalizeAsset } from "../api/normalizeAsset";
import { normalizeEnvelope } from "../api/normalizeEnvelope";
import { readPartOutcome } from "../api/readPartOutcome";
import type { SelectedAsset } from "./createSelection";
import type { MetadataRecord } from "./metadataCsv";
import { MAX_BULK_PARTS } from "./runBulk";

/**
 * Reads the current metadata of every asset, 200 to a `POST /bulk` of `GET /assets/{id}` requests: one request per
 * 200 assets rather than one each.
 * @throws Error naming the assets that could not be read
 */
export async function loadMetadataRecords(
  api: ApiClient,
  assets: readonly SelectedAsset[],
  signal?: AbortSignal,
): Promise<MetadataRecord[]> {
  const records: MetadataRecord[] = [];
  const failed: string[] = [];
  for (let start = 0; start < assets.length; start += MAX_BULK_PARTS) {
    const batch = assets.slice(start, start + MAX_BULK_PARTS);
    const answers = await api.sendBulk(
      batch.map((asset) => ({ method: "GET", path: `/assets/${encodeURIComponent(asset.id)}` })),
      signal,
    );
    answers.forEach((answer, index) => {
      const asset = batch[index];
      if (!asset) return;
      const outcome = readPartOutcome(answer);
      const payload =
        outcome.state === "succeeded" ? normalizeEnvelope(JSON.parse(answer.body))?.payload : undefined;
      if (!isRecord(payload)) {
        failed.push(
          `${asset.title} (${outcome.state === "failed" ? outcome.reason : "no asset in the answer"})`,
        );
        return;
      }
      const full = normalizeAsset(payload);
      records.push({
        id: full.id,
        title: full.title,
        description: full.description ?? "",
        altText: full.altText ?? "",
        keywords: full.keywords ?? [],
        attributes: full.attributes ?? {},
      });
    });
  }
  if (failed.length > 0) throw new Error(`These assets could not be read: ${failed.join("; ")}.`);
  return records;
}
