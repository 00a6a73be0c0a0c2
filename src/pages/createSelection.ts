import { createEffect, createMemo, createSignal, on } from "solid-js";

/** One selected asset: its id, and its title for the report. */
export interface SelectedAsset {
  id: string;
  title: string;
}

/** Where a click happened: which listing (search, filters, category), and the position in it. */
export interface ListPosition {
  /** The same for every page of one listing; a change of search or category starts a new listing. */
  listing: string;
  /** Zero-based, across pages (offset + position on the page). */
  index: number;
}

export interface Selection {
  readonly count: () => number;
  readonly has: (id: string) => boolean;
  /** In the order they were selected. */
  readonly items: () => readonly SelectedAsset[];
  /** True when the selection holds as many assets as it may. */
  readonly full: () => boolean;
  toggle(asset: SelectedAsset, at?: ListPosition): void;
  /**
   * Selects every asset from the last clicked one to `at`, across pages of the same listing. `loadRange` reads
   * the assets between (start and end inclusive) when they are not all on screen.
   * @returns false when there is no earlier click in this listing to extend from
   */
  extendTo(
    at: ListPosition,
    loadRange: (start: number, end: number) => Promise<readonly SelectedAsset[]>,
  ): Promise<boolean>;
  add(assets: readonly SelectedAsset[]): void;
  remove(ids: readonly string[]): void;
  clear(): void;
}

export interface SelectionOptions {
  /** Kept for the tab only, so sessionStorage: it survives paging, filtering and reloads, not closing the tab. */
  storage: Storage;
  /** Who is signed in (the token's `sub`), or undefined when nobody is: a selection never passes to another person. */
  owner: () => string | undefined;
  /** The most a selection may hold; bulk actions load and change that many assets. */
  limit?: number;
}

export const SELECTION_KEY = "valet.selection";
export const SELECTION_LIMIT = 1000;

interface Stored {
  owner: string;
  items: SelectedAsset[];
  anchor?: ListPosition;
}

function read(storage: Storage, owner: string | undefined): Stored | undefined {
  try {
    const stored = JSON.parse(storage.getItem(SELECTION_KEY) ?? "null") as Stored | null;
    if (stored && stored.owner === owner && Array.isArray(stored.items)) return stored;
  } catch {
    // An unreadable selection is no selection.
  }
  return undefined;
}

/**
 * The assets a person has picked, kept in sessionStorage under `valet.selection` so that it survives paging,
 * filtering and reloads within the tab. It belongs to the person signed in: it is dropped when they sign out, and a
 * selection stored by someone else is never read.
 */
export function createSelection(options: SelectionOptions): Selection {
  const limit = options.limit ?? SELECTION_LIMIT;
  const initial = read(options.storage, options.owner());
  const [items, setItems] = createSignal<readonly SelectedAsset[]>(initial?.items ?? []);
  let anchor = initial?.anchor;
  const ids = createMemo(() => new Set(items().map((item) => item.id)));

  const save = (next: readonly SelectedAsset[]) => {
    setItems(next);
    const owner = options.owner();
    if (owner === undefined || (next.length === 0 && anchor === undefined)) {
      options.storage.removeItem(SELECTION_KEY);
      return;
    }
    const stored: Stored = { owner, items: [...next], ...(anchor ? { anchor } : {}) };
    options.storage.setItem(SELECTION_KEY, JSON.stringify(stored));
  };

  const add = (assets: readonly SelectedAsset[]) => {
    const known = new Set(ids());
    const added = assets.filter((asset) => !known.has(asset.id) && known.add(asset.id));
    save([...items(), ...added].slice(0, limit));
  };
  const remove = (removed: readonly string[]) => {
    const gone = new Set(removed);
    save(items().filter((item) => !gone.has(item.id)));
  };

  // Signing out (or another person signing in, in this tab) drops the selection.
  let owner = options.owner();
  createEffect(
    on(options.owner, (now) => {
      if (now === owner) return;
      owner = now;
      anchor = undefined;
      save([]);
    }),
  );

  return {
    count: () => items().length,
    has: (id) => ids().has(id),
    items,
    full: () => items().length >= limit,
    toggle(asset, at) {
      anchor = at;
      if (ids().has(asset.id)) remove([asset.id]);
      else add([asset]);
    },
    async extendTo(at, loadRange) {
      const from = anchor;
      if (from === undefined || from.listing !== at.listing) return false;
      const start = Math.min(from.index, at.index);
      const end = Math.min(Math.max(from.index, at.index), start + limit - 1);
      const range = await loadRange(start, end);
      anchor = at;
      add(range);
      return true;
    },
    add,
    remove,
    clear() {
      anchor = undefined;
      save([]);
    },
  };
}
