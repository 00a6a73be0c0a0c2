import { createSignal, For, Show } from "solid-js";
import type { DirectLink, DirectLinkSize } from "../api";
import { AsyncBoundary } from "../components/AsyncBoundary";
import { formatDate } from "../components/formatDate";
import { useApi } from "./ApiContext";
import "./AssetActivity.css";
import { createAbortableResource } from "./createAbortableResource";
import { directLinkFormats, scalesToCustomSize } from "./directLinkFormats";
import { refusalMessage } from "./refusalMessage";

export interface AssetSharingProps {
  assetId: string;
  /** `media.type`: decides the formats offered and whether a custom size is. */
  kind: string;
  fileType: string;
}

type Creation =
  | { state: "idle" }
  | { state: "creating" }
  | { state: "created"; link: DirectLink; reused: boolean }
  | { state: "failed"; message: string };

const PERMISSION_ADVICE =
  "Creating direct links needs the “Create direct link” permission; a MediaValet administrator can grant it. Links already made are listed below and can still be copied.";

/** The Sharing panel of an asset: make a CDN direct link of a size and format, copy it, and see the links made. */
export default function AssetSharing(props: AssetSharingProps) {
  const api = useApi();
  const [links, { refetch }] = createAbortableResource(
    () => props.assetId,
    (assetId, signal) => api.listDirectLinks(assetId, signal),
  );
  const [creation, setCreation] = createSignal<Creation>({ state: "idle" });
  const [custom, setCustom] = createSignal(false);
  const [announcement, setAnnouncement] = createSignal("");
  const formats = () => directLinkFormats(props.kind, props.fileType);
  const failure = () => {
    const now = creation();
    return now.state === "failed" ? now.message : undefined;
  };
  const created = () => {
    const now = creation();
    return now.state === "created" ? now : undefined;
  };

  async function create(form: HTMLFormElement) {
    const data = new FormData(form);
    const size: DirectLinkSize =
      custom() && scalesToCustomSize(props.kind)
        ? { type: "Custom", width: Number(data.get("width")), height: Number(data.get("height")) }
        : { type: "Original" };
    setCreation({ state: "creating" });
    try {
      const { link, reused } = await api.createDirectLink(props.assetId, {
        linkName: String(data.get("linkName") ?? "").trim(),
        size,
        format: String(data.get("format") ?? ""),
      });
      setCreation({ state: "created", link, reused });
      void refetch();
    } catch (failure) {
      setCreation({ state: "failed", message: refusalMessage(failure, PERMISSION_ADVICE) });
    }
  }

  async function copy(link: DirectLink, address: string) {
    // Cleared first, so copying the same link twice is announced twice.
    setAnnouncement("");
    try {
      await navigator.clipboard.writeText(address);
      setAnnouncement(`Copied the address of “${link.linkName}” to the clipboard.`);
    } catch {
      setAnnouncement(
        `Valet could not reach the clipboard. Select the address of “${link.linkName}” and copy it yourself.`,
      );
    }
  }

  return (
    <section class="activity-panel" aria-labelledby="asset-sharing">
      <h2 id="asset-sharing">Sharing</h2>
      <p class="hint">A direct link is a public CDN address of this file: anyone who has it can open it.</p>
      <form
        class="direct-link-form"
        onSubmit={(event) => {
          event.preventDefault();
          void create(event.currentTarget);
        }}
      >
        <label for="direct-link-name">Link name</label>
        <input id="direct-link-name" name="linkName" required maxLength={100} value="Website" />
        <label for="direct-link-format">Format</label>
        <select id="direct-link-format" name="format">
          <For each={formats()}>{(format) => <option value={format}>{format}</option>}</For>
        </select>
        <Show when={scalesToCustomSize(props.kind)}>
          <fieldset>
            <legend>Size</legend>
            <label>
              <input type="radio" name="size" checked={!custom()} onChange={() => setCustom(false)} />{" "}
              Original
            </label>
            <label>
              <input type="radio" name="size" checked={custom()} onChange={() => setCustom(true)} /> Custom
            </label>
            <Show when={custom()}>
              <label for="direct-link-width">Width (px)</label>
              <input
                id="direct-link-width"
                name="width"
                type="number"
                min="1"
                max="10000"
                step="1"
                required
              />
              <label for="direct-link-height">Height (px)</label>
              <input
                id="direct-link-height"
                name="height"
                type="number"
                min="1"
                max="10000"
                step="1"
                required
              />
            </Show>
          </fieldset>
        </Show>
        <button type="submit" class="primary" disabled={creation().state === "creating"}>
          Create direct link
        </button>
      </form>
      <Show when={failure()}>{(message) => <p role="alert">{message()}</p>}</Show>
      {/* Always in the document, so screen readers announce each change of its text. */}
      <p class="activity-status" role="status" aria-live="polite">
        <Show when={creation().state === "creating"}>Creating the link… </Show>
        <Show when={created()}>
          {(done) =>
            done().reused
              ? `A link named “${done().link.linkName}” for this size and format already existed; it is listed below. `
              : `Created the direct link “${done().link.linkName}”; it is listed below. `
          }
        </Show>
        {announcement()}
      </p>
      <h3>Direct links</h3>
      <AsyncBoundary
        loading="Loading direct links…"
        errorTitle="The direct links could not be loaded"
        onRetry={() => void refetch()}
      >
        <Show when={links()}>
          {(list) => (
            <Show when={list().length > 0} fallback={<p class="empty">No direct links yet.</p>}>
              <ul class="direct-links">
                <For each={list()}>
                  {(link) => (
                    <li>
                      <p class="direct-link-name">
                        <strong>{link.linkName}</strong> <span class="hint">{describe(link)}</span>
                      </p>
                      <Show
                        when={link.cdnLink}
                        fallback={<p class="empty">MediaValet sent no usable address for this link.</p>}
                      >
                        {(address) => (
                          <div class="direct-link-address">
                            <input
                              readOnly
                              value={address()}
                              aria-label={`Address of “${link.linkName}”`}
                              onFocus={(event) => event.currentTarget.select()}
                            />
                            <button
                              type="button"
                              aria-label={`Copy the address of “${link.linkName}”`}
                              onClick={() => void copy(link, address())}
                            >
                              Copy
                            </button>
                          </div>
                        )}
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Show>
      </AsyncBoundary>
    </section>
  );
}

function describe(link: DirectLink): string {
  const size =
    link.size?.type === "Custom"
      ? `${link.size.width} × ${link.size.height} px`
      : link.size
        ? "original size"
        : "";
  const made = link.createdAt ? `created ${formatDate(link.createdAt)}` : "";
  const by = link.createdBy ? `by ${link.createdBy}` : "";
  return [link.format, size, [made, by].filter(Boolean).join(" ")].filter(Boolean).join(", ");
}
