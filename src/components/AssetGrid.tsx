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

/**
 * A responsive grid of asset thumbnails, each a link to its asset. Sizes are reserved so nothing jumps while images
 * load, and images below the fold load only when scrolled near.
 */
export function AssetGrid(props: { tiles: readonly AssetTile[]; label?: string }) {
  return (
    <ul class="asset-grid" aria-label={props.label ?? "Assets"}>
      <For each={props.tiles}>
        {(tile) => (
          <li class="asset-tile">
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
