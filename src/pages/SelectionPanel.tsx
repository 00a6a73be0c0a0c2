import { createSignal, lazy, Show, Suspense, useContext, type JSX } from "solid-js";
import type { ApiClient } from "../api";
import { AuthContext } from "../auth";
import type { AssetTile, TileSelection } from "../components/AssetGrid";
import { SelectionBar } from "../components/SelectionBar";
import type { BulkActionKind } from "./BulkDialog";
import { createAbortableResource } from "./createAbortableResource";
import { createSelection, SELECTION_LIMIT, type Selection, type SelectedAsset } from "./createSelection";
import { messageOf } from "../lib/messageOf";
import { notPermittedMessage, permits } from "./permits";

// Bulk and CSV code loads only when a person opens one of these dialogs.
const BulkDialog = lazy(() => import("./BulkDialog"));
const CsvExport = lazy(() => import("./CsvExport"));
const CsvImportDialog = lazy(() => import("./CsvImportDialog"));

/**
 * The actions on a selection and the permission each needs of the person, the one MediaValet checks on each of the
 * action's requests. Adding to a lightbox depends on the lightbox, so its dialog offers only lightboxes the person
 * may change; exporting only reads. Importing writes text and attributes, and keywords when that column changed:
 * it asks for the text permission, the stricter reading, and the per-asset report names any keyword refusal.
 */
const ACTIONS: { id: BulkActionKind | "exportCsv" | "importCsv"; label: string; needs?: string }[] = [
  { id: "addKeywords", label: "Add keywords", needs: "asset:editKeywords" },
  { id: "removeKeywords", label: "Remove keywords", needs: "asset:editKeywords" },
  { id: "addToCategory", label: "Add to category", needs: "asset:assignCategory" },
  { id: "removeFromCategory", label: "Remove from category", needs: "asset:assignCategory" },
  { id: "setAttribute", label: "Set attribute", needs: "asset:editMetadata" },
  { id: "addToLightbox", label: "Add to lightbox" },
  { id: "exportCsv", label: "Export CSV" },
  { id: "importCsv", label: "Import CSV", needs: "asset:editMetadata" },
];

/** Assets read for a range: at most this many per request ("Select all" reads page by page). */
const RANGE_PAGE = 100;

/** Reads `start`..`end` (inclusive) through `readPage`, one page of at most 100 at a time. */
export async function readRange(
  start: number,
  end: number,
  readPage: (offset: number, count: number) => Promise<readonly SelectedAsset[]>,
): Promise<SelectedAsset[]> {
  const found: SelectedAsset[] = [];
  for (let offset = start; offset <= end; offset += RANGE_PAGE) {
    const page = await readPage(offset, Math.min(RANGE_PAGE, end - offset + 1));
    found.push(...page);
    if (page.length === 0) break;
  }
  return found;
}

/**
 * Selection for a listing page: the tab's selection (see createSelection), the grid's checkbox handling, and the
 * bar with its dialogs, for the page to place.
 * @param current the page on screen, once loaded
 */
export function useListingSelection(api: ApiClient, current: () => ListingPage | undefined) {
  // Outside an AuthProvider (a page rendered on its own in a test) nobody owns it, so it is kept in memory only.
  const auth = useContext(AuthContext);
  const selection = createSelection({
    storage: window.sessionStorage,
    owner: () => auth?.state.user?.profile.sub,
  });
  const page = (): ListingPage =>
    current() ?? { listing: "", offset: 0, assets: [], total: 0, loadRange: async () => [] };
  return {
    selection,
    tileSelection: tileSelectionFor(selection, page),
    Panel: (props: { extraActions?: JSX.Element }) => (
      <SelectionPanel api={api} selection={selection} page={current()} extraActions={props.extraActions} />
    ),
  };
}

/** One page of one listing, as the selection needs it. */
export interface ListingPage {
  /** Identifies the listing (search, filters, sort, or category) across its pages. */
  listing: string;
  offset: number;
  assets: readonly SelectedAsset[];
  total: number;
  /** Reads the listing's assets from `start` to `end` (inclusive). */
  loadRange: (start: number, end: number) => Promise<readonly SelectedAsset[]>;
}

/** How the grid's checkboxes drive the selection: a click toggles, Shift+click selects the range from the last. */
export function tileSelectionFor(selection: Selection, page: () => ListingPage): TileSelection {
  return {
    isSelected: (id) => selection.has(id),
    onToggle: (tile: AssetTile, index: number, extend: boolean) => {
      const at = { listing: page().listing, index: page().offset + index };
      const asset = { id: tile.id, title: tile.title };
      if (!extend) return selection.toggle(asset, at);
      void selection.extendTo(at, page().loadRange).then((extended) => {
        if (!extended) selection.toggle(asset, at);
      });
    },
  };
}

/** The selection bar of a listing, and the bulk and CSV dialogs it opens. */
export function SelectionPanel(props: {
  api: ApiClient;
  selection: Selection;
  page: ListingPage | undefined;
  /** A slot in the bar for actions owned elsewhere (download). */
  extraActions?: JSX.Element;
}) {
  const [open, setOpen] = createSignal<(typeof ACTIONS)[number]["id"]>();
  const [busy, setBusy] = createSignal<string>();
  // When the person's permissions cannot be read, every action is offered and MediaValet decides per asset.
  const [userPermissions] = createAbortableResource(
    () => true,
    (_, signal) => props.api.getCurrentPermissions(signal).catch(() => undefined),
  );
  const actions = () => {
    const granted = userPermissions.state === "ready" ? userPermissions() : undefined;
    return ACTIONS.map(({ id, label, needs }) =>
      needs === undefined || permits(needs, granted)
        ? { id, label }
        : { id, label, notPermitted: notPermittedMessage(needs) },
    );
  };

  const selectAll = async () => {
    const page = props.page;
    if (!page) return;
    const last = Math.min(page.total, SELECTION_LIMIT) - 1;
    setBusy(`Selecting ${last + 1} results…`);
    try {
      props.selection.add(await page.loadRange(0, last));
      setBusy(undefined);
    } catch (error) {
      setBusy(`Could not select every result: ${messageOf(error)}`);
    }
  };

  const close = () => setOpen(undefined);
  return (
    <>
      <SelectionBar
        count={props.selection.count()}
        limit={SELECTION_LIMIT}
        total={props.page?.total}
        busy={busy()}
        actions={actions()}
        onAction={(id) => setOpen(id as (typeof ACTIONS)[number]["id"])}
        onSelectPage={() => props.selection.add(props.page?.assets ?? [])}
        onSelectAll={() => void selectAll()}
        onClear={() => props.selection.clear()}
      >
        {props.extraActions}
      </SelectionBar>
      <Suspense fallback={<p role="status">Opening…</p>}>
        <Show when={open()}>
          {(id) => {
            const assets = [...props.selection.items()];
            switch (id()) {
              case "exportCsv":
                return <CsvExport assets={assets} onClose={close} />;
              case "importCsv":
                return <CsvImportDialog assets={assets} onClose={close} />;
              default:
                return <BulkDialog kind={id() as BulkActionKind} assets={assets} onClose={close} />;
            }
          }}
        </Show>
      </Suspense>
    </>
  );
}
