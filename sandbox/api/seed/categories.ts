/** The seeded folder tree (MediaValet categories). Ids are fixed so links and tests can name them. */
export interface CategoryRecord {
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
}

export const ROOT_CATEGORY: CategoryRecord = {
  id: "0d4c9a52-6b1e-4f7a-8c3d-2e9f5b1a7c00",
  name: "Root",
  parentId: null,
};

const child = (id: string, name: string): CategoryRecord => ({ id, name, parentId: ROOT_CATEGORY.id });

export const CATEGORIES: readonly CategoryRecord[] = [
  ROOT_CATEGORY,
  child("1a7e3c95-4d2b-4e8f-9a16-3c5d7e9f1b01", "Marketing"),
  child("2b8f4da6-5e3c-4f90-8b27-4d6e8fa02c02", "Photography"),
  child("3c905eb7-6f4d-4a01-9c38-5e7f9ab13d03", "Video"),
  child("4da16fc8-705e-4b12-8d49-6f80abc24e04", "Documents"),
  child("5eb270d9-816f-4c23-9e5a-7091bcd35f05", "Events"),
  child("6fc381ea-9270-4d34-8f6b-81a2cde46006", "Travel"),
  child("70d492fb-a381-4e45-9a7c-92b3def57107", "Corporate"),
  child("81e5a30c-b492-4f56-8b8d-a3c4ef068208", "People"),
  child("92f6b41d-c5a3-4067-9c9e-b4d5f0179309", "Lifestyle"),
];

export function categoryIdsFor(names: readonly string[]): string[] {
  return names.map((name) => {
    const category = CATEGORIES.find((candidate) => candidate.name === name);
    if (!category) throw new Error(`Seed names an unknown category: ${name}`);
    return category.id;
  });
}
