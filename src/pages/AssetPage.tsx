import { A, useParams } from "@solidjs/router";
import { createSignal, For, lazy, Match, Show, Suspense, Switch } from "solid-js";
import type { Asset } from "../api";
import { AssetPreview } from "../components/AssetPreview";
import { AssetTextForm } from "../components/AssetTextForm";
import { AsyncBoundary } from "../components/AsyncBoundary";
import { formatBytes } from "../components/formatBytes";
import { formatDate } from "../components/formatDate";
import { KeywordEditor } from "../components/KeywordEditor";
import { readPermissions } from "../api/readPermissions";
import { useApi } from "./ApiContext";
import { createAbortableResource } from "./createAbortableResource";
import { createKeywordEditing } from "./createKeywordEditing";
import { createTextEditing } from "./createTextEditing";
import { displayPath } from "./categoryTree";
import { notPermittedMessage, permits } from "./permits";
import { ResultsNav } from "./ResultsNav";

// Loaded only when the person asks to download or file the asset in a lightbox.
const AssetDownloads = lazy(() => import("./AssetDownloads"));
const AddToLightbox = lazy(() => import("./AddToLightbox"));
// The Sharing and Activity panels come with their own chunk, after the asset itself.
const AssetSharing = lazy(() => import("./AssetSharing"));
const AssetActivity = lazy(() => import("./AssetActivity"));

