import { A, useParams } from "@solidjs/router";
import { For, Match, Show, Switch } from "solid-js";
import type { Asset } from "../api";
import { AssetPreview } from "../components/AssetPreview";
import { AssetTextForm } from "../components/AssetTextForm";
import { AsyncBoundary } from "../components/AsyncBoundary";
import { formatBytes } from "../components/formatBytes";
import { formatDate } from "../components/formatDate";
import { KeywordEditor } from "../components/KeywordEditor";
import { useApi } from "./ApiContext";
import { createAbortableResource } from "./createAbortableResource";
import { createKeywordEditing } from "./createKeywordEditing";
import { createTextEditing } from "./createTextEditing";
import { displayPath } from "./categoryTree";

/** One asset: a large preview, its facts, keywords, attributes and categories, with its text and keywords editable. */
export default function AssetPage() {
  const api = useApi();
  const params = useParams();
  const id = () => params["id"];
  const [asset, { mutate, refetch }] = createAbortableResource(id, (assetId, signal) =>
    api.getAsset(assetId, signal),
  );
  const ready = () => (asset.state === "ready" ? asset() : undefined);
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
                      <button
                        type="button"
                        ref={(element) => (editButton = element)}
                        disabled={text.saving()}
                        onClick={() => text.start()}
                      >
                        Edit details
                      </button>
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
                    {(href) => (
                      <p>
                        <a class="button" href={href()} download={current().file.fileName}>
                          Download {current().file.fileName}
                        </a>
                      </p>
                    )}
                  </Show>
                </section>
                <section aria-labelledby="asset-keywords">
                  <h2 id="asset-keywords">Keywords</h2>
                  <AsyncBoundary
                    loading="Loading keywords…"
                    errorTitle="The keywords could not be loaded"
                    onRetry={() => void keywords.refetch()}
                  >
                    <Show when={keywords.saved()}>
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
    </>
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
