/** One thing wrong with `config.json`: the setting it concerns, and what is wrong with it in plain words. */
export interface ConfigIssue {
  field: string;
  message: string;
}

export type ConfigErrorCode = "config_unreachable" | "config_invalid";

/**
 * Why Valet cannot start: `config.json` could not be fetched (`config_unreachable`), or it was fetched but is not
 * usable (`config_invalid`). It carries every issue at once, so whoever deploys the site fixes the file in one go.
 */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  readonly code: ConfigErrorCode;
  readonly issues: readonly ConfigIssue[];

  constructor(code: ConfigErrorCode, issues: readonly ConfigIssue[], options?: { cause?: unknown }) {
    super(ConfigError.summarise(issues), options);
    this.code = code;
    this.issues = issues;
  }

  private static summarise(issues: readonly ConfigIssue[]): string {
    return `config.json is not usable: ${issues.map((issue) => `${issue.field} ${issue.message}`).join("; ")}`;
  }
}
