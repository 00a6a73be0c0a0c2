import { randomUUID } from "node:crypto";

/** A saved search: what `GET /assets` / `POST /assets/search` would be asked, under a name. */
export interface SavedSearchRecord {
  readonly id: string;
  readonly ownerId: string;
  name: string;
  search: string;
  filters: string;
  containerFilter: string;
  sort: string;
  pinned: boolean;
  readonly createdAt: string;
  modifiedAt: string;
}

export type SavedSearchFields = Pick<
  SavedSearchRecord,
  "name" | "search" | "filters" | "containerFilter" | "sort" | "pinned"
>;

/** Saved searches per user: each user sees, changes and deletes only their own. */
export interface SavedSearchStore {
  /** Pinned first, then by name. */
  listFor(userId: string): SavedSearchRecord[];
  find(id: string, userId: string): SavedSearchRecord | undefined;
  create(userId: string, fields: SavedSearchFields): SavedSearchRecord;
  update(record: SavedSearchRecord, fields: Partial<SavedSearchFields>): SavedSearchRecord;
  remove(record: SavedSearchRecord): void;
}

export function createSavedSearchStore(now: () => Date = () => new Date()): SavedSearchStore {
  const records: SavedSearchRecord[] = [];
  return {
    listFor: (userId) =>
      records
        .filter((record) => record.ownerId === userId)
        .sort((a, b) => Number(b.pinned) - Number(a.pinned) || a.name.localeCompare(b.name)),
    find: (id, userId) =>
      records.find((record) => record.id.toLowerCase() === id.toLowerCase() && record.ownerId === userId),
    create(userId, fields) {
      const stamp = now().toISOString();
      const record: SavedSearchRecord = {
        id: randomUUID(),
        ownerId: userId,
        ...fields,
        createdAt: stamp,
        modifiedAt: stamp,
      };
      records.push(record);
      return record;
    },
    update(record, fields) {
      Object.assign(record, fields, { modifiedAt: now().toISOString() });
      return record;
    },
    remove(record) {
      const index = records.indexOf(record);
      if (index >= 0) records.splice(index, 1);
    },
  };
}
