import { randomUUID } from "node:crypto";
import { seedLightboxes, type LightboxRecord } from "./seed/lightboxes";

/** Every lightbox of one sandbox, seeded at start; changes live as long as the sandbox. */
export interface LightboxStore {
  /** The caller's own lightboxes, then those shared with the caller, each by name. */
  visibleTo(userId: string): LightboxRecord[];
  /** A lightbox the caller may see (ids ignore case), or undefined: someone else's private one does not exist. */
  find(id: string, userId: string): LightboxRecord | undefined;
  create(ownerId: string, name: string, description: string, now: Date): LightboxRecord;
  remove(lightbox: LightboxRecord): void;
  /** Ids of the lightboxes the caller may see that hold the asset. */
  idsHolding(assetId: string, userId: string): string[];
}

const byName = (a: LightboxRecord, b: LightboxRecord): number => a.name.localeCompare(b.name);

export function createLightboxStore(assetIds: readonly string[]): LightboxStore {
  const lightboxes = seedLightboxes(assetIds);
  const canSee = (lightbox: LightboxRecord, userId: string): boolean =>
    lightbox.ownerId === userId || lightbox.sharedWith.includes(userId);
  return {
    visibleTo: (userId) => [
      ...lightboxes.filter((lightbox) => lightbox.ownerId === userId).sort(byName),
      ...lightboxes.filter((lightbox) => lightbox.sharedWith.includes(userId)).sort(byName),
    ],
    find: (id, userId) =>
      lightboxes.find(
        (lightbox) => lightbox.id.toLowerCase() === id.toLowerCase() && canSee(lightbox, userId),
      ),
    create(ownerId, name, description, now) {
      const lightbox: LightboxRecord = {
        id: randomUUID(),
        name,
        description,
        ownerId,
        sharedWith: [],
        assetIds: [],
        createdAt: now.toISOString(),
        modifiedAt: now.toISOString(),
        modifiedBy: ownerId,
      };
      lightboxes.push(lightbox);
      return lightbox;
    },
    remove(lightbox) {
      const index = lightboxes.indexOf(lightbox);
      if (index >= 0) lightboxes.splice(index, 1);
    },
    idsHolding: (assetId, userId) =>
      lightboxes
        .filter((lightbox) => canSee(lightbox, userId) && lightbox.assetIds.includes(assetId))
        .map((lightbox) => lightbox.id),
  };
}
