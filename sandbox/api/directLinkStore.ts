import { randomUUID } from "node:crypto";

export type DirectLinkSize = { type: "Original" } | { type: "Custom"; width: number; height: number };

/** A CDN link to one rendition of an asset, served without credentials until the sandbox stops. */
export interface DirectLinkRecord {
  readonly directLinkId: string;
  readonly assetId: string;
  readonly linkName: string;
  readonly format: string;
  readonly size: DirectLinkSize;
  readonly isUniqueLink: boolean;
  readonly createdAt: string;
  readonly createdBy: string;
}

export interface DirectLinkStore {
  /** Newest first. */
  forAsset(assetId: string): DirectLinkRecord[];
  find(directLinkId: string): DirectLinkRecord | undefined;
  create(fields: Omit<DirectLinkRecord, "directLinkId" | "createdAt">): DirectLinkRecord;
}

export function createDirectLinkStore(now: () => Date = () => new Date()): DirectLinkStore {
  const links: DirectLinkRecord[] = [];
  const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
  return {
    forAsset: (assetId) => links.filter((link) => same(link.assetId, assetId)).reverse(),
    find: (directLinkId) => links.find((link) => same(link.directLinkId, directLinkId)),
    create(fields) {
      const link: DirectLinkRecord = {
        ...fields,
        directLinkId: randomUUID(),
        createdAt: now().toISOString(),
      };
      links.push(link);
      return link;
    },
  };
}
