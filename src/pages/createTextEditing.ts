import { createSignal } from "solid-js";
import { buildAssetPatch, type ApiClient, type Asset, type AssetText } from "../api";
import { messageOf } from "./messageOf";

/** Where the editing of an asset's text stands. The draft is what the person typed, kept until it is saved. */
export type TextEdit =
  | { status: "viewing" }
  | { status: "editing"; draft: AssetText; error?: string }
  | { status: "saving"; draft: AssetText };

/**
 * Optimistic editing of an asset's title, description and alt text with JSON Patch: the new text shows at once;
 * if MediaValet refuses it the old text comes back and the form reopens holding everything that was typed.
 * @param asset the asset as shown, and `mutate` to change what is shown without fetching
 */
export function createTextEditing(
  api: ApiClient,
  asset: () => Asset | undefined,
  mutate: (update: (current: Asset | undefined) => Asset | undefined) => void,
) {
  const [edit, setEdit] = createSignal<TextEdit>({ status: "viewing" });
  const [notice, setNotice] = createSignal("");

  function start(): void {
    const current = asset();
    if (current === undefined) return;
    setNotice("");
    setEdit({
      status: "editing",
      draft: { title: current.title, description: current.description ?? "", altText: current.altText ?? "" },
    });
  }

  async function save(draft: AssetText): Promise<void> {
    const before = asset();
    if (before === undefined) return;
    const operations = buildAssetPatch(before, draft);
    if (operations.length === 0) {
      setEdit({ status: "viewing" });
      return;
    }
    mutate((current) => current && { ...current, ...draft });
    setEdit({ status: "saving", draft });
    setNotice("Saving your changes…");
    try {
      const updated = await api.patchAsset(before.id, operations);
      if (updated !== undefined) mutate(() => updated);
      setEdit({ status: "viewing" });
      setNotice("Your changes are saved.");
    } catch (failure) {
      const { title, description, altText } = before;
      mutate((current) => current && { ...current, title, description, altText });
      setEdit({ status: "editing", draft, error: `Your changes were not saved. ${messageOf(failure)}` });
      setNotice("");
    }
  }

  function cancel(): void {
    setEdit({ status: "viewing" });
  }

  const editing = () => {
    const current = edit();
    return current.status === "editing" ? current : undefined;
  };
  const saving = () => edit().status === "saving";

  return { edit, editing, saving, notice, start, save, cancel };
}
