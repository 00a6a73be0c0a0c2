import { ApiError } from "./ApiError";
import type { Asset, JsonPatchOperation } from "./types";

/** One operation MediaValet skipped, with its reason; `operation` is undefined when the reason names none. */
export interface RefusedOperation {
  operation: JsonPatchOperation | undefined;
  message: string;
}

/**
 * MediaValet answered a PATCH with 200 but listed skipped operations in the envelope's `errors`: the other
 * operations were applied. Thrown rather than returned, so that no caller can report such a save as done by
 * forgetting to look.
 */
export class PatchRefusedError extends ApiError {
  /** What MediaValet refused, in the order it said so. */
  readonly refused: readonly RefusedOperation[];
  /** The operations no error was matched to; when some error names no operation these may not have applied. */
  readonly unrefused: readonly JsonPatchOperation[];
  /** The asset as MediaValet sent it back after the PATCH, when it did; the truth about what was applied. */
  readonly asset: Asset | undefined;

  constructor(refused: RefusedOperation[], unrefused: JsonPatchOperation[], asset: Asset | undefined) {
    const reasons = refused.map((entry) => entry.message).join(" ");
    super("patch_refused", `MediaValet did not apply part of the change. ${reasons}`.trim(), { status: 200 });
    this.refused = refused;
    this.unrefused = unrefused;
    this.asset = asset;
  }
}
