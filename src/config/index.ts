export type { ApiVersion, ValetConfig } from "./ValetConfig";
export { ConfigError } from "./ConfigError";
export type { ConfigErrorCode, ConfigIssue } from "./ConfigError";
export { parseConfig } from "./parseConfig";
export { loadConfig } from "./loadConfig";
export { ConfigErrorPage } from "./ConfigErrorPage";
export type { ConfigErrorPageProps } from "./ConfigErrorPage";
