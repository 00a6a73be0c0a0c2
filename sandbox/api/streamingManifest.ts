/** The HLS playlist a streaming video's `media.streamingManifest` names; findMedia.ts serves it. */
export function streamingManifestUrl(apiUrl: string, assetId: string): string {
  return `${apiUrl}/streams/${assetId}/master.m3u8`;
}
