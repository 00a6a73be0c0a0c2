import type { ActivityLog } from "./activityLog";
import type { DirectLinkStore } from "./directLinkStore";
import type { SavedSearchStore } from "./savedSearchStore";

/** What the find, share and activity endpoints keep besides the library itself. */
export interface FindStores {
  savedSearches: SavedSearchStore;
  directLinks: DirectLinkStore;
  activity: ActivityLog;
}
