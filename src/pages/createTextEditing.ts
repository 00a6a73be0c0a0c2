import { createSignal } from "solid-js";
import {
  buildAssetPatch,
  PatchRefusedError,
  type ApiClient,
  type Asset,
  type AssetText,
  type JsonPatchOperation,
} from "../api";
import { messageOf } from "../lib/messageOf";

export type TextField = keyof AssetText;

/** Where the editing of an asset's text stands. The draft is what the person typed, kept until it is saved. */
export type TextEdit =
  | { status: "viewing" }
  | {
      status: "editing";
      draft: AssetText;
      error?: string;
      /** The fields MediaValet refused in the last save, with its reason for each. */
      refused?: Partial<Record<TextField, string>>;
      /** The fields the last save did change, though others were refused. */
      saved?: readonly TextField[];
    }
  | { status: "saving"; draft: AssetText };

const LABELS: Record<TextField, string> = { title: "Title", description: "Description", altText: "Alt text" };
const FIELDS = Object.keys(LABELS) as TextField[];

/**
 * Optimistic editing of an asset's title, description and alt text with JSON Patch: the new text shows at once.
 * If MediaValet refuses the whole save the old text comes back; if it refuses some fields (a 200 with `errors`)
 * the fields it took show as saved and the form stays open on the refused ones. Either way the form holds
 * everything that was typed.
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

  /** @param draft the fields exactly as typed: kept for the form if MediaValet refuses; the title is sent trimmed. */
  async function save(draft: AssetText): Promise<void> {
    const before = asset();
    if (before === undefined) return;
    const wanted = { ...draft, title: draft.title.trim() };
    const operations = buildAssetPatch(before, wanted);
    if (operations.length === 0) {
      setEdit({ status: "viewing" });
      return;
    }
    mutate((current) => current && { ...current, ...wanted });
    setEdit({ status: "saving", draft });
    setNotice("Saving your changes…");
    try {
      const updated = await api.patchAsset(before.id, operations);
      if (updated !== undefined) mutate(() => updated);
      setEdit({ status: "viewing" });
      setNotice("Your changes are saved.");
    } catch (failure) {
      if (failure instanceof PatchRefusedError) {
        await settlePartly(before, draft, wanted, operations, failure);
        return;
      }
      const { title, description, altText } = before;
      mutate((current) => current && { ...current, title, description, altText });
      setEdit({ status: "editing", draft, error: `Your changes were not saved. ${messageOf(failure)}` });
      setNotice("");
    }
  }

  /** Shows what MediaValet really kept after it skipped some operations, and reopens the form on the rest. */
  async function settlePartly(
    before: Asset,
    draft: AssetText,
    wanted: AssetText,
    operations: JsonPatchOperation[],
    failure: PatchRefusedError,
  ): Promise<void> {
    // The asset as MediaValet now has it is the only sure account of what applied; read it when not sent back.
    const after = failure.asset ?? (await api.getAsset(before.id).catch(() => undefined));
    const unexplained = failure.refused
      .filter((entry) => entry.operation === undefined)
      .map((e) => e.message);
    const reasons: Partial<Record<TextField, string>> = {};
    for (const entry of failure.refused) {
      const field = fieldOf(entry.operation);
      if (field !== undefined) reasons[field] = entry.message;
    }
    const sent = FIELDS.filter((field) => operations.some((operation) => fieldOf(operation) === field));
    const refused: Partial<Record<TextField, string>> = {};
    const saved: TextField[] = [];
    for (const field of sent) {
      const kept = after === undefined ? unexplained.length === 0 : after[field] === wanted[field];
      if (kept && reasons[field] === undefined) saved.push(field);
      else refused[field] = reasons[field] ?? (unexplained.join(" ") || "MediaValet did not apply it.");
    }
    const shown = after ?? { ...before, ...Object.fromEntries(saved.map((field) => [field, wanted[field]])) };
    mutate(() => shown);
    const names = (fields: readonly TextField[]) => fields.map((field) => LABELS[field]).join(", ");
    const refusedFields = FIELDS.filter((field) => refused[field] !== undefined);
    if (refusedFields.length === 0) {
      // The errors were about something else: every field this person changed is there.
      setEdit({ status: "viewing" });
      setNotice(
        `Your changes are saved. MediaValet also said: ${failure.refused.map((e) => e.message).join(" ")}`,
      );
      return;
    }
    setEdit({
      status: "editing",
      draft,
      error:
        `MediaValet did not save ${names(refusedFields)}. What you typed is still here: change it and save ` +
        "again, or cancel.",
      refused,
      saved,
    });
    setNotice(saved.length > 0 ? `Saved: ${names(saved)}.` : "");
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

function fieldOf(operation: JsonPatchOperation | undefined): TextField | undefined {
  return FIELDS.find((field) => operation?.path === `/${field}`);
}
