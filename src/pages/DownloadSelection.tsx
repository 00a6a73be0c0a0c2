import { createSignal, Match, onCleanup, Show, Switch } from "solid-js";
import { formatBytes } from "../components/formatBytes";
import "../components/ModalDialog.css";
import { useApi } from "./ApiContext";
import type { ArchiveProgress } from "./archiveProgress";
import { createDownloadGate } from "./createDownloadGate";
import { DownloadGateDialog } from "./DownloadGateDialog";
import { makeArchiveFollow } from "./makeArchiveFollow";
import { messageOf } from "../lib/messageOf";

export interface DownloadSelectionProps {
  /** The assets to put in one zip, e.g. a selection or a lightbox's contents. */
  assetIds: readonly string[];
  /** The zip's name without `.zip`, when there is a natural one (a lightbox's name). */
  zipFileName?: string;
  /** How often to re-read the archive's state; tests shorten it. */
  pollIntervalMs?: number;
}

/**
 * Downloading many assets as one zip: meet the library's download rules, ask MediaValet for an archive (`POST
 * /downloads`, 202), follow it with a progress bar until it is ready, then offer the file. Failure and expiry say
 * what to do next and offer to start again. Lazily loaded where it is offered (a lightbox, the selection bar).
 */
export function DownloadSelection(props: DownloadSelectionProps) {
  const api = useApi();
  const [progress, setProgress] = createSignal<ArchiveProgress>();
  const [followError, setFollowError] = createSignal<string>();
  let stopFollowing: (() => void) | undefined;
  onCleanup(() => stopFollowing?.());

  const gate = createDownloadGate(api, false, async (_check, answers, signal) => {
    const batchId = await api.startArchive(
      { assetIds: props.assetIds, answers, ...(props.zipFileName ? { zipFileName: props.zipFileName } : {}) },
      signal,
    );
    setProgress({ kind: "working", done: 0, total: props.assetIds.length });
    stopFollowing?.();
    stopFollowing = makeArchiveFollow((readSignal) => api.getArchive(batchId, readSignal), {
      ...(props.pollIntervalMs === undefined ? {} : { intervalMs: props.pollIntervalMs }),
      onProgress: setProgress,
      onError: (error) => setFollowError(messageOf(error)),
    });
  });

  const start = () => {
    stopFollowing?.();
    setProgress(undefined);
    setFollowError(undefined);
    void gate.start();
  };
  const failure = () => {
    const state = gate.state();
    if (state.kind === "failed") return state.message;
    const shown = progress();
    if (shown?.kind === "failed" || shown?.kind === "expired") return shown.message;
    const lost = followError();
    return lost === undefined
      ? undefined
      : `Valet lost track of the archive: ${lost} Start the download again to get a fresh one.`;
  };
  const working = () => {
    const shown = progress();
    return shown?.kind === "working" && followError() === undefined ? shown : undefined;
  };
  const ready = () => {
    const shown = progress();
    return shown?.kind === "ready" ? shown : undefined;
  };
  const count = () => `${props.assetIds.length} asset${props.assetIds.length === 1 ? "" : "s"}`;

  return (
    <div class="download-selection">
      <Show when={!working()}>
        <button
          type="button"
          disabled={
            props.assetIds.length === 0 || gate.state().kind === "checking" || gate.state().kind === "sending"
          }
          onClick={start}
        >
          {failure() === undefined ? `Download ${count()} as a zip…` : "Start the download again"}
        </button>
      </Show>
      <p role="status" class="notice">
        <Switch>
          <Match when={gate.state().kind === "checking"}>Checking the library's download rules…</Match>
          <Match when={gate.state().kind === "sending"}>Asking MediaValet for the archive…</Match>
          <Match when={working()}>
            {(shown) => `MediaValet is preparing the archive: ${shown().done} of ${shown().total} assets.`}
          </Match>
          <Match when={ready()}>The archive is ready.</Match>
        </Switch>
      </p>
      <Show when={working()}>
        {(shown) => (
          <progress
            class="archive-progress"
            aria-label="Archive progress"
            max={Math.max(shown().total, 1)}
            value={shown().done}
          />
        )}
      </Show>
      <Show when={failure()}>
        {(message) => (
          <p role="alert" class="form-error">
            {message()}
          </p>
        )}
      </Show>
      <Show when={ready()}>
        {(archive) => (
          <p class="download-link">
            <a class="button primary" href={archive().url} download={archive().fileName}>
              Save {archive().fileName || "the archive"}
              {archive().fileSize > 0 ? ` (${formatBytes(archive().fileSize)})` : ""}
            </a>{" "}
            <span class="empty">The link works for a limited time; start again for a fresh one.</span>
          </p>
        )}
      </Show>
      <DownloadGateDialog
        gate={gate}
        title={`Download ${count()} as a zip`}
        submitLabel="Accept and prepare the zip"
      />
    </div>
  );
}

export default DownloadSelection;
