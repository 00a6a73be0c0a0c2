/** What unit tests share: time and promise helpers, fetch and API stand-ins, and a typed fake of the auth binding. */
export { createFakeAuth, type FakeAuth, type FakeAuthOptions } from "./createFakeAuth";
export { envelope } from "./envelope";
export { settle } from "./settle";
export { storedUserKeys } from "./storedUserKeys";
export { stubFetch } from "./stubFetch";
export { TEST_API_BASE, testApiOptions } from "./testApiOptions";
