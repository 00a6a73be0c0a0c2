import { A } from "@solidjs/router";
import { For, Show } from "solid-js";

/** What one tile of the grid shows. */
export interface AssetTile {
  id: string;
  title: string;
  /** An image URL that works without credentials; empty when the asset has no preview. */
  thumbnailUrl: string;
  /** Alternative text for the thumbnail; empty when the title already says it all. */
  alt: string;
  /** "Image", "Video", "Document", … */
  kind: string;
  /** Where the tile leads, e.g. `/assets/<id>`. */
  href: string;
}

/** Makes the tiles selectable: a labelled checkbox on each, and a visible "Selected" mark that is not only colour. */
export interface TileSelection {
  isSelected: (id: string) => boolean;
  /** `index` is the tile's position on this page; `extend` is true for Shift+click (select a range). */
  onToggle: (tile: AssetTile, index: number, extend: boolean) => void;
}

/**
 * A responsive grid of asset thumbnails, each a link to its asset. Sizes are reserved so nothing jumps while images
 * load, and images below the fold load only when scrolled near.
 */
export function AssetGrid(props: { tiles: readonly AssetTile[]; label?: string; selection?: TileSelection }) {
  return (
    <ul class="asset-grid" aria-label={props.label ?? "Assets"}>
      <For each={props.tiles}>
        {(tile, index) => (
          <li class="asset-tile" classList={{ selected: props.selection?.isSelected(tile.id) === true }}>
            <Show when={props.selection}>
              {(selection) => (
                <label class="tile-select">
                  <input
                    type="checkbox"
                    checked={selection().isSelected(tile.id)}
                    onClick={(event) => {
                      const box = event.currentTarget;
                      selection().onToggle(tile, index(), event.shiftKey);
                      // The selection decides the state (a range may select a box that the click unchecked).
                      queueMicrotask(() => (box.checked = selection().isSelected(tile.id)));
                    }}
                  />
                  <span class="visually-hidden">Select {tile.title}</span>
                  <Show when={selection().isSelected(tile.id)}>
                    <span class="tile-selected-mark" aria-hidden="true">
                      ✓ Selected
                    </span>
                  </Show>
                </label>
              )}
            </Show>
            <A href={tile.href}>
              <figure>
                <Show
                  when={tile.thumbnailUrl}
                  fallback={<div class="thumb-placeholder" aria-hidden="true" />}
                >
                  {(url) => (
                    <img
                      src={url()}
                      alt={tile.alt}
                      width="200"
                      height="200"
                      loading="lazy"
                      decoding="async"
                    />
                  )}
                </Show>
                <figcaption>
                  <span class="asset-title">{tile.title}</span>
                  <span class="asset-kind">{tile.kind}</span>
                </figcaption>
              </figure>
            </A>
          </li>
        )}
      </For>
    </ul>
  );
}
