/**
 * Encodes `segment` as one path segment: "/", "?", "#" and "%" are escaped, so an id can neither add segments nor
 * hide a dot segment in percent-encoding ("%2e" goes as "%252e", which no URL parser resolves). "." and ".." are
 * left recognisable: they cannot be sent as ids at all, and buildUrl refuses them before anything is sent.
 */
export function encodePathSegment(segment: string): string {
  return encodeURIComponent(segment);
}
