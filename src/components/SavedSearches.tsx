import { createSignal, For, Show } from "solid-js";

export interface SavedSearchItem {
  id: string;
  name: string;
  pinned: boolean;
  /** Where opening it goes; undefined when Valet cannot show it faithfully. */
  href: string | undefined;
}

export interface SavedSearchesProps {
  items: SavedSearchItem[];
  /** Said in a live region after each action, e.g. "Saved “Beach”." */
  message: string;
  onSave: (name: string) => void;
  onRename: (id: string, name: string) => void;
  onTogglePin: (id: string) => void;
  onDelete: (id: string) => void;
}

/** The person's saved searches: open, pin, rename, delete, and save the search on screen under a name. */
export function SavedSearches(props: SavedSearchesProps) {
  const [renaming, setRenaming] = createSignal<string>();
  const nameFrom = (event: SubmitEvent, field: string) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    return String(new FormData(form).get(field) ?? "").trim();
  };
  return (
    <section class="saved-searches" aria-labelledby="saved-searches-heading">
      <h2 id="saved-searches-heading">Saved searches</h2>
      <Show when={props.items.length > 0} fallback={<p class="empty">No saved searches yet.</p>}>
        <ul>
          <For each={props.items}>
            {(item) => (
              <li>
                <Show
                  when={renaming() === item.id}
                  fallback={
                    <>
                      <Show
                        when={item.href}
                        fallback={<span>{item.name} (made elsewhere; Valet cannot show it)</span>}
                      >
                        {(href) => <a href={href()}>{item.name}</a>}
                      </Show>
                      <Show when={item.pinned}>
                        <span class="visually-hidden">(pinned)</span>
                      </Show>
                      <button
                        type="button"
                        aria-pressed={item.pinned}
                        onClick={() => props.onTogglePin(item.id)}
                      >
                        {item.pinned ? "Unpin" : "Pin"}
                        <span class="visually-hidden"> {item.name}</span>
                      </button>
                      <button type="button" onClick={() => setRenaming(item.id)}>
                        Rename<span class="visually-hidden"> {item.name}</span>
                      </button>
                      <button type="button" onClick={() => props.onDelete(item.id)}>
                        Delete<span class="visually-hidden"> {item.name}</span>
                      </button>
                    </>
                  }
                >
                  <form
                    onSubmit={(event) => {
                      const name = nameFrom(event, "name");
                      if (name) props.onRename(item.id, name);
                      setRenaming(undefined);
                    }}
                  >
                    <label>
                      <span>New name for {item.name}</span>
                      <input name="name" value={item.name} maxlength="100" required autocomplete="off" />
                    </label>
                    <button type="submit">Rename</button>
                    <button type="button" onClick={() => setRenaming(undefined)}>
                      Cancel
                    </button>
                  </form>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <form
        onSubmit={(event) => {
          const name = nameFrom(event, "saved-search-name");
          if (name) {
            props.onSave(name);
            (event.currentTarget as HTMLFormElement).reset();
          }
        }}
      >
        <label>
          <span>Name for this search</span>
          <input name="saved-search-name" maxlength="100" required autocomplete="off" />
        </label>
        <button type="submit">Save this search</button>
      </form>
      <p role="status">{props.message}</p>
    </section>
  );
}
