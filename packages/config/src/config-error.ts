/** One invalid or missing variable and the rule it broke. */
export interface ConfigIssue {
  /** The environment variable name, e.g. `PORT`. */
  variable: string;
  /** Why it is invalid, e.g. `must be an integer between 1 and 65535`. Never contains the value. */
  message: string;
}

/**
 * Thrown by `loadConfig` when the environment is invalid. The message lists every problem at once
 * (one `VARIABLE: reason` line each) so an operator fixes a deployment in one round, not one per restart.
 * Apps let it crash the process at startup; it is not an `AppError` because no client ever sees it.
 */
export class ConfigError extends Error {
  /** Every problem found, in the order the factories declared the variables. */
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    const lines = issues.map((issue) => `  ${issue.variable}: ${issue.message}`);
    super(
      `Invalid configuration (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n${lines.join("\n")}`,
    );
    this.name = "ConfigError";
    this.issues = issues;
  }
}
