/**
 * The one shape of every message a command-line edge prints when it cannot do what was asked
 * (synth, profiles, review, catalog, the infra preflight, bench), and its one layout: the one
 * the config errors have always had.
 *
 *     config/profiles.yaml:14:7 products.agents.profiles.main.model: unknown model "claude-sonet-45"
 *         allowed: claude-sonnet-45, claude-opus-45
 *         fix: did you mean "claude-sonnet-45"?
 *
 * Depends on nothing, so the config layer formats its issues with it too.
 */

/** Where, what, what is allowed and the fix, before it is laid out. */
export interface Diagnostic {
  /** `file:line:col yaml.path` for the config, else the command (and argument) that was given: `profiles`. */
  readonly where: string;
  /** What is wrong, with the value that was given, in one sentence. */
  readonly message: string;
  /** What would have been accepted; several lines for a list of alternatives. */
  readonly allowed?: string;
  /** How to fix it, e.g. `did you mean "prod"?`. */
  readonly fix?: string;
}

/** `    allowed: ` and the value, its further lines aligned under its first. */
function hint(label: string, value: string): string {
  const prefix = `    ${label}: `;
  return prefix + value.split("\n").join(`\n${" ".repeat(prefix.length)}`);
}

/** `<where>: <message>`, then `    allowed: …` and `    fix: …` when known; no trailing newline. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const lines = [`${diagnostic.where}: ${diagnostic.message}`];
  if (diagnostic.allowed !== undefined) lines.push(hint("allowed", diagnostic.allowed));
  if (diagnostic.fix !== undefined) lines.push(hint("fix", diagnostic.fix));
  return lines.join("\n");
}

/**
 * A diagnostic that stops a command: thrown where the mistake is found, turned into the
 * command's stderr and exit code by {@link failureResult} (cli/command-result.ts).
 */
export class DiagnosticError extends Error {
  constructor(
    readonly diagnostic: Diagnostic,
    /** 1 for what the command could not do, 2 for a command line it does not accept. */
    readonly exitCode = 1,
    /** Printed after the diagnostic: the command's usage, for a malformed command line. */
    readonly usage?: string,
  ) {
    super(diagnostic.message);
    this.name = "DiagnosticError";
  }

  /** The text for stderr, ending with a newline. */
  report(): string {
    const text = `${formatDiagnostic(this.diagnostic)}\n`;
    return this.usage === undefined ? text : `${text}\n${this.usage}`;
  }
}
