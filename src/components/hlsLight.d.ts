// hls.js publishes its light build (playback without subtitles, alternate audio or DRM) as `hls.js/light` with no
// types of its own; its API is the full build's.
declare module "hls.js/light" {
  export * from "hls.js";
  export { default } from "hls.js";
}
