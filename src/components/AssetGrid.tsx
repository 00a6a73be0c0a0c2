import { useHref, useResolvedPath } from "@solidjs/router";
import { createEffect, createSignal, createUniqueId, For, on, Show } from "solid-js";
import { countColumns, gridMove, isGridKey } from "./gridMove";

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

/** Coming back to these results: the tile to focus, and how far down the window it was when it was opened. */
export interface GridReturn {
  id: string;
  /** The tile's distance from the top of the viewport, in CSS pixels. */
  top: number;
}

/**
 * Parts of the page that load after the grid (the filters beside it, the pager) can leave the page too short to scroll
 * the tile back into place at first; `place` is applied again as the page grows, until the person scrolls, presses a
 * key or clicks, or two seconds have passed.
 */
function keepInPlace(place: () => void) {
  if (typeof ResizeObserver === "undefined") return;
  const observer = new ResizeObserver(() => place());
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const type of STOP_EVENTS) window.removeEventListener(type, stop, true);
  };
  const timer = setTimeout(stop, 2000);
  for (const type of STOP_EVENTS) window.addEventListener(type, stop, { capture: true, passive: true });
  observer.observe(document.body);
}

const STOP_EVENTS = ["wheel", "touchstart", "keydown", "pointerdown"] as const;

/**
 * A responsive grid of asset thumbnails, each a link to its asset. Sizes are reserved so nothing jumps while images
 * load, and images below the fold load only when scrolled near.
 *
 * Keyboard: the grid is one tab stop (a roving tabindex on the tiles' links); arrow keys move by the columns as laid
 * out at that moment, Home and End go to the first and last tile, Enter opens, Space (Shift+Space for a range)
 * selects. The markup stays a list of links rather than role="grid" or "listbox": a grid needs rows, which a layout
 * that reflows with the window does not have, and a listbox's options may not contain links or checkboxes (axe's
 * nested-interactive). A list of links is what screen readers already browse well; the keys only add speed. The
 * checkboxes stay in the accessibility tree and under the pointer, but out of the tab order, since Space on the tile
 * does what Tab-then-Space would.
 */
export function AssetGrid(props: {
  tiles: readonly AssetTile[];
  label?: string;
  selection?: TileSelection;
  /** A tile is about to open its asset (a plain click or Enter). */
  onOpen?: (tile: AssetTile, index: number, top: number) => void;
  /** Coming back to these results: the tile to focus once it is shown, and the scroll position to restore. */
  returnTo?: GridReturn | undefined;
  /** The return has been made; the same tiles shown again later should not steal the focus. */
  onReturned?: () => void;
}) {
  const hintId = createUniqueId();
  const [active, setActive] = createSignal(0);
  let list: HTMLUListElement | undefined;
  // Read from the DOM each time, so the order is the order on screen whatever the list did to its items.
  const links = () => [...(list?.querySelectorAll<HTMLAnchorElement>("a[data-tile-index]") ?? [])];

  // A new page of results keeps the focus in range; coming back to these results focuses the tile left from.
  createEffect(
    on(
      () => props.tiles,
      (tiles) => {
        setActive((current) => Math.min(current, Math.max(0, tiles.length - 1)));
        const back = props.returnTo;
        const index = back ? tiles.findIndex((tile) => tile.id === back.id) : -1;
        if (!back || index === -1) return;
        setActive(index);
        props.onReturned?.();
        // After the page has laid out and the layout has moved focus to the page's heading.
        requestAnimationFrame(() => {
          // The tile goes back to where it was on screen, even if what is above the grid has changed height.
          const link = links()[index];
          if (!link) return;
          const place = () => window.scrollBy({ top: link.getBoundingClientRect().top - back.top });
          place();
          link.focus({ preventScroll: true });
          keepInPlace(place);
        });
      },
    ),
  );

  const focusTile = (index: number) => {
    setActive(index);
    links()[index]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    const index = Number(target.dataset["tileIndex"] ?? Number.NaN);
    // Keys on the checkboxes keep their own meaning.
    if (Number.isNaN(index) || event.altKey || event.ctrlKey || event.metaKey) return;
    if (isGridKey(event.key)) {
      event.preventDefault();
      const tops = links().map((link) => link.getBoundingClientRect().top);
      focusTile(gridMove(event.key, index, props.tiles.length, countColumns(tops)));
    } else if (event.key === " " && props.selection) {
      event.preventDefault();
      const tile = props.tiles[index];
      if (tile) props.selection.onToggle(tile, index, event.shiftKey);
    }
  };

  return (
    <>
      <p id={hintId} class="visually-hidden">
        {props.selection
          ? "Arrow keys, Home and End move between assets; Enter opens one; Space selects it."
          : "Arrow keys, Home and End move between assets; Enter opens one."}
      </p>
      <ul
        ref={(element) => (list = element)}
        class="asset-grid"
        aria-label={props.label ?? "Assets"}
        aria-describedby={hintId}
        onKeyDown={onKeyDown}
      >
        <For each={props.tiles}>
          {(tile, index) => {
            // A plain link, which the router's own click handling navigates in place: `<A>` would also work out
            // whether each of the 48 tiles is the current page, and that was a third of the time the grid took to
            // appear (issue 16).
            const href = useHref(useResolvedPath(() => tile.href));
            return (
              <li class="asset-tile" classList={{ selected: props.selection?.isSelected(tile.id) === true }}>
                <Show when={props.selection}>
                  {(selection) => (
                    <label class="tile-select">
                      <input
                        type="checkbox"
                        tabindex="-1"
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
                <a
                  href={href()}
                  data-tile-index={index()}
                  tabindex={index() === active() ? 0 : -1}
                  onFocus={() => setActive(index())}
                  onClick={(event) => {
                    // Only a plain click opens the asset here; a new tab or window leaves these results as they are.
                    const plain = !(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey);
                    if (event.button === 0 && plain) {
                      props.onOpen?.(tile, index(), event.currentTarget.getBoundingClientRect().top);
                    }
                  }}
                >
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
                </a>
              </li>
            );
          }}
        </For>
      </ul>
    </>
  );
}
