import { STORAGE_PREFIX } from "../auth/storageKeys";

/** One asset of the results a person opened an asset from. */
export interface TrailItem {
  id: string;
  title: string;
  href: string;
}

/**
 * The results an asset was opened from, so that the asset page can step to the previous and next result and Escape
 * can go back to the same results, scrolled and focused as they were.
 */
export interface ResultsTrail {
  /** The results' full path and query (as `location` has it, base path included). */
  from: string;
  /** How far down the window the opened tile was, so that the way back shows the results as they were. */
  top: number;
  items: TrailItem[];
  /** Set when the person goes back: the grid at `from` focuses this asset's tile once, then forgets it. */
  returnTo?: string;
}

/**
 * Kept in sessionStorage: one tab's trail, surviving reloads of the asset page; under the `valet.` prefix, so that
 * signing out removes it with everything else Valet stored.
 */
export const RESULTS_TRAIL_KEY = `${STORAGE_PREFIX}results`;

export function readResultsTrail(storage: Storage): ResultsTrail | undefined {
  try {
    const trail = JSON.parse(storage.getItem(RESULTS_TRAIL_KEY) ?? "null") as ResultsTrail | null;
    if (
      trail &&
      typeof trail.from === "string" &&
      typeof trail.top === "number" &&
      Array.isArray(trail.items)
    )
      return trail;
  } catch {
    // An unreadable trail is no trail: the asset page simply offers no previous and next.
  }
  return undefined;
}

export function writeResultsTrail(storage: Storage, trail: ResultsTrail): void {
  try {
    storage.setItem(RESULTS_TRAIL_KEY, JSON.stringify(trail));
  } catch {
    // Storage full or refused: previous and next are a convenience, not worth an error.
  }
}

/** The trail once the way back has been taken. */
export function withoutReturn(trail: ResultsTrail): ResultsTrail {
  return { from: trail.from, top: trail.top, items: trail.items };
}

/** The trail with the way back set: the results should focus `id`'s tile when shown again. */
export function returningTo(trail: ResultsTrail, id: string): ResultsTrail {
  return { ...withoutReturn(trail), returnTo: id };
}

/** The results either side of `id`, when the trail holds it. */
export function neighbours(
  trail: ResultsTrail | undefined,
  id: string,
): { previous?: TrailItem; next?: TrailItem; position: number; total: number } | undefined {
  const index = trail?.items.findIndex((item) => item.id === id) ?? -1;
  if (!trail || index === -1) return undefined;
  return {
    ...(index > 0 ? { previous: trail.items[index - 1] } : {}),
    ...(index < trail.items.length - 1 ? { next: trail.items[index + 1] } : {}),
    position: index + 1,
    total: trail.items.length,
  };
}
