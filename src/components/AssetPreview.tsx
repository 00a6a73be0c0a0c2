import { Match, Show, Switch } from "solid-js";
import { StreamingVideo } from "./StreamingVideo";

export interface AssetPreviewProps {
  /** "Image", "Video", "Document", … */
  kind: string;
  title: string;
  altText: string;
  /** The largest still the API offers; only links that passed the API client's checks arrive here. */
  imageUrl?: string;
  /** A playable stream, for video. */
  streamUrl?: string;
  /** An HLS playlist for a video that streams (`media.streamingManifest`); preferred over `streamUrl`. */
  manifestUrl?: string;
  width?: number;
  height?: number;
  /** e.g. "PDF". */
  fileType: string;
}

// Previews are shown at most this wide; the reserved box keeps the asset's own aspect ratio.
const PREVIEW_WIDTH = 960;

/** The large view of an asset: the image, a player with a poster for video, or an icon for documents. */
export function AssetPreview(props: AssetPreviewProps) {
  const size = () => {
    const width = props.width ?? 0;
    const height = props.height ?? 0;
    if (width <= 0 || height <= 0)
      return { width: PREVIEW_WIDTH, height: Math.round((PREVIEW_WIDTH * 2) / 3) };
    return { width: PREVIEW_WIDTH, height: Math.round((PREVIEW_WIDTH * height) / width) };
  };
  const image = (url: string) => (
    <img
      src={url}
      alt={props.altText}
      width={size().width}
      height={size().height}
      loading="lazy"
      decoding="async"
    />
  );
  return (
    <figure class="asset-preview">
      <Switch fallback={<DocumentIcon fileType={props.fileType} />}>
        <Match when={props.kind === "Video" && props.manifestUrl}>
          {(manifest) => (
            <StreamingVideo
              manifestUrl={manifest()}
              posterUrl={props.imageUrl}
              title={props.title}
              width={size().width}
              height={size().height}
            />
          )}
        </Match>
        <Match when={props.kind === "Video" && props.streamUrl}>
          {(stream) => (
            <video
              controls
              preload="none"
              poster={props.imageUrl}
              width={size().width}
              height={size().height}
              aria-label={`Video: ${props.title}`}
            >
              <source src={stream()} />
            </video>
          )}
        </Match>
        <Match when={props.kind !== "Document" && props.imageUrl}>
          {(url) => (
            <>
              {image(url())}
              <Show when={props.kind === "Video"}>
                <figcaption>
                  MediaValet has no playable stream for this video; this is its poster frame. Download the
                  file to watch it.
                </figcaption>
              </Show>
            </>
          )}
        </Match>
        {/* No usable link (none sent, or one Valet refused as unsafe): say so rather than show a broken image. */}
        <Match when={props.kind !== "Document"}>
          <div class="preview-placeholder" role="img" aria-label={`No preview of ${props.title}`}>
            <span aria-hidden="true">No preview available</span>
          </div>
        </Match>
      </Switch>
    </figure>
  );
}

function DocumentIcon(props: { fileType: string }) {
  return (
    <div class="document-icon" role="img" aria-label={`${props.fileType || "Document"} file`}>
      <svg viewBox="0 0 48 60" width="96" height="120" aria-hidden="true">
        <path
          d="M4 2h28l14 14v40a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2z"
          fill="none"
          stroke="currentColor"
          stroke-width="3"
        />
        <path d="M32 2v14h14" fill="none" stroke="currentColor" stroke-width="3" />
      </svg>
      <span aria-hidden="true">{props.fileType}</span>
    </div>
  );
}
