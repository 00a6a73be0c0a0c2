import { createUniqueId, onMount, Show, type JSX } from "solid-js";

/** The asset's editable text; the same shape as the API's AssetText, restated so components stay API-free. */
export interface AssetTextDraft {
  title: string;
  description: string;
  altText: string;
}

type Field = keyof AssetTextDraft;

export interface AssetTextFormProps {
  /** What the fields start with: the asset's values, or what the person typed before a failed save. */
  initial: AssetTextDraft;
  /** Why the last save failed; shown above the fields, which still hold the person's text. */
  error?: string;
  /** Fields the last save could not change, with the reason shown under each. */
  refused?: Partial<Record<Field, string>>;
  /** Fields the last save did change while others were refused. */
  saved?: readonly Field[];
  onSave: (draft: AssetTextDraft) => void;
  onCancel: () => void;
}

/** Edits an asset's title, description and alt text. Values are read on submit, so typing costs nothing. */
export function AssetTextForm(props: AssetTextFormProps) {
  const id = createUniqueId();
  const fields: Partial<Record<Field, HTMLInputElement | HTMLTextAreaElement>> = {};
  // The form replaces the button that opened it (or reopens after a failed save): focus goes where work is left.
  onMount(() => {
    const first = (["title", "description", "altText"] as const).find((field) => props.refused?.[field]);
    fields[first ?? "title"]?.focus();
  });
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? "");
    // Exactly as typed: if MediaValet refuses a field, the form comes back with the person's own text.
    props.onSave({ title: text("title"), description: text("description"), altText: text("altText") });
  };
  // Ties each field to its outcome, so a screen reader hears "not saved" with the field itself.
  const invalid = (field: Field) => (props.refused?.[field] !== undefined ? "true" : undefined);
  const describedBy = (field: Field, hint?: string) =>
    [hint, outcomeShown(field) ? `${id}-${field}-outcome` : undefined].filter(Boolean).join(" ") || undefined;
  const outcomeShown = (field: Field) =>
    props.refused?.[field] !== undefined || props.saved?.includes(field) === true;
  const Outcome = (outcome: { field: Field }): JSX.Element => (
    <Show when={outcomeShown(outcome.field)}>
      <Show
        when={props.refused?.[outcome.field]}
        fallback={
          <p id={`${id}-${outcome.field}-outcome`} class="field-saved">
            <span aria-hidden="true">✓ </span>Saved.
          </p>
        }
      >
        {(reason) => (
          <p id={`${id}-${outcome.field}-outcome`} class="field-error">
            <span aria-hidden="true">✗ </span>Not saved: {reason()}
          </p>
        )}
      </Show>
    </Show>
  );
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
        ref={(element) => (fields.title = element)}
        name="title"
        required
        value={props.initial.title}
        autocomplete="off"
        aria-invalid={invalid("title")}
        aria-describedby={describedBy("title")}
      />
      <Outcome field="title" />
      <label for={`${id}-description`}>Description</label>
      <textarea
        id={`${id}-description`}
        ref={(element) => (fields.description = element)}
        name="description"
        rows="4"
        value={props.initial.description}
        aria-invalid={invalid("description")}
        aria-describedby={describedBy("description")}
      />
      <Outcome field="description" />
      <label for={`${id}-alt`}>Alt text</label>
      <textarea
        id={`${id}-alt`}
        ref={(element) => (fields.altText = element)}
        name="altText"
        rows="2"
        value={props.initial.altText}
        aria-invalid={invalid("altText")}
        aria-describedby={describedBy("altText", `${id}-alt-hint`)}
      />
      <p id={`${id}-alt-hint`} class="hint">
        Describes the image for people who cannot see it.
      </p>
      <Outcome field="altText" />
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
