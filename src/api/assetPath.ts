import { encodePathSegment } from "./encodePathSegment";

/** `/assets/{id}`, with the id encoded as one path segment. */
export function assetPath(id: string): string {
  return `/assets/${encodePathSegment(id)}`;
}
