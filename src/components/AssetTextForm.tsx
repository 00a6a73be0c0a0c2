import { createUniqueId, onMount, Show } from "solid-js";

/** The asset's editable text; the same shape as the API's AssetText, restated so components stay API-free. */
export interface AssetTextDraft {
  title: string;
  description: string;
  altText: string;
}

export interface AssetTextFormProps {
  /** What the fields start with: the asset's values, or what the person typed before a failed save. */
  initial: AssetTextDraft;
  /** Why the last save failed; shown above the fields, which still hold the person's text. */
  error?: string;
  onSave: (draft: AssetTextDraft) => void;
  onCancel: () => void;
}

/** Edits an asset's title, description and alt text. Values are read on submit, so typing costs nothing. */
export function AssetTextForm(props: AssetTextFormProps) {
  const id = createUniqueId();
  let title: HTMLInputElement | undefined;
  // The form replaces the button that opened it (or reopens after a failed save): focus must land somewhere useful.
  onMount(() => title?.focus());
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? "");
    props.onSave({ title: text("title").trim(), description: text("description"), altText: text("altText") });
  };
  return (
    <form class="edit-form" aria-labelledby={`${id}-heading`} onSubmit={onSubmit}>
      <h3 id={`${id}-heading`}>Edit details</h3>
      <Show when={props.error}>
        {(error) => (
          <p role="alert" class="form-error">
            {error()}
          </p>
        )}
      </Show>
      <label for={`${id}-title`}>Title</label>
      <input
        id={`${id}-title`}
        ref={(element) => (title = element)}
        name="title"
        required
        value={props.initial.title}
        autocomplete="off"
      />
      <label for={`${id}-description`}>Description</label>
      <textarea id={`${id}-description`} name="description" rows="4" value={props.initial.description} />
      <label for={`${id}-alt`}>Alt text</label>
      <textarea
        id={`${id}-alt`}
        name="altText"
        rows="2"
        value={props.initial.altText}
        aria-describedby={`${id}-alt-hint`}
      />
      <p id={`${id}-alt-hint`} class="hint">
        Describes the image for people who cannot see it.
      </p>
      <div class="actions">
        <button type="submit" class="primary">
          Save
        </button>
        <button type="button" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
