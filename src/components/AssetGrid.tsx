import { For } from "solid-js";

/** What one tile of the grid shows. */
export interface AssetTile {
  id: string;
  title: string;
  /** An image URL that works without credentials. */
  thumbnailUrl: string;
  /** Alternative text for the thumbnail; empty when the title already says it all. */
  alt: string;
  /** "Image", "Video", "Document", … */
  kind: string;
}

/** A responsive grid of asset thumbnails; sizes are reserved so nothing jumps while images load. */
export function AssetGrid(props: { tiles: readonly AssetTile[] }) {
  return (
    <ul class="asset-grid" aria-label="Assets">
      <For each={props.tiles}>
        {(tile) => (
          <li class="asset-tile">
            <figure>
              <img
                src={tile.thumbnailUrl}
                alt={tile.alt}
                width="200"
                height="200"
                loading="lazy"
                decoding="async"
              />
              <figcaption>
                <span class="asset-title">{tile.title}</span>
                <span class="asset-kind">{tile.kind}</span>
              </figcaption>
            </figure>
          </li>
        )}
      </For>
    </ul>
  );
}
