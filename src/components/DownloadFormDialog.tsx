import { createSignal, createUniqueId, For, Match, Show, Switch } from "solid-js";
import { ModalDialog } from "./ModalDialog";

/** One field of the library's download form (see the API's DownloadField). */
export interface DownloadFormField {
  id: string;
  label: string;
  type: string;
  isRequired: boolean;
  description: string;
  options: { label: string; value: string }[];
}

export interface DownloadFormDialogProps {
  /** e.g. "Download harbour.jpg (Small)". */
  title: string;
  fields: readonly DownloadFormField[];
  /** Problems to show beside their fields, from the page's check or from MediaValet's refusal. */
  problems: readonly { fieldId: string; message: string }[];
  busy: boolean;
  /** A failure that belongs to no one field. */
  error?: string;
  /** The submit button's text, e.g. "Accept and download". */
  submitLabel: string;
  onSubmit: (values: Record<string, string>) => void;
  onCancel: () => void;
}

/**
 * The library's download rules as a form in a dialog: the terms of use to read and accept, and any questions it asks.
 * The values go to the page, which checks them and asks MediaValet; nothing is handed over before that.
 */
export function DownloadFormDialog(props: DownloadFormDialogProps) {
  const [values, setValues] = createSignal<Record<string, string>>({});
  const id = createUniqueId();
  const fieldId = (field: DownloadFormField) => `${id}-${field.id}`;
  const problemOf = (field: DownloadFormField) =>
    props.problems.find((problem) => problem.fieldId === field.id)?.message;
  const set = (field: DownloadFormField, value: string) =>
    setValues((current) => ({ ...current, [field.id]: value }));

  return (
    <ModalDialog title={props.title} onCancel={() => props.onCancel()}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          props.onSubmit(values());
        }}
      >
        <For each={props.fields}>
          {(field) => (
            <fieldset aria-describedby={problemOf(field) ? `${fieldId(field)}-problem` : undefined}>
              <Switch
                fallback={
                  <>
                    <label for={fieldId(field)}>
                      {field.label}
                      {field.isRequired ? " (required)" : ""}
                    </label>
                    <Show when={field.description}>
                      <p id={`${fieldId(field)}-hint`}>{field.description}</p>
                    </Show>
                    <input
                      id={fieldId(field)}
                      type="text"
                      required={field.isRequired}
                      aria-invalid={problemOf(field) ? "true" : undefined}
                      aria-describedby={field.description ? `${fieldId(field)}-hint` : undefined}
                      value={values()[field.id] ?? ""}
                      onInput={(event) => set(field, event.currentTarget.value)}
                    />
                  </>
                }
              >
                <Match when={field.type === "TermsAndConditions"}>
                  <h3 id={`${fieldId(field)}-terms-title`}>Terms of use</h3>
                  <div
                    class="terms"
                    role="region"
                    aria-labelledby={`${fieldId(field)}-terms-title`}
                    tabindex="0"
                  >
                    <p>{field.description}</p>
                  </div>
                  <label>
                    <input
                      id={fieldId(field)}
                      type="checkbox"
                      aria-invalid={problemOf(field) ? "true" : undefined}
                      checked={values()[field.id] === "true"}
                      onChange={(event) => set(field, event.currentTarget.checked ? "true" : "")}
                    />{" "}
                    {field.label}
                  </label>
                </Match>
                <Match when={field.options.length > 0}>
                  <label for={fieldId(field)}>
                    {field.label}
                    {field.isRequired ? " (required)" : ""}
                  </label>
                  <select
                    id={fieldId(field)}
                    required={field.isRequired}
                    aria-invalid={problemOf(field) ? "true" : undefined}
                    value={values()[field.id] ?? ""}
                    onChange={(event) => set(field, event.currentTarget.value)}
                  >
                    <option value="">Choose…</option>
                    <For each={field.options}>
                      {(option) => <option value={option.value}>{option.label}</option>}
                    </For>
                  </select>
                </Match>
              </Switch>
              <Show when={problemOf(field)}>
                {(message) => (
                  <p id={`${fieldId(field)}-problem`} class="field-problem form-error">
                    {message()}
                  </p>
                )}
              </Show>
            </fieldset>
          )}
        </For>
        <p role="alert" class="form-error">
          {props.error ?? (props.problems.length > 0 ? "Some answers are missing; see above." : "")}
        </p>
        <div class="dialog-actions">
          <button type="submit" class="primary" disabled={props.busy}>
            {props.busy ? "Asking MediaValet…" : props.submitLabel}
          </button>
          <button type="button" onClick={() => props.onCancel()}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
