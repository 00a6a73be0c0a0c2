import { createUniqueId, For, Show } from "solid-js";

export interface ShownKeyword {
  name: string;
  /** True from the moment it is added until MediaValet lists it (its writes apply a little after they answer). */
  pending: boolean;
}

export interface KeywordEditorProps {
  keywords: readonly ShownKeyword[];
  /** The text in the "Add keyword" box; the page owns it so a failed add can put the keyword back. */
  text: string;
  error?: string;
  onText: (text: string) => void;
  onAdd: (keyword: string) => void;
  onRemove: (keyword: string) => void;
}

/**
 * An asset's keywords as removable chips, and a box to add one. A pending keyword says "pending" in words (and has
 * a dashed outline), so the state does not rest on colour; it can be removed like any other.
 */
export function KeywordEditor(props: KeywordEditorProps) {
  const id = createUniqueId();
  let input: HTMLInputElement | undefined;
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const keyword = props.text.trim();
    if (keyword !== "") props.onAdd(keyword);
  };
  return (
    <div class="keywords">
      <Show when={props.keywords.length > 0} fallback={<p class="empty">No keywords yet.</p>}>
        <ul class="chips" aria-label="Keywords">
          <For each={props.keywords}>
            {(keyword) => (
              <li class="chip" classList={{ pending: keyword.pending }}>
                <span>{keyword.name}</span>
                <Show when={keyword.pending}>
                  <span class="chip-status" title="MediaValet has accepted it and will list it shortly">
                    {" "}
                    pending
                  </span>
                </Show>
                <button
                  type="button"
                  aria-label={`Remove ${keyword.pending ? "pending keyword" : "keyword"} ${keyword.name}`}
                  onClick={() => {
                    props.onRemove(keyword.name);
                    // The chip is about to vanish with the focus on it; keep the keyboard somewhere useful.
                    input?.focus();
                  }}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.error}>
        {(error) => (
          <p role="alert" class="form-error">
            {error()}
          </p>
        )}
      </Show>
      <form class="inline-form" onSubmit={onSubmit}>
        <label for={`${id}-keyword`}>Add keyword</label>
        <input
          id={`${id}-keyword`}
          ref={(element) => (input = element)}
          value={props.text}
          onInput={(event) => props.onText(event.currentTarget.value)}
          autocomplete="off"
        />
        <button type="submit">Add</button>
      </form>
    </div>
  );
}
