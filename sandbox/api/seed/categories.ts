import { createHash } from "node:crypto";

/** The seeded folder tree (MediaValet categories). Ids are fixed so links and tests can name them. */
export interface CategoryRecord {
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
  readonly description: string;
  readonly createdAt: string;
}

const CREATED_AT = "2021-01-04T10:00:00.000Z";

export const ROOT_CATEGORY: CategoryRecord = {
  id: "0d4c9a52-6b1e-4f7a-8c3d-2e9f5b1a7c00",
  name: "Root",
  parentId: null,
  description: "Everything in the library.",
  createdAt: CREATED_AT,
};

const under =
  (parent: CategoryRecord) =>
  (id: string, name: string, description = ""): CategoryRecord => ({
    id,
    name,
    parentId: parent.id,
    description,
    createdAt: CREATED_AT,
  });

const top = under(ROOT_CATEGORY);
const MARKETING = top("1a7e3c95-4d2b-4e8f-9a16-3c5d7e9f1b01", "Marketing", "Campaigns and press.");
const PHOTOGRAPHY = top("2b8f4da6-5e3c-4f90-8b27-4d6e8fa02c02", "Photography", "Stills by subject.");
const VIDEO = top("3c905eb7-6f4d-4a01-9c38-5e7f9ab13d03", "Video", "Finished cuts and raw footage.");
const DOCUMENTS = top("4da16fc8-705e-4b12-8d49-6f80abc24e04", "Documents", "Reports and guidelines.");
const EVENTS = top("5eb270d9-816f-4c23-9e5a-7091bcd35f05", "Events");
const TRAVEL = top("6fc381ea-9270-4d34-8f6b-81a2cde46006", "Travel", "Destinations.");
const CORPORATE = top("70d492fb-a381-4e45-9a7c-92b3def57107", "Corporate");
const PEOPLE = top("81e5a30c-b492-4f56-8b8d-a3c4ef068208", "People");
const LIFESTYLE = top("92f6b41d-c5a3-4067-9c9e-b4d5f0179309", "Lifestyle");
const CAMPAIGNS = under(MARKETING)("a3071c2e-d6b4-4178-8daf-c5e6018a0410", "Campaigns");

/** A GUID-shaped id from the folder's path, so generated folders keep their ids from run to run. */
function pathBasedId(path: string): string {
  const hex = createHash("sha1").update(`category:${path}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const ARCHIVE = top(
  "c6a40f52-19e7-4a3b-8c60-f81a9b2d4e22",
  "Archive",
  "Everything older, by year and month.",
);
const ARCHIVE_YEARS = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * A library with more folders than one page of 50 holds, as a real one soon has: Root\Archive\<year>\<month year>,
 * ten years of twelve months (131 folders under Archive). Nothing is filed in them.
 */
function archiveFolders(): CategoryRecord[] {
  return [
    ARCHIVE,
    ...ARCHIVE_YEARS.flatMap((year) => {
      const folder = under(ARCHIVE)(pathBasedId(`Archive\\${year}`), String(year));
      const months = MONTHS.map((month) =>
        under(folder)(pathBasedId(`Archive\\${year}\\${month}`), `${month} ${year}`),
      );
      return [folder, ...months];
    }),
  ];
}

/**
 * Four levels at the deepest (Root\Marketing\Campaigns\Spring 2024, Root\Archive\2019\March 2019), 159 folders in
 * all, as real libraries nest and grow.
 */
export const CATEGORIES: readonly CategoryRecord[] = [
  ROOT_CATEGORY,
  MARKETING,
  PHOTOGRAPHY,
  VIDEO,
  DOCUMENTS,
  EVENTS,
  TRAVEL,
  CORPORATE,
  PEOPLE,
  LIFESTYLE,
  CAMPAIGNS,
  under(CAMPAIGNS)("b4182d3f-e7c5-4289-9eb0-d6f7129b1511", "Spring 2024", "The spring 2024 campaign."),
  under(CAMPAIGNS)("c5293e40-f8d6-439a-8fc1-e708230c2612", "Brand refresh"),
  under(MARKETING)("d63a4f51-09e7-44ab-9ad2-f819341d3713", "Press"),
  under(PHOTOGRAPHY)("e74b5062-1af8-45bc-8be3-092a452e4814", "Landscapes"),
  under(PHOTOGRAPHY)("f85c6173-2b09-46cd-9cf4-1a3b563f5915", "Cities"),
  under(PHOTOGRAPHY)("096d7284-3c1a-47de-8d05-2b4c67406a16", "Coast"),
  under(VIDEO)("1a7e8395-4d2b-48ef-9e16-3c5d78517b17", "Ads"),
  under(VIDEO)("2b8f94a6-5e3c-49f0-8f27-4d6e89628c18", "Interviews"),
  under(VIDEO)("3c90a5b7-6f4d-4a01-9038-5e7f9a739d19", "Footage", "Raw clips and b-roll."),
  under(DOCUMENTS)("4da1b6c8-705e-4b12-8149-6f80ab84ae1a", "Reports"),
  under(DOCUMENTS)("5eb2c7d9-816f-4c23-925a-7091bc95bf1b", "Guidelines"),
  under(EVENTS)("6fc3d8ea-9270-4d34-836b-81a2cda6c01c", "Conferences"),
  under(TRAVEL)("70d4e9fb-a381-4e45-947c-92b3deb7d11d", "Beaches"),
  under(TRAVEL)("81e5fa0c-b492-4f56-858d-a3c4efc8e21e", "Mountains"),
  under(TRAVEL)("92f60b1d-c5a3-4067-969e-b4d5f0d9f31f", "Europe"),
  under(CORPORATE)("a3071c2e-d6b4-4178-87af-c5e601ea0420", "Offices"),
  under(CORPORATE)("b4182d3f-e7c5-4289-98b0-d6f712fb1521", "Training"),
  ...archiveFolders(),
];

export function categoryIdsFor(names: readonly string[]): string[] {
  return names.map((name) => {
    const category = CATEGORIES.find((candidate) => candidate.name === name);
    if (!category) throw new Error(`Seed names an unknown category: ${name}`);
    return category.id;
  });
}
