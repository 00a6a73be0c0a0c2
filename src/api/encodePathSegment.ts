/** encodeURIComponent leaves "." and ".." alone, and URL resolution would turn them into "this/parent folder". */
export function encodePathSegment(segment: string): string {
  if (segment === "." || segment === "..") return segment.replaceAll(".", "%2E");
  return encodeURIComponent(segment);
}
