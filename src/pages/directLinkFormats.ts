/**
 * The file types MediaValet can deliver an asset as through a direct link: its own first, then the ones its kind
 * converts to (images to the common raster formats, videos to MP4, audio to MP3, documents to PDF or a page image).
 */
export function directLinkFormats(kind: string, fileType: string): string[] {
  const own = fileType.trim().toUpperCase();
  const converted: Record<string, readonly string[]> = {
    Image: ["JPG", "PNG", "WEBP", "GIF", "TIFF", "BMP"],
    Video: ["MP4"],
    Audio: ["MP3"],
    Document: ["PDF", "JPG", "PNG"],
  };
  return [...new Set([own, ...(converted[kind] ?? [])].filter((format) => format !== ""))];
}

/** Whether a direct link may ask for a custom width and height: only pictures and videos scale. */
export function scalesToCustomSize(kind: string): boolean {
  return kind === "Image" || kind === "Video";
}
