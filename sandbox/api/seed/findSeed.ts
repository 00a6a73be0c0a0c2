import { USERS } from "../../users";
import type { AssetRecord, AssetType } from "./assets";
import { CAMPAIGN } from "./attributes";
import { categoryIdsFor } from "./categories";
import { createRandom, type Random } from "./random";

/**
 * What the find features need from the seed that the first seed did not give: every asset type (Audio and Other
 * too), statuses other than approved, approval dates, ratings, values for the Campaign select list, and videos with
 * an HLS stream. Each part draws from a random stream of its own, so the ids and values of the 261 first assets stay
 * what they were.
 */

const EXTRA_SEED = 20240603;
const DETAIL_SEED = 20240604;
const DAY_MS = 24 * 60 * 60 * 1000;
/** MediaValet's status codes (research §2.4): approved, pending, rejected, expired. */
const APPROVED = 0;

interface ExtraFile {
  type: AssetType;
  title: string;
  extension: string;
  fileType: string;
  mimeType: string;
  status: number;
  keywords: string[];
  categories: string[];
}

const audio = (title: string, extension: string, mimeType: string, status = APPROVED): ExtraFile => ({
  type: "Audio",
  title,
  extension,
  fileType: extension.toUpperCase(),
  mimeType,
  status,
  keywords: ["audio", ...title.toLowerCase().split(" ").slice(0, 2)],
  categories: ["Interviews"],
});

const other = (title: string, extension: string, mimeType: string, status = APPROVED): ExtraFile => ({
  type: "Other",
  title,
  extension,
  fileType: extension.toUpperCase(),
  mimeType,
  status,
  keywords: ["source files", ...title.toLowerCase().split(" ").slice(0, 1)],
  categories: ["Documents"],
});

const EXTRA_FILES: readonly ExtraFile[] = [
  audio("Podcast episode 12", "mp3", "audio/mpeg"),
  audio("Podcast episode 13", "mp3", "audio/mpeg"),
  audio("Jingle full mix", "wav", "audio/wav"),
  audio("Jingle radio edit", "wav", "audio/wav", 2),
  audio("Customer interview audio", "m4a", "audio/mp4"),
  audio("Keynote voice-over", "mp3", "audio/mpeg", 5),
  other("Brand fonts", "zip", "application/zip"),
  other("Logo source files", "ai", "application/postscript"),
  other("Campaign layout", "indd", "application/x-indesign", 2),
  other("Product 3D model", "glb", "model/gltf-binary"),
  other("Press photos archive", "zip", "application/zip", 7),
  other("Sales figures export", "csv", "text/csv"),
];

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function buildExtra(file: ExtraFile, random: Random): AssetRecord {
  const creators = USERS.filter((user) => !user.locked);
  const createdAt = new Date(
    Date.UTC(2023, 0, 1) + random.int(0, 900) * DAY_MS + random.int(8, 18) * 3600_000,
  );
  const createdBy = random.pick(creators).id;
  return {
    id: random.guid(),
    title: file.title,
    description: `${file.type === "Audio" ? "Audio" : "File"}: ${file.title.toLowerCase()}.`,
    altText: "",
    status: file.status,
    type: file.type,
    fileName: `${slug(file.title)}.${file.extension}`,
    fileType: file.fileType,
    mimeType: file.mimeType,
    sizeInBytes: random.int(200_000, 90_000_000),
    // Audio and other files have no picture of their own: their previews are square placeholders.
    width: 800,
    height: 800,
    createdAt: createdAt.toISOString(),
    uploadedAt: createdAt.toISOString(),
    modifiedAt: createdAt.toISOString(),
    createdBy,
    modifiedBy: createdBy,
    keywords: [...new Set(file.keywords)],
    categories: categoryIdsFor(file.categories),
    attributes: {},
  };
}

/** Three of the four campaigns on a handful of assets each; "Spring launch" on none, so its count is zero. */
const CAMPAIGN_ASSIGNMENTS: readonly [value: string, howMany: number][] = [
  [CAMPAIGN.optionsList[1] ?? "", 4],
  [CAMPAIGN.optionsList[2] ?? "", 5],
  [CAMPAIGN.optionsList[3] ?? "", 3],
];

/**
 * Adds the twelve Audio and Other assets, then gives every asset its approval date (approved ones only), its
 * average rating (about a third unrated) and the teaser videos their HLS stream, and files a few assets under each
 * tricky Campaign value.
 */
export function withFindDetails(assets: readonly AssetRecord[]): AssetRecord[] {
  const extraRandom = createRandom(EXTRA_SEED);
  const all = [...assets, ...EXTRA_FILES.map((file) => buildExtra(file, extraRandom))];
  const random = createRandom(DETAIL_SEED);
  for (const asset of all) {
    if (asset.status === APPROVED) {
      asset.approvedAt = new Date(Date.parse(asset.uploadedAt) + random.int(0, 10) * DAY_MS).toISOString();
    }
    asset.averageRating = random.next() < 0.35 ? 0 : random.int(10, 50) / 10;
    if (asset.type === "Video" && / teaser$/.test(asset.title)) asset.streams = true;
  }
  let index = 0;
  for (const [value, howMany] of CAMPAIGN_ASSIGNMENTS) {
    for (let n = 0; n < howMany; n++) {
      const asset = all[(index++ * 37) % all.length];
      if (asset) asset.attributes[CAMPAIGN.id] = value;
    }
  }
  return all;
}
