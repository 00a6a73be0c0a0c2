import { createSignal, For, Match, Show, Switch } from "solid-js";
import type { Asset, AssetRendition } from "../api";
import { AsyncBoundary } from "../components/AsyncBoundary";
import { formatBytes } from "../components/formatBytes";
import { useApi } from "./ApiContext";
import { createAbortableResource } from "./createAbortableResource";
import { createDownloadGate } from "./createDownloadGate";
import { DownloadGateDialog } from "./DownloadGateDialog";
import { messageOf } from "../lib/messageOf";

/** A link MediaValet handed over, for one rendition. */
interface GrantedLink {
  url: string;
  label: string;
}

function describe(rendition: AssetRendition): string {
  const size = rendition.width && rendition.height ? `, ${rendition.width} × ${rendition.height} px` : "";
  const bytes = rendition.sizeInBytes === undefined ? "" : `, ${formatBytes(rendition.sizeInBytes)}`;
  return `${rendition.name}${size}${bytes}`;
}

/**
 * Downloading one asset: pick a size from its renditions, meet the library's download rules (terms, a form), then get
 * the link from MediaValet and record the download when it is used. Loaded with the asset page's File section only.
 */
export function AssetDownloads(props: { asset: Asset }) {
  const api = useApi();
  const [renditions, renditionActions] = createAbortableResource(
    () => props.asset.id,
    (id, signal) => api.getAssetRenditions(id, signal),
  );
  const [chosen, setChosen] = createSignal<string>();
  const [link, setLink] = createSignal<GrantedLink>();
  const [recordNotice, setRecordNotice] = createSignal("");

  const options = () => (renditions.state === "ready" ? renditions() : []);
  const choice = () => {
    const list = options();
    const wanted = chosen();
    return (
      list.find((rendition) => (rendition.id ?? rendition.name) === wanted) ??
      list.find((rendition) => rendition.name === "Original") ??
      list[0]
    );
  };

  const gate = createDownloadGate(api, true, async (check, answers, signal) => {
    const rendition = choice();
    const url = await api.getDownloadLink(
      check.downloadId,
      {
        assetId: props.asset.id,
        answers,
        ...(rendition?.id === undefined ? {} : { renditionId: rendition.id }),
      },
      signal,
    );
    setLink({
      url,
      label: rendition ? `${props.asset.file.fileName} (${rendition.name})` : props.asset.file.fileName,
    });
  });

  const failure = () => {
    const state = gate.state();
    return state.kind === "failed" ? state.message : undefined;
  };

  async function record() {
    try {
      await api.recordDownload(props.asset.id);
      setRecordNotice("Download recorded in MediaValet.");
    } catch (error) {
      // The file is on its way either way; only MediaValet's count missed it.
      setRecordNotice(`The download could not be recorded in MediaValet: ${messageOf(error)}`);
    }
  }

  return (
    <div class="asset-downloads">
      <AsyncBoundary
        loading="Loading the sizes…"
        errorTitle="The sizes could not be loaded"
        onRetry={() => void renditionActions.refetch()}
      >
        <Show when={renditions()}>
          <label for="download-size">Size</label>{" "}
          <select
            id="download-size"
            value={choice()?.id ?? choice()?.name ?? ""}
            onChange={(event) => {
              setChosen(event.currentTarget.value);
              setLink(undefined);
            }}
          >
            <For each={options()}>
              {(rendition) => <option value={rendition.id ?? rendition.name}>{describe(rendition)}</option>}
            </For>
          </select>{" "}
          <button
            type="button"
            disabled={gate.state().kind === "checking" || gate.state().kind === "sending"}
            onClick={() => {
              setLink(undefined);
              void gate.start();
            }}
          >
            Download…
          </button>
        </Show>
      </AsyncBoundary>
      <p role="status" class="notice">
        <Switch>
          <Match when={gate.state().kind === "checking"}>Checking the library's download rules…</Match>
          <Match when={gate.state().kind === "sending"}>Asking MediaValet for the link…</Match>
          <Match when={recordNotice()}>{recordNotice()}</Match>
        </Switch>
      </p>
      <Show when={failure()}>
        {(message) => (
          <p role="alert" class="form-error">
            {message()}
          </p>
        )}
      </Show>
      <Show when={link()}>
        {(granted) => (
          <p class="download-link">
            <a
              class="button primary"
              href={granted().url}
              target="_blank"
              rel="noopener noreferrer"
              download={props.asset.file.fileName}
              onClick={() => void record()}
            >
              Save {granted().label}
            </a>{" "}
            <span class="empty">The link works for a short while; ask again for a fresh one.</span>
          </p>
        )}
      </Show>
      <DownloadGateDialog
        gate={gate}
        title={`Download ${props.asset.file.fileName}${choice() ? ` (${choice()?.name})` : ""}`}
        submitLabel="Accept and get the link"
      />
    </div>
  );
}

export default AssetDownloads;
