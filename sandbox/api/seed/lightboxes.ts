import { USERS } from "../../users";

/** A lightbox as the sandbox keeps it: a named, owned list of assets that its owner may share with others. */
export interface LightboxRecord {
  readonly id: string;
  name: string;
  description: string;
  readonly ownerId: string;
  /** Users who may see (not change) the lightbox besides its owner. */
  readonly sharedWith: readonly string[];
  /** In the order they were added. */
  readonly assetIds: string[];
  readonly createdAt: string;
  modifiedAt: string;
  modifiedBy: string;
}

function userId(username: string): string {
  const user = USERS.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`The lightbox seed names an unknown user ${username}.`);
  return user.id;
}

/**
 * The seeded lightboxes, filled from the newest assets by position (`picks` are indexes into the library's asset
 * list, newest first): three of demo's own, one of alex's shared with demo, and one alex keeps to himself (which demo
 * must never see, in a list or through a search's containerFilter).
 */
export function seedLightboxes(assetIds: readonly string[]): LightboxRecord[] {
  const pick = (...indexes: number[]): string[] => indexes.flatMap((index) => assetIds[index] ?? []);
  const demo = userId("demo");
  const alex = userId("alex");
  const make = (
    id: string,
    name: string,
    description: string,
    ownerId: string,
    sharedWith: string[],
    picks: string[],
    createdAt: string,
  ): LightboxRecord => ({
    id,
    name,
    description,
    ownerId,
    sharedWith,
    assetIds: picks,
    createdAt,
    modifiedAt: createdAt,
    modifiedBy: ownerId,
  });
  return [
    make(
      "0b9d6f0e-4c1a-4e8b-9a57-1f2e3d4c5b01",
      "Spring campaign",
      "Shortlist for the spring brochure",
      demo,
      [],
      pick(0, 2, 4, 6, 8, 10, 12, 14),
      "2024-02-12T10:00:00.000Z",
    ),
    make(
      "0b9d6f0e-4c1a-4e8b-9a57-1f2e3d4c5b02",
      "Website refresh",
      "",
      demo,
      [],
      pick(1, 3, 5),
      "2024-03-04T15:30:00.000Z",
    ),
    make(
      "0b9d6f0e-4c1a-4e8b-9a57-1f2e3d4c5b03",
      "Empty for now",
      "",
      demo,
      [],
      [],
      "2024-04-01T09:00:00.000Z",
    ),
    make(
      "0b9d6f0e-4c1a-4e8b-9a57-1f2e3d4c5b04",
      "Brand picks (from Alex)",
      "Alex's selection, shared with Dana",
      alex,
      [demo],
      pick(20, 21, 22, 23, 24),
      "2023-11-20T08:15:00.000Z",
    ),
    make(
      "0b9d6f0e-4c1a-4e8b-9a57-1f2e3d4c5b05",
      "Alex's private board",
      "",
      alex,
      [],
      pick(30, 31),
      "2023-12-01T12:00:00.000Z",
    ),
  ];
}
