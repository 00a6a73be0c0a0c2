import { createSignal } from "solid-js";
import { ApiError } from "../../api";
import { SavedSearches } from "../../components/SavedSearches";
import { useApi } from "../ApiContext";
import { createAbortableResource } from "../createAbortableResource";
import type { LibrarySearch } from "../LibrarySearch";
import { messageOf } from "../../lib/messageOf";
import { hrefOfSavedSearch, toSavedSearchFields, type SearchPlace } from "./savedSearchView";

export interface SavedSearchesPanelProps {
  /** The search on screen, saved as it is (paging aside). */
  search: LibrarySearch;
  place: SearchPlace;
}

/** The person's saved searches from `/savedsearches`, and saving the current view under a name. */
export function SavedSearchesPanel(props: SavedSearchesPanelProps) {
  const api = useApi();
  const [message, setMessage] = createSignal("");
  const [list, { refetch }] = createAbortableResource(
    () => true,
    (_, signal) => api.listSavedSearches(signal),
  );
  const items = () =>
    list.state === "ready" || list.state === "refreshing"
      ? (list.latest ?? []).map((saved) => ({ ...saved, href: hrefOfSavedSearch(saved) }))
      : [];
  const find = (id: string) => items().find((item) => item.id === id);

  // Each action says what happened, then reads the list again: MediaValet decides the order (pinned first).
  const act = async (done: string, action: () => Promise<unknown>) => {
    try {
      await action();
      setMessage(done);
      void refetch();
    } catch (failure) {
      setMessage(
        failure instanceof ApiError && failure.status === 409
          ? "You already have a saved search with that name. Choose another."
          : messageOf(failure),
      );
    }
  };

  return (
    <SavedSearches
      items={items()}
      message={message()}
      onSave={(name) => {
        const fields = { ...toSavedSearchFields(name, props.search, props.place), pinned: false };
        void act(`Saved “${name}”.`, () => api.createSavedSearch(fields));
      }}
      onRename={(id, name) => void act(`Renamed to “${name}”.`, () => api.updateSavedSearch(id, { name }))}
      onTogglePin={(id) => {
        const pinned = !find(id)?.pinned;
        void act(pinned ? "Pinned." : "Unpinned.", () => api.updateSavedSearch(id, { pinned }));
      }}
      onDelete={(id) => {
        const name = find(id)?.name ?? "";
        void act(`Deleted “${name}”.`, () => api.deleteSavedSearch(id));
      }}
    />
  );
}
