import { USERS } from "../../users";
import { attributeValuesFor } from "./attributes";
import { categoryIdsFor } from "./categories";
import { withFindDetails } from "./findSeed";
import { createRandom, type Random } from "./random";
import {
  DESCRIPTION_OPENERS,
  DOCUMENT_SUBJECTS,
  DOCUMENT_VARIANTS,
  IMAGE_SUBJECTS,
  IMAGE_VARIANTS,
  VIDEO_SUBJECTS,
  VIDEO_VARIANTS,
  type Subject,
  type Variant,
} from "./words";

export type AssetType = "Image" | "Video" | "Audio" | "Document" | "Other";

/**
 * A stored asset, before it is shaped into MediaValet's DTO (which needs the API's URL for its media links). The
 * fields people can edit through the API are mutable: writes last for the life of the sandbox.
 */
export interface AssetRecord {
  readonly id: string;
  title: string;
  description: string;
  altText: string;
  /** 0 = approved, as MediaValet's status codes. */
  readonly status: number;
  readonly type: AssetType;
  readonly fileName: string;
  readonly fileType: string;
  readonly mimeType: string;
  readonly sizeInBytes: number;
  readonly width: number;
  readonly height: number;
  readonly createdAt: string;
  readonly uploadedAt: string;
  modifiedAt: string;
  readonly createdBy: string;
  /** The user who last changed it; the creator until someone edits it. */
  modifiedBy: string;
  /** Keyword names, in the order they were added. */
  keywords: string[];
  categories: string[];
  attributes: Record<string, string>;
  /** When it was approved (status 0); absent for assets never approved. */
  approvedAt?: string;
  /** The average of everyone's star ratings, 0 when nobody rated it. */
  averageRating?: number;
  /** Whether `media.streamingManifest` links to the sandbox's HLS fixture (some videos only). */
  streams?: boolean;
}

interface FileKind {
  readonly extension: string;
  readonly fileType: string;
  readonly mimeType: string;
}

const FILE_KINDS: Record<AssetType, readonly FileKind[]> = {
  Image: [
    { extension: "jpg", fileType: "JPG", mimeType: "image/jpeg" },
    { extension: "jpg", fileType: "JPG", mimeType: "image/jpeg" },
    { extension: "png", fileType: "PNG", mimeType: "image/png" },
    { extension: "tif", fileType: "TIFF", mimeType: "image/tiff" },
  ],
  Video: [
    { extension: "mp4", fileType: "MP4", mimeType: "video/mp4" },
    { extension: "mov", fileType: "MOV", mimeType: "video/quicktime" },
  ],
  // Audio and Other appear only in the assets seed/findSeed.ts adds, which name their own files.
  Audio: [{ extension: "mp3", fileType: "MP3", mimeType: "audio/mpeg" }],
  Other: [{ extension: "zip", fileType: "ZIP", mimeType: "application/zip" }],
  Document: [
    { extension: "pdf", fileType: "PDF", mimeType: "application/pdf" },
    {
      extension: "pptx",
      fileType: "PPTX",
      mimeType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    },
    {
      extension: "docx",
      fileType: "DOCX",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    },
  ],
};

const IMAGE_SIZES: readonly [number, number][] = [
  [6000, 4000],
  [4032, 3024],
  [5472, 3648],
  [3000, 4000],
  [8000, 3000],
];
const VIDEO_SIZES: readonly [number, number][] = [
  [1920, 1080],
  [3840, 2160],
  [1080, 1920],
];
/** A4 at 150 dpi: documents get page-shaped previews. */
const DOCUMENT_SIZE: [number, number] = [1240, 1754];

/** Who uploaded the seeded assets: anyone who can sign in. */
const CREATORS = USERS.filter((user) => !user.locked);

const SEED = 20240601;
const ATTRIBUTE_SEED = 20240602;
const FIRST_DAY = Date.UTC(2022, 0, 1);
const LAST_DAY = Date.UTC(2025, 5, 30);
const DAY_MS = 24 * 60 * 60 * 1000;

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function describe(type: AssetType, title: string, random: Random): string {
  const kind = type === "Image" ? "Photograph" : type;
  return `${kind}: ${title.toLowerCase()}. ${random.pick(DESCRIPTION_OPENERS)}`;
}

function buildAsset(type: AssetType, subject: Subject, variant: Variant, random: Random): AssetRecord {
  const title = `${subject.name} ${variant.text}`;
  const file = random.pick(FILE_KINDS[type]);
  const [width, height] =
    type === "Image" ? random.pick(IMAGE_SIZES) : type === "Video" ? random.pick(VIDEO_SIZES) : DOCUMENT_SIZE;
  const created = FIRST_DAY + random.int(0, Math.floor((LAST_DAY - FIRST_DAY) / DAY_MS)) * DAY_MS;
  const createdAt = new Date(created + random.int(8 * 3600, 18 * 3600) * 1000);
  const modifiedAt = new Date(createdAt.getTime() + random.int(0, 120) * DAY_MS);
  const sizeMb =
    type === "Video" ? random.int(40, 2000) : type === "Image" ? random.int(2, 60) : random.int(1, 25);

  // Object literal order is evaluation order: keep the random calls in this order, or every seeded id changes.
  const asset: Omit<AssetRecord, "modifiedBy" | "attributes"> = {
    id: random.guid(),
    title,
    description: describe(type, title, random),
    altText: type === "Image" ? title : "",
    status: 0,
    type,
    fileName: `${slug(title)}.${file.extension}`,
    fileType: file.fileType,
    mimeType: file.mimeType,
    sizeInBytes: sizeMb * 1024 * 1024 + random.int(0, 1024 * 1024),
    width,
    height,
    createdAt: createdAt.toISOString(),
    uploadedAt: createdAt.toISOString(),
    modifiedAt: modifiedAt.toISOString(),
    createdBy: random.pick(CREATORS).id,
    keywords: [...new Set([...subject.keywords, ...variant.keywords, type.toLowerCase()])],
    categories: categoryIdsFor(subject.categories),
  };
  return { ...asset, modifiedBy: asset.createdBy, attributes: {} };
}

function combinations(
  type: AssetType,
  subjects: readonly Subject[],
  variants: readonly Variant[],
): [AssetType, Subject, Variant][] {
  return subjects.flatMap((subject) =>
    variants.map((variant): [AssetType, Subject, Variant] => [type, subject, variant]),
  );
}

/**
 * The seeded library: every subject in every variant (261 assets) and the 12 that findSeed.ts adds, newest first,
 * identical on every run.
 */
export function seedAssets(): AssetRecord[] {
  const random = createRandom(SEED);
  const all = [
    ...combinations("Image", IMAGE_SUBJECTS, IMAGE_VARIANTS),
    ...combinations("Video", VIDEO_SUBJECTS, VIDEO_VARIANTS),
    ...combinations("Document", DOCUMENT_SUBJECTS, DOCUMENT_VARIANTS),
  ];
  const attributeRandom = createRandom(ATTRIBUTE_SEED);
  const built = random
    .shuffle(all)
    .map(([type, subject, variant]) => buildAsset(type, subject, variant, random))
    .map((asset) => ({ ...asset, attributes: attributeValuesFor(asset.type === "Image", attributeRandom) }));
  // Ratings, approvals, audio and other files, streams: from streams of their own, so no id above changes.
  return withFindDetails(built).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
