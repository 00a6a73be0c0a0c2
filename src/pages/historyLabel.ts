const LABELS: Readonly<Record<string, string>> = {
  Uploaded: "Uploaded",
  Approved: "Approved",
  MetadataUpdated: "Changed the details",
  KeywordsAdded: "Added keywords",
  KeywordRemoved: "Removed a keyword",
  CommentAdded: "Commented",
  DirectLinkCreated: "Created a direct link",
};

/**
 * A history event's type (`DirectLinkCreated`) said in words. MediaValet's full list of event names is not public,
 * so a name not listed here is split into words rather than hidden.
 */
export function historyLabel(type: string): string {
  const known = LABELS[type];
  if (known !== undefined) return known;
  const words = type.replace(/([a-z\d])([A-Z])/g, "$1 $2").trim();
  return words === "" ? "Something happened" : words.charAt(0) + words.slice(1).toLowerCase();
}
