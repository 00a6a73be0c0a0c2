import type { Random } from "./random";

/** MediaValet's attribute types that the seed uses (research §2.6). */
export type AttributeType = "Text" | "Options" | "Boolean" | "DateTime";

/** A custom attribute definition; asset values are strings keyed by the definition's id. */
export interface AttributeRecord {
  readonly id: string;
  readonly name: string;
  readonly attributeType: AttributeType;
  readonly isRequired: boolean;
  readonly optionsList: readonly string[];
}

export const PHOTOGRAPHER: AttributeRecord = {
  id: "7c1e4a90-2b3d-4e5f-8a6b-1c2d3e4f5a01",
  name: "Photographer",
  attributeType: "Text",
  isRequired: false,
  optionsList: [],
};

export const USAGE_RIGHTS: AttributeRecord = {
  id: "7c1e4a90-2b3d-4e5f-8a6b-1c2d3e4f5a02",
  name: "Usage rights",
  attributeType: "Options",
  isRequired: true,
  optionsList: ["Unrestricted", "Internal only", "Editorial only"],
};

export const REGION: AttributeRecord = {
  id: "7c1e4a90-2b3d-4e5f-8a6b-1c2d3e4f5a03",
  name: "Region",
  attributeType: "Options",
  isRequired: false,
  optionsList: ["Global", "North America", "Europe", "Asia Pacific"],
};

export const APPROVED_FOR_WEB: AttributeRecord = {
  id: "7c1e4a90-2b3d-4e5f-8a6b-1c2d3e4f5a04",
  name: "Approved for web",
  attributeType: "Boolean",
  isRequired: false,
  optionsList: [],
};

export const RIGHTS_EXPIRE: AttributeRecord = {
  id: "7c1e4a90-2b3d-4e5f-8a6b-1c2d3e4f5a05",
  name: "Rights expire",
  attributeType: "DateTime",
  isRequired: false,
  optionsList: [],
};

const SUBJECTS = [
  "Brand",
  "Legal",
  "Product",
  "Campaign",
  "Agency",
  "Season",
  "Channel",
  "Audience",
  "Language",
  "Market",
  "Print",
  "Social",
  "Web",
  "Retail",
  "Partner",
  "Archive",
];

/**
 * More definitions than one page of 50 holds, as a real library soon has: for each subject a select list (Options),
 * a yes/no (Boolean) and a free text. No asset has values for them; ids are fixed by position.
 */
function moreAttributes(): AttributeRecord[] {
  const id = (index: number): string =>
    `7c1e4a90-2b3d-4e5f-8a6b-1c2d3e4f${(0x5b00 + index).toString(16).padStart(4, "0")}`;
  return SUBJECTS.flatMap((subject, index): AttributeRecord[] => [
    {
      id: id(index * 3),
      name: `${subject} tier`,
      attributeType: "Options",
      isRequired: false,
      optionsList: ["Gold", "Silver", "Bronze"],
    },
    {
      id: id(index * 3 + 1),
      name: `${subject} approved`,
      attributeType: "Boolean",
      isRequired: false,
      optionsList: [],
    },
    {
      id: id(index * 3 + 2),
      name: `${subject} notes`,
      attributeType: "Text",
      isRequired: false,
      optionsList: [],
    },
  ]);
}

/**
 * A select list whose options carry quotes, parentheses, AND and OR, so that a filter built from them shows whether
 * the client quotes values (research §2.4 documents no escaping; the sandbox takes OData's `''`).
 */
export const CAMPAIGN: AttributeRecord = {
  id: "7c1e4a90-2b3d-4e5f-8a6b-1c2d3e4f5a06",
  name: "Campaign",
  attributeType: "Options",
  isRequired: false,
  optionsList: ["Spring launch", 'Summer "Sun" sale', "Buy one ) OR ( get one", "O'Neill's picks AND more"],
};

/**
 * The five the seeded assets use, then 48 more, then Campaign: 54 definitions, two pages at MediaValet's default
 * count.
 */
export const ATTRIBUTES: readonly AttributeRecord[] = [
  PHOTOGRAPHER,
  USAGE_RIGHTS,
  REGION,
  APPROVED_FOR_WEB,
  RIGHTS_EXPIRE,
  ...moreAttributes(),
  CAMPAIGN,
];

const PHOTOGRAPHERS = ["Maya Lindqvist", "Tomás Oliveira", "Priya Natarajan", "Sam Okafor", "Lena Vogel"];

/**
 * Attribute values for one asset. Takes its own random stream so that adding attributes never changes the asset ids
 * the main seed stream produces. Values are strings, as MediaValet sends them; not every asset has every attribute.
 */
export function attributeValuesFor(isImage: boolean, random: Random): Record<string, string> {
  const values: Record<string, string> = {
    [USAGE_RIGHTS.id]: random.pick(USAGE_RIGHTS.optionsList),
    [APPROVED_FOR_WEB.id]: random.next() < 0.7 ? "true" : "false",
  };
  if (isImage) values[PHOTOGRAPHER.id] = random.pick(PHOTOGRAPHERS);
  if (random.next() < 0.6) values[REGION.id] = random.pick(REGION.optionsList);
  if (random.next() < 0.25) {
    values[RIGHTS_EXPIRE.id] = new Date(
      Date.UTC(2026 + random.int(0, 3), random.int(0, 11), 1),
    ).toISOString();
  }
  return values;
}
