/** The `containerFilter` of `POST /assets/search` that keeps only the assets in one lightbox. */
export function lightboxContainerFilter(id: string): string {
  // The id sits inside single quotes in MediaValet's filter syntax; a quote in it would end the literal early.
  return `LightboxIds/ANY(l: l EQ '${id.replaceAll("'", "''")}')`;
}
