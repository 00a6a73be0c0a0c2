import { createSignal } from "solid-js";
import { AssetGrid, type AssetTile, type TileSelection } from "../components/AssetGrid";
import { readResultsTrail, withoutReturn, writeResultsTrail } from "./resultsNavigation";

const here = () => `${window.location.pathname}${window.location.search}`;

/**
 * The grid of a page of results (library, category): opening a tile remembers these results for the asset page's
 * previous and next, and coming back with Escape focuses the tile that was open, scrolled as it was.
 */
export function ResultsGrid(props: {
  tiles: readonly AssetTile[];
  label?: string;
  selection?: TileSelection;
}) {
  const trail = readResultsTrail(sessionStorage);
  const [back, setBack] = createSignal(
    trail?.returnTo !== undefined && trail.from === here()
      ? { id: trail.returnTo, top: trail.top }
      : undefined,
  );
  return (
    <AssetGrid
      tiles={props.tiles}
      label={props.label}
      selection={props.selection}
      returnTo={back()}
      onReturned={() => {
        setBack(undefined);
        const current = readResultsTrail(sessionStorage);
        if (current) writeResultsTrail(sessionStorage, withoutReturn(current));
      }}
      onOpen={(_tile, _index, top) =>
        writeResultsTrail(sessionStorage, {
          from: here(),
          top,
          items: props.tiles.map((tile) => ({ id: tile.id, title: tile.title, href: tile.href })),
        })
      }
    />
  );
}
