import { createSignal, onCleanup } from "solid-js";
import type { ApiClient, AssetKeyword } from "../api";
import type { ShownKeyword } from "../components/KeywordEditor";
import { createAbortableResource } from "./createAbortableResource";
import { makeBackoffPoll, type BackoffPollOptions } from "./makeBackoffPoll";
import { messageOf } from "../lib/messageOf";

/**
 * A change MediaValet has not shown yet. Keyword writes answer 202 and apply a little later, so a change is
 * `sending` until the write is accepted, then `accepted` until a re-read of the keywords shows it.
 */
type KeywordChange =
  | { kind: "add"; name: string; stage: "sending" | "accepted"; removeWhenListed: boolean }
  | { kind: "remove"; name: string; stage: "sending" | "accepted" };

const same = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/**
 * An asset's keywords with MediaValet's asynchronous writes: an added keyword shows as pending at once and until
 * MediaValet lists it (the keywords are re-read with a backoff, for about 30 seconds, while the page is open); a
 * removed one disappears at once and stays gone unless MediaValet refuses. A refused keyword goes back into the box
 * it was typed in.
 *
 * A pending keyword can be removed: the removal waits until MediaValet lists it and then uses the id it lists.
 * MediaValet removes by keyword id only, and a DELETE sent while the 202'd addition is still queued could arrive
 * first and be overtaken by it, leaving the keyword on the asset.
 * @param assetId the asset, or undefined while there is none
 */
export function createKeywordEditing(
  api: ApiClient,
  assetId: () => string | undefined,
  pollOptions: Partial<BackoffPollOptions> = {},
) {
  const [saved, { mutate, refetch }] = createAbortableResource(assetId, (id, signal) =>
    api.getAssetKeywords(id, signal),
  );
  const [changes, setChanges] = createSignal<readonly KeywordChange[]>([]);
  const [text, setText] = createSignal("");
  const [error, setError] = createSignal<string>();
  let stopPolling: (() => void) | undefined;
  onCleanup(() => stopPolling?.());

  const changeFor = (name: string) => changes().find((change) => same(change.name, name));
  const drop = (name: string) => setChanges((list) => list.filter((change) => !same(change.name, name)));
  const put = (next: KeywordChange) =>
    setChanges((list) => [...list.filter((change) => !same(change.name, next.name)), next]);
  const listed = (list: readonly AssetKeyword[] | undefined, name: string) =>
    (list ?? []).find((keyword) => same(keyword.keywordName, name));

  // A plain function, not a memo: it reads the resource, so it must be read inside the section's Suspense.
  const shown = (): ShownKeyword[] => {
    const list = saved() ?? [];
    const hidden = (name: string) => {
      const change = changeFor(name);
      return change?.kind === "remove" || (change?.kind === "add" && change.removeWhenListed);
    };
    return [
      ...list
        .filter((keyword) => !hidden(keyword.keywordName))
        .map((keyword) => ({ name: keyword.keywordName, pending: false })),
      ...changes()
        .filter((change) => change.kind === "add" && !change.removeWhenListed)
        .filter((change) => listed(list, change.name) === undefined)
        .map((change) => ({ name: change.name, pending: true })),
    ];
  };

  async function add(name: string): Promise<void> {
    const id = assetId();
    if (id === undefined) return;
    setError(undefined);
    if (shown().some((keyword) => same(keyword.name, name))) {
      setError(`“${name}” is already a keyword of this asset.`);
      return;
    }
    put({ kind: "add", name, stage: "sending", removeWhenListed: false });
    setText("");
    try {
      await api.addAssetKeywords(id, [name]);
      const change = changeFor(name);
      if (change?.kind === "add") put({ ...change, stage: "accepted" });
      poll(id);
    } catch (failure) {
      const change = changeFor(name);
      drop(name);
      // Removed meanwhile: the person no longer wants it, so its failure is nothing to report.
      if (change?.kind === "add" && change.removeWhenListed) return;
      // Only put the keyword back if the box is still empty: never overwrite something typed since.
      if (text() === "") setText(name);
      setError(`Could not add “${name}”: ${messageOf(failure)}`);
    }
  }

  async function remove(name: string): Promise<void> {
    const id = assetId();
    if (id === undefined) return;
    setError(undefined);
    const pending = changeFor(name);
    if (pending?.kind === "add") {
      put({ ...pending, removeWhenListed: true });
      return;
    }
    const keyword = listed(saved(), name);
    if (keyword === undefined) return;
    await sendRemoval(id, keyword);
  }

  async function sendRemoval(id: string, keyword: AssetKeyword): Promise<void> {
    const name = keyword.keywordName;
    put({ kind: "remove", name, stage: "sending" });
    try {
      await api.removeAssetKeyword(id, keyword.id);
      if (changeFor(name)?.kind === "remove") put({ kind: "remove", name, stage: "accepted" });
      poll(id);
    } catch (failure) {
      drop(name);
      setError(`Could not remove “${name}”: ${messageOf(failure)}`);
    }
  }

  /** Takes a fresh listing; answers whether nothing is left to wait for. */
  function reconcile(id: string, list: AssetKeyword[]): boolean {
    mutate(list);
    for (const change of changes()) {
      if (change.stage !== "accepted") continue;
      const keyword = listed(list, change.name);
      if (change.kind === "add" && keyword !== undefined) {
        if (change.removeWhenListed) void sendRemoval(id, keyword);
        else drop(change.name);
      }
      if (change.kind === "remove" && keyword === undefined) drop(change.name);
    }
    return !changes().some((change) => change.stage === "accepted");
  }

  /** (Re)starts the re-reads from the shortest wait: a new change deserves the same patience as the first. */
  function poll(id: string): void {
    stopPolling?.();
    // Read when each timer fires, untracked on purpose: the latest changes are what a re-read settles.
    const check = async (signal: AbortSignal) => reconcile(id, await api.getAssetKeywords(id, signal));
    stopPolling = makeBackoffPoll(check, { ...pollOptions, onGiveUp: giveUp });
  }

  function giveUp(): void {
    const late = changes().filter((change) => change.stage === "accepted");
    for (const change of late) drop(change.name);
    const names = late.map((change) => `“${change.name}”`).join(", ");
    if (late.length > 0) {
      setError(
        `MediaValet accepted the change to ${names} but does not show it yet. It may still appear: reload the page later to check.`,
      );
    }
  }

  return { saved, refetch, shown, text, setText, error, add, remove };
}
