import { A } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { AsyncBoundary } from "../components/AsyncBoundary";
import { useApi } from "./ApiContext";
import { createAbortableResource } from "./createAbortableResource";
import { messageOf } from "../lib/messageOf";
import { permits } from "./permits";

/**
 * "Add to lightbox" on an asset's page: the lightboxes the person may fill, one to pick, and a way to the Lightboxes
 * page to make one. Loaded only when the asset page shows it.
 */
export function AddToLightbox(props: { assetId: string }) {
  const api = useApi();
  const [lightboxes, { refetch }] = createAbortableResource(
    () => true,
    async (_, signal) =>
      (await api.listLightboxes(signal)).filter((lightbox) =>
        permits("lightbox:editAssets", lightbox.permissions),
      ),
  );
  const [chosen, setChosen] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [added, setAdded] = createSignal<{ id: string; name: string }>();
  const [error, setError] = createSignal<string>();

  const target = () => {
    const list = lightboxes.state === "ready" ? lightboxes() : [];
    return list.find((lightbox) => lightbox.id === chosen()) ?? list[0];
  };

  async function add(event: SubmitEvent) {
    event.preventDefault();
    const lightbox = target();
    if (!lightbox) return;
    setBusy(true);
    setError(undefined);
    setAdded(undefined);
    try {
      await api.addLightboxAssets(lightbox.id, [props.assetId]);
      setAdded({ id: lightbox.id, name: lightbox.name });
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AsyncBoundary
      loading="Loading your lightboxes…"
      errorTitle="Your lightboxes could not be loaded"
      onRetry={() => void refetch()}
    >
      <Show when={lightboxes()}>
        {(list) => (
          <Show
            when={list().length > 0}
            fallback={
              <p class="empty">
                You have no lightbox to add to. Make one on the <A href="/lightboxes">Lightboxes</A> page.
              </p>
            }
          >
            <form class="inline-actions" onSubmit={(event) => void add(event)}>
              <label for="add-to-lightbox">Lightbox</label>
              <select
                id="add-to-lightbox"
                value={target()?.id ?? ""}
                onChange={(event) => setChosen(event.currentTarget.value)}
              >
                <For each={list()}>{(lightbox) => <option value={lightbox.id}>{lightbox.name}</option>}</For>
              </select>
              <button type="submit" disabled={busy()}>
                Add to lightbox
              </button>
            </form>
          </Show>
        )}
      </Show>
      <p role="status" class="notice">
        <Show when={added()}>
          {(done) => (
            <>
              Added to <A href={`/lightboxes/${encodeURIComponent(done().id)}`}>{done().name}</A>.
            </>
          )}
        </Show>
      </p>
      <Show when={error()}>
        {(message) => (
          <p role="alert" class="form-error">
            {message()}
          </p>
        )}
      </Show>
    </AsyncBoundary>
  );
}

export default AddToLightbox;
