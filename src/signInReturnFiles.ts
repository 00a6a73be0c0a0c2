/**
 * The files a return from the sign-in page loads that the start page has not (the auth client, the id_token check,
 * the API client, the library page), relative to SIGN_IN_RETURN_BASE. The build writes them in
 * (scripts/signInReturnFiles.ts); in dev and in tests the marker stays, and it names no file.
 */
export const SIGN_IN_RETURN_FILES: readonly string[] = ["valet:sign-in-return-files"];

/** The URL of the file the list is in, which its paths are relative to, whatever the base path. */
export const SIGN_IN_RETURN_BASE: string = import.meta.url;
