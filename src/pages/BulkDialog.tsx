import { createResource, createSignal, For, Match, onMount, Show, Switch } from "solid-js";
import { BulkReport, type ReportLine } from "../components/BulkReport";
import { buildBulkItems, type BulkAction } from "./buildBulkItems";
import { BulkRunProgress } from "./BulkRunProgress";
import { createBulkRun } from "./createBulkRun";
import { useApi } from "./ApiContext";
import type { SelectedAsset } from "./createSelection";
import { messageOf } from "../lib/messageOf";
import type { BulkItem, BulkResult } from "./runBulk";

export type BulkActionKind = BulkAction["kind"] | "addToLightbox";

const TITLES: Record<BulkActionKind, string> = {
  addKeywords: "Add keywords",
  removeKeywords: "Remove keywords",
  addToCategory: "Add to a category",
  removeFromCategory: "Remove from a category",
  setAttribute: "Set an attribute",
  addToLightbox: "Add to a lightbox",
};

const splitKeywords = (text: string) =>
  text
    .split(",")
    .map((word) => word.trim())
    .filter((word) => word !== "");

export function toReportLines(results: readonly BulkResult[]): ReportLine[] {
  return results.map(({ item, outcome }) => ({
    key: item.key,
    assetId: item.assetId,
    assetTitle: item.assetTitle,
    what: item.what,
    state: outcome.state,
    ...(outcome.state === "failed" ? { reason: outcome.reason } : {}),
  }));
}

/**
 * The dialog of one bulk action on the selection: its form, then a progress bar with counts while it runs, then
 * the per-asset report with "Retry the failed ones". A modal `<dialog>`: focus stays inside, Escape closes it.
 */
