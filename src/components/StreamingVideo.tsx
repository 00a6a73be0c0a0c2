import type Hls from "hls.js/light";
import { createEffect, createSignal, onCleanup, Show } from "solid-js";

export interface StreamingVideoProps {
  /** The HLS playlist (`media.streamingManifest`); only links that passed the API client's checks arrive here. */
  manifestUrl: string;
  /** A still shown before playback. */
  posterUrl?: string;
  title: string;
  width: number;
  height: number;
}

const HLS_TYPE = "application/vnd.apple.mpegurl";

/**
 * A video that plays an HLS stream. Browsers that play HLS themselves (Safari, iOS) get the playlist as the video's
 * source; the others get hls.js, loaded with import() only here, so no other page pays for it. hls.js runs without
 * its worker (no `worker-src blob:` in the site's policy) and fetches segments only once playback starts.
 */
export function StreamingVideo(props: StreamingVideoProps) {
  const [problem, setProblem] = createSignal<string>();
  let video: HTMLVideoElement | undefined;

  // Runs again when the page moves on to another video (the component stays), tearing the old player down first.
  createEffect(() => {
    const manifestUrl = props.manifestUrl;
    const element = video;
    setProblem(undefined);
    if (!element) return;
    if (element.canPlayType(HLS_TYPE) !== "") {
      element.src = manifestUrl;
      onCleanup(() => {
        element.removeAttribute("src");
        element.load();
      });
      return;
    }
    let player: Hls | undefined;
    let disposed = false;
    const startLoading = () => player?.startLoad();
    onCleanup(() => {
      disposed = true;
      element.removeEventListener("play", startLoading);
      player?.destroy();
    });
    import("hls.js/light").then(
      ({ default: HlsPlayer }) => {
        if (disposed) return;
        if (!HlsPlayer.isSupported()) {
          setProblem("This browser cannot play video streams. Download the file to watch it.");
          return;
        }
        const hls = new HlsPlayer({ enableWorker: false, autoStartLoad: false });
        player = hls;
        hls.on(HlsPlayer.Events.ERROR, (_event, data) => {
          if (data.fatal) {
            setProblem(`The stream could not be played (${data.details}). Download the file to watch it.`);
          }
        });
        // Segments cost bandwidth: fetch them when someone presses play, not when the page opens.
        element.addEventListener("play", startLoading, { once: true });
        hls.loadSource(manifestUrl);
        hls.attachMedia(element);
      },
      () => {
        if (!disposed)
          setProblem("The video player could not be loaded. Reload the page or download the file.");
      },
    );
  });

  return (
    <>
      <video
        ref={(element) => (video = element)}
        controls
        playsinline
        preload="none"
        poster={props.posterUrl}
        width={props.width}
        height={props.height}
        aria-label={`Video: ${props.title}`}
        onError={() => setProblem("The stream could not be played. Download the file to watch it.")}
      />
      <Show when={problem()}>{(message) => <figcaption role="alert">{message()}</figcaption>}</Show>
    </>
  );
}
