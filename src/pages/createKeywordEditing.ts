import { createSignal } from "solid-js";
import type { ApiClient, AssetKeyword } from "../api";
import type { ShownKeyword } from "../components/KeywordEditor";
import { createAbortableResource } from "./createAbortableResource";
import { messageOf } from "./messageOf";

/**
 * An asset's keywords with optimistic adds and removals: a change shows at once, is undone if MediaValet refuses
 * it, and a refused keyword goes back into the box it was typed in.
 * @param assetId the asset, or undefined while there is none
 */
export function createKeywordEditing(api: ApiClient, assetId: () => string | undefined) {
  const [saved, { mutate, refetch }] = createAbortableResource(assetId, (id, signal) =>
    api.getAssetKeywords(id, signal),
  );
  const [adding, setAdding] = createSignal<readonly string[]>([]);
  const [removing, setRemoving] = createSignal<readonly string[]>([]);
  const [text, setText] = createSignal("");
  const [error, setError] = createSignal<string>();

  const same = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();
  const without = (list: readonly string[], name: string) => list.filter((entry) => entry !== name);

  // A plain function, not a memo: it reads the resource, so it must be read inside the section's Suspense.
  const shown = (): ShownKeyword[] => [
    ...(saved() ?? [])
      .filter((keyword) => !removing().includes(keyword.keywordName))
      .map((keyword) => ({ name: keyword.keywordName, pending: false })),
    ...adding().map((name) => ({ name, pending: true })),
  ];

  async function add(name: string): Promise<void> {
    const id = assetId();
    if (id === undefined) return;
    setError(undefined);
    if (shown().some((keyword) => same(keyword.name, name))) {
      setError(`“${name}” is already a keyword of this asset.`);
      return;
    }
    setAdding((list) => [...list, name]);
    setText("");
    try {
      await api.addAssetKeywords(id, [name]);
      // MediaValet gives no id back; the empty id is looked up when the keyword is removed.
      mutate((list) => [...(list ?? []), { id: "", keywordName: name }]);
    } catch (failure) {
      // Only put the keyword back if the box is still empty: never overwrite something typed since.
      if (text() === "") setText(name);
      setError(`Could not add “${name}”: ${messageOf(failure)}`);
    } finally {
      setAdding((list) => without(list, name));
    }
  }

  async function remove(name: string): Promise<void> {
    const id = assetId();
    const keyword = saved()?.find((entry) => entry.keywordName === name);
    if (id === undefined || keyword === undefined) return;
    setError(undefined);
    setRemoving((list) => [...list, name]);
    try {
      const keywordId = keyword.id || (await lookUpId(id, name));
      await api.removeAssetKeyword(id, keywordId);
      mutate((list) => (list ?? []).filter((entry) => entry.keywordName !== name));
    } catch (failure) {
      setError(`Could not remove “${name}”: ${messageOf(failure)}`);
    } finally {
      setRemoving((list) => without(list, name));
    }
  }

  async function lookUpId(id: string, name: string): Promise<string> {
    const fresh: AssetKeyword[] = await api.getAssetKeywords(id);
    const found = fresh.find((entry) => entry.keywordName === name);
    if (found === undefined) throw new Error("MediaValet no longer lists it.");
    return found.id;
  }

  return { saved, refetch, shown, text, setText, error, add, remove };
}