export default function BulkDialog(props: {
  kind: BulkActionKind;
  assets: readonly SelectedAsset[];
  onClose: () => void;
}) {
  const api = useApi();
  let dialog: HTMLDialogElement | undefined;
  onMount(() => dialog?.showModal());
  const run = createBulkRun((requests, signal) => api.sendBulk(requests, signal));
  const [problem, setProblem] = createSignal<string>();
  const [lightboxLines, setLightboxLines] = createSignal<ReportLine[]>();
  const needs = (kind: BulkActionKind) => props.kind === kind;

  const [categories] = createResource(
    () => needs("addToCategory") || needs("removeFromCategory"),
    () => api.listCategories(),
  );
  const [attributes] = createResource(
    () => needs("setAttribute"),
    async () => (await api.listAttributes()).filter((attribute) => !attribute.isSystemProperty),
  );
  const [lightboxes] = createResource(
    () => needs("addToLightbox"),
    async () => {
      const envelope = await api.request<unknown>("/lightboxes", {
        query: { count: 1000 },
        action: "see your lightboxes",
      });
      const list = Array.isArray(envelope.payload) ? envelope.payload : [];
      return list.filter(
        (entry): entry is { id: string; name: string } =>
          typeof entry === "object" && entry !== null && "id" in entry && "name" in entry,
      );
    },
  );

  /** Reads the form into the items to send; a message instead when something is missing. */
  const itemsFrom = async (form: FormData): Promise<BulkItem[] | string> => {
    const text = (name: string) => String(form.get(name) ?? "").trim();
    switch (props.kind) {
      case "addKeywords": {
        const keywords = splitKeywords(text("keywords"));
        if (keywords.length === 0) return "Type at least one keyword.";
        return buildBulkItems({ kind: "addKeywords", keywords }, props.assets);
      }
      case "removeKeywords": {
        const names = splitKeywords(text("keywords"));
        if (names.length === 0) return "Type at least one keyword.";
        const known = await api.listKeywords();
        const found = names.map((name) =>
          known.find((keyword) => keyword.keywordName.toLowerCase() === name.toLowerCase()),
        );
        const unknown = names.filter((_, index) => found[index] === undefined);
        if (unknown.length > 0) return `No keyword in this library is called ${unknown.join(", ")}.`;
        return buildBulkItems(
          {
            kind: "removeKeywords",
            keywords: found.flatMap((keyword) =>
              keyword ? [{ id: keyword.id, name: keyword.keywordName }] : [],
            ),
          },
          props.assets,
        );
      }
      case "addToCategory":
      case "removeFromCategory": {
        const category = categories()?.find((entry) => entry.id === text("category"));
        if (!category) return "Choose a category.";
        return buildBulkItems(
          { kind: props.kind, categoryId: category.id, categoryName: category.tree?.path ?? category.name },
          props.assets,
        );
      }
      case "setAttribute": {
        const attribute = attributes()?.find((entry) => entry.id === text("attribute"));
        if (!attribute) return "Choose an attribute.";
        return buildBulkItems(
          {
            kind: "setAttribute",
            attributeId: attribute.id,
            attributeName: attribute.name,
            value: String(form.get("value") ?? ""),
          },
          props.assets,
        );
      }
      case "addToLightbox":
        return [];
    }
  };

  const addToLightbox = async (lightboxId: string) => {
    const lightbox = lightboxes()?.find((entry) => entry.id === lightboxId);
    if (!lightbox) {
      setProblem("Choose a lightbox.");
      return;
    }
    // One plain call takes every id (POST /lightboxes/{id}/assets): it succeeds or fails as a whole.
    let reason: string | undefined;
    try {
      await api.request(`/lightboxes/${encodeURIComponent(lightbox.id)}/assets`, {
        method: "POST",
        body: props.assets.map((asset) => asset.id),
        action: "add assets to this lightbox",
      });
    } catch (error) {
      reason = messageOf(error);
    }
    setLightboxLines(
      props.assets.map((asset): ReportLine => ({
        key: asset.id,
        assetId: asset.id,
        assetTitle: asset.title,
        what: `add to lightbox “${lightbox.name}”`,
        state: reason === undefined ? "succeeded" : "failed",
        ...(reason === undefined ? {} : { reason }),
      })),
    );
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setProblem(undefined);
    const form = new FormData(event.currentTarget as HTMLFormElement);
    try {
      if (props.kind === "addToLightbox") {
        await addToLightbox(String(form.get("lightbox") ?? ""));
        return;
      }
      const items = await itemsFrom(form);
      if (typeof items === "string") setProblem(items);
      else await run.start(items);
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  const count = () => props.assets.length;
  const lines = () => lightboxLines() ?? toReportLines(run.results());
  const finished = () => lightboxLines() !== undefined || run.state() === "done";

  return (
    <dialog
      ref={(element) => (dialog = element)}
      class="bulk-dialog"
      aria-labelledby="bulk-dialog-title"
      onClose={() => {
        run.cancel();
        props.onClose();
      }}
    >
      <h2 id="bulk-dialog-title">
        {TITLES[props.kind]} — {count()} selected asset{count() === 1 ? "" : "s"}
      </h2>
      <Switch>
        <Match when={run.state() === "running"}>
          <BulkRunProgress run={run} labelId="bulk-progress-label">
            {" "}
            ({run.progress()?.failed ?? 0} failed)
            <Show when={run.progress()?.waitingSeconds}>
              {(seconds) => <> — MediaValet asked to wait {seconds()} s before the next batch</>}
            </Show>
          </BulkRunProgress>
        </Match>
        <Match when={finished()}>
          <BulkReport
            lines={lines()}
            busy={run.state() === "running"}
            onRetry={() =>
              lightboxLines() === undefined ? void run.retryFailed() : setLightboxLines(undefined)
            }
          />
          <button type="button" onClick={() => dialog?.close()}>
            Close
          </button>
        </Match>
        <Match when={true}>
          <form onSubmit={(event) => void submit(event)}>
            <Switch>
              <Match when={needs("addKeywords") || needs("removeKeywords")}>
                <label for="bulk-keywords">Keywords (separate several with commas)</label>
                <input id="bulk-keywords" name="keywords" required autofocus />
              </Match>
              <Match when={needs("addToCategory") || needs("removeFromCategory")}>
                <label for="bulk-category">Category</label>
                <select id="bulk-category" name="category" required disabled={!categories()}>
                  <option value="">{categories.loading ? "Loading categories…" : "Choose a category"}</option>
                  <For each={categories() ?? []}>
                    {(category) => (
                      <option value={category.id}>{category.tree?.path ?? category.name}</option>
                    )}
                  </For>
                </select>
              </Match>
              <Match when={needs("setAttribute")}>
                <label for="bulk-attribute">Attribute</label>
                <select id="bulk-attribute" name="attribute" required disabled={!attributes()}>
                  <option value="">
                    {attributes.loading ? "Loading attributes…" : "Choose an attribute"}
                  </option>
                  <For each={attributes() ?? []}>
                    {(attribute) => <option value={attribute.id}>{attribute.name}</option>}
                  </For>
                </select>
                <label for="bulk-value">Value (empty clears it)</label>
                <input id="bulk-value" name="value" />
              </Match>
              <Match when={needs("addToLightbox")}>
                <label for="bulk-lightbox">Lightbox</label>
                <select id="bulk-lightbox" name="lightbox" required disabled={!lightboxes()}>
                  <option value="">{lightboxes.loading ? "Loading lightboxes…" : "Choose a lightbox"}</option>
                  <For each={lightboxes() ?? []}>
                    {(lightbox) => <option value={lightbox.id}>{lightbox.name}</option>}
                  </For>
                </select>
              </Match>
            </Switch>
            <Show when={problem()}>
              <p role="alert" class="form-error">
                {problem()}
              </p>
            </Show>
            <div class="actions">
              <button type="submit">Apply to {count()} assets</button>
              <button type="button" onClick={() => dialog?.close()}>
                Cancel
              </button>
            </div>
          </form>
        </Match>
      </Switch>
    </dialog>
  );
}