/** One asset: a large preview, its facts, keywords, attributes and categories, with its text and keywords editable. */
export default function AssetPage() {
  const api = useApi();
  const params = useParams();
  const id = () => params["id"];
  const [asset, { mutate, refetch }] = createAbortableResource(id, (assetId, signal) =>
    api.getAsset(assetId, signal),
  );
  const ready = () => (asset.state === "ready" ? asset() : undefined);
  // The person's own permissions back up the asset's; when they cannot be read, MediaValet decides (and a 403 says so).
  const [userPermissions] = createAbortableResource(
    () => true,
    (_, signal) => api.getCurrentPermissions(signal).catch(() => undefined),
  );
  /** Whether to offer an action: the asset's own `permissions` first, then the person's. */
  const may = (name: string) => {
    const current = ready();
    if (current === undefined) return false;
    const own = readPermissions((current as { permissions?: unknown }).permissions);
    return permits(name, own, userPermissions.state === "ready" ? userPermissions() : undefined);
  };
  const [downloadOpen, setDownloadOpen] = createSignal(false);
  const [lightboxOpen, setLightboxOpen] = createSignal(false);
  const text = createTextEditing(api, ready, (update) => mutate(update));
  const keywords = createKeywordEditing(api, id);
  const [categories, categoryActions] = createAbortableResource(id, (assetId, signal) =>
    api.getAssetCategories(assetId, signal),
  );
  const [attributes, attributeActions] = createAbortableResource(id, async (assetId, signal) => {
    const [values, definitions] = await Promise.all([
      api.getAssetAttributes(assetId, signal),
      api.listAttributes(signal),
    ]);
    const names = new Map(definitions.map((definition) => [definition.id, definition.name]));
    return Object.entries(values)
      .filter(([, value]) => value !== "")
      .map(([attributeId, value]) => ({ name: names.get(attributeId) ?? attributeId, value }));
  });
  let editButton: HTMLButtonElement | undefined;

  return (
    <>
      <p class="back-link">
        <A href="/assets">Back to the library</A>
      </p>
      {/* Outside the boundary, so the heading is there to take focus while the asset loads. */}
      <h1 tabindex="-1">{ready()?.title ?? "Asset"}</h1>
      {/* Right after the heading, where focus lands on arriving: the next Tab reaches Previous and Next. */}
      <ResultsNav assetId={id() ?? ""} />
      <AsyncBoundary
        loading="Loading the asset…"
        errorTitle="The asset could not be loaded"
        onRetry={() => void refetch()}
      >
        <Show when={asset()}>
          {(current) => (
            <div class="asset-layout">
              <AssetPreview
                kind={current().media.type}
                title={current().title}
                altText={current().altText ?? ""}
                imageUrl={current().media.large ?? current().media.medium ?? current().media.thumb}
                streamUrl={current().media.stream}
                manifestUrl={current().media.streamingManifest}
                width={current().file.imageWidth}
                height={current().file.imageHeight}
                fileType={current().file.fileType}
              />
              <div class="asset-details">
                <section aria-labelledby="asset-text">
                  <h2 id="asset-text">Details</h2>
                  <p role="status" class="notice">
                    {text.notice()}
                  </p>
                  <Switch>
                    <Match when={text.editing()}>
                      {(editing) => (
                        <AssetTextForm
                          initial={editing().draft}
                          error={editing().error}
                          refused={editing().refused}
                          saved={editing().saved}
                          onSave={(draft) => void text.save(draft)}
                          onCancel={() => {
                            text.cancel();
                            queueMicrotask(() => editButton?.focus());
                          }}
                        />
                      )}
                    </Match>
                    <Match when={!text.editing()}>
                      <TextFacts asset={current()} />
                      <Show
                        when={may("asset:editMetadata")}
                        fallback={<p class="empty">{notPermittedMessage("asset:editMetadata")}</p>}
                      >
                        <button
                          type="button"
                          ref={(element) => (editButton = element)}
                          disabled={text.saving()}
                          onClick={() => text.start()}
                        >
                          Edit details
                        </button>
                      </Show>
                    </Match>
                  </Switch>
                </section>
                <section aria-labelledby="asset-file">
                  <h2 id="asset-file">File</h2>
                  <FileFacts asset={current()} />
                  <Show
                    when={current().media.download}
                    fallback={<p class="empty">MediaValet gave no download link for this file.</p>}
                  >
                    <Show
                      when={may("asset:download")}
                      fallback={<p class="empty">{notPermittedMessage("asset:download")}</p>}
                    >
                      <Show
                        when={downloadOpen()}
                        fallback={
                          <p>
                            <button type="button" onClick={() => setDownloadOpen(true)}>
                              Download {current().file.fileName}…
                            </button>
                          </p>
                        }
                      >
                        <Suspense fallback={<p class="loading">Loading the download…</p>}>
                          <AssetDownloads asset={current()} />
                        </Suspense>
                      </Show>
                    </Show>
                  </Show>
                </section>
                <section aria-labelledby="asset-lightboxes">
                  <h2 id="asset-lightboxes">Lightboxes</h2>
                  <Show
                    when={lightboxOpen()}
                    fallback={
                      <button type="button" onClick={() => setLightboxOpen(true)}>
                        Add to lightbox…
                      </button>
                    }
                  >
                    <Suspense fallback={<p class="loading">Loading your lightboxes…</p>}>
                      <AddToLightbox assetId={current().id} />
                    </Suspense>
                  </Show>
                </section>
                <section aria-labelledby="asset-keywords">
                  <h2 id="asset-keywords">Keywords</h2>
                  <AsyncBoundary
                    loading="Loading keywords…"
                    errorTitle="The keywords could not be loaded"
                    onRetry={() => void keywords.refetch()}
                  >
                    <Show when={keywords.saved() && !may("asset:editKeywords")}>
                      <ReadOnlyKeywords names={keywords.shown().map((keyword) => keyword.name)} />
                      <p class="empty">{notPermittedMessage("asset:editKeywords")}</p>
                    </Show>
                    <Show when={keywords.saved() && may("asset:editKeywords")}>
                      <KeywordEditor
                        keywords={keywords.shown()}
                        text={keywords.text()}
                        error={keywords.error()}
                        onText={keywords.setText}
                        onAdd={(keyword) => void keywords.add(keyword)}
                        onRemove={(keyword) => void keywords.remove(keyword)}
                      />
                    </Show>
                  </AsyncBoundary>
                </section>
                <section aria-labelledby="asset-categories">
                  <h2 id="asset-categories">Categories</h2>
                  <AsyncBoundary
                    loading="Loading categories…"
                    errorTitle="The categories could not be loaded"
                    onRetry={() => void categoryActions.refetch()}
                  >
                    <Show when={categories()}>
                      {(list) => (
                        <Show when={list().length > 0} fallback={<p class="empty">In no category.</p>}>
                          <ul class="plain-list">
                            <For each={list()}>
                              {(category) => (
                                <li>
                                  <A href={`/categories/${encodeURIComponent(category.id)}`}>
                                    {displayPath(category.tree.path) || category.name}
                                  </A>
                                </li>
                              )}
                            </For>
                          </ul>
                        </Show>
                      )}
                    </Show>
                  </AsyncBoundary>
                </section>
                <section aria-labelledby="asset-attributes">
                  <h2 id="asset-attributes">Attributes</h2>
                  <AsyncBoundary
                    loading="Loading attributes…"
                    errorTitle="The attributes could not be loaded"
                    onRetry={() => void attributeActions.refetch()}
                  >
                    <Show when={attributes()}>
                      {(list) => (
                        <Show when={list().length > 0} fallback={<p class="empty">No attributes set.</p>}>
                          <dl class="facts">
                            <For each={list()}>
                              {(attribute) => (
                                <>
                                  <dt>{attribute.name}</dt>
                                  <dd>{attribute.value}</dd>
                                </>
                              )}
                            </For>
                          </dl>
                        </Show>
                      )}
                    </Show>
                  </AsyncBoundary>
                </section>
              </div>
            </div>
          )}
        </Show>
      </AsyncBoundary>
      <Show when={ready()}>
        {(current) => (
          <div class="activity-panels">
            <AsyncBoundary
              loading="Loading sharing and activity…"
              errorTitle="Sharing and activity could not be loaded"
              onRetry={() => undefined}
            >
              <AssetSharing
                assetId={current().id}
                kind={current().media.type}
                fileType={current().file.fileType}
              />
              <AssetActivity assetId={current().id} />
            </AsyncBoundary>
          </div>
        )}
      </Show>
    </>
  );
}

function ReadOnlyKeywords(props: { names: readonly string[] }) {
  return (
    <Show when={props.names.length > 0} fallback={<p class="empty">No keywords yet.</p>}>
      <ul class="chips" aria-label="Keywords">
        <For each={props.names}>
          {(name) => (
            <li class="chip">
              <span>{name}</span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

function TextFacts(props: { asset: Asset }) {
  return (
    <dl class="facts">
      <dt>Title</dt>
      <dd data-testid="asset-title">{props.asset.title}</dd>
      <dt>Description</dt>
      <dd data-testid="asset-description">{props.asset.description || "—"}</dd>
      <dt>Alt text</dt>
      <dd data-testid="asset-alt-text">{props.asset.altText || "—"}</dd>
    </dl>
  );
}

function FileFacts(props: { asset: Asset }) {
  const file = () => props.asset.file;
  return (
    <dl class="facts">
      <dt>Type</dt>
      <dd>
        {props.asset.media.type} ({file().fileType})
      </dd>
      <dt>File name</dt>
      <dd>{file().fileName}</dd>
      <dt>Size</dt>
      <dd>{formatBytes(file().sizeInBytes)}</dd>
      <Show when={file().imageWidth && file().imageHeight}>
        <dt>Dimensions</dt>
        <dd>
          {file().imageWidth} × {file().imageHeight} px
        </dd>
      </Show>
      <dt>Created</dt>
      <dd>{formatDate(props.asset.record.createdAt)}</dd>
      <dt>Uploaded</dt>
      <dd>{formatDate(file().uploadedAt)}</dd>
      <dt>Modified</dt>
      <dd>{formatDate(props.asset.record.modifiedAt ?? file().modifiedAt)}</dd>
    </dl>
  );
}
