/**
 * `npm run profiles`: every resolved profile without AWS, and the policy a consumer attaches.
 * Reads the config through the loader and the same resolving step as synth, so what it shows
 * is what synth builds. Exit 0 on success, 1 on a config error (the loader's report), 2 on a
 * usage error (unknown flag, environment, product or profile).
 */
import { parseArgs } from "node:util";
import { consumerPolicyStatements, iamPolicyDocument } from "../config/consumer-policy.ts";
import { ConfigError, didYouMean, listSome, show } from "../config/errors.ts";
import { guardrailPermissionsBoundary, guardrailServiceControlPolicy } from "../config/guardrail.ts";
import { loadPlan } from "../config/loader.ts";
import { formatArn, type ResolvedEnvironment, type ResolvedProfile } from "../config/resolve.ts";
import type { ProfilesConfig } from "../config/schema.ts";
import { listBilling } from "./billing-listing.ts";
import { formatMarkdownTable, formatTextTable } from "./table.ts";

/** What a run printed and how it ended. */
export interface CommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** How to call the command; printed by `--help` and after usage errors. */
export const USAGE = `usage: npm run profiles -- [--env <env>]... [--product <product>]... [--json | --markdown]
       npm run profiles -- policy <env> <product>/<purpose> [--arn <profile ARN>]
       npm run profiles -- policy <env> <product>/<purpose>
       npm run profiles -- guardrail [scp | boundary]
       npm run profiles -- billing

  (no command)      every profile per environment: a table, --json for scripts,
                    --markdown for a GitHub job summary or docs
  --env, --product  only these (repeat the flag or give a comma list)
  policy            the IAM policy a consumer attaches to invoke <product>/<purpose> in <env>
  --arn             the deployed profile's ARN (SSM parameter or tofu output), to put in the
                    policy instead of a placeholder, so it can be attached as it is
  guardrail         the organisation's service control policy (default) or permissions boundary
                    denying Bedrock invocation except through an application inference profile
  billing           the activated cost allocation tags, the budgets and every alarm
`;

/** The commands besides the listing. */
const COMMANDS = ["policy", "guardrail", "billing"];

/** The fix for every malformed `policy` command line. */
const USAGE_POLICY_FIX = "npm run profiles -- policy <env> <product>/<purpose>";

const OPTIONS = {
  env: { type: "string", multiple: true },
  product: { type: "string", multiple: true },
  json: { type: "boolean" },
  markdown: { type: "boolean" },
  arn: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** The flags of the listing. */
interface ListingFlags {
  readonly env?: readonly string[];
  readonly product?: readonly string[];
  readonly json?: boolean;
  readonly markdown?: boolean;
  readonly arn?: string;
}

/** A mistake in the command line: what was given, what exists, how to fix it. Exit 2. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly allowed?: string,
    readonly fix?: string,
  ) {
    super(message);
  }

  /** The text for stderr, laid out like the config errors. */
  report(): string {
    const lines = [`profiles: ${this.message}`];
    if (this.allowed !== undefined) lines.push(`    allowed: ${this.allowed}`);
    lines.push(`    fix: ${this.fix ?? "see npm run profiles -- --help"}`);
    return `${lines.join("\n")}\n`;
  }
}

/** Run the command with `argv` (the arguments after `npm run profiles --`) against `configFile`. */
export function runProfilesCommand(argv: readonly string[], configFile: string): CommandResult {
  try {
    const { values, positionals } = parseCommandLine(argv);
    if (values.help) return { exitCode: 0, stdout: USAGE, stderr: "" };
    if (positionals[0] === "guardrail") return guardrail(positionals);
    const { config, environments, billing } = loadPlan(configFile);
    if (positionals.length === 0) {
      if (values.arn !== undefined)
        throw new UsageError("--arn is for policy", undefined, `${USAGE_POLICY_FIX} --arn <arn>`);
      return { exitCode: 0, stdout: listProfiles(config, environments, values), stderr: "" };
    }
    if (positionals[0] === "billing") {
      if (
        values.env ||
        values.product ||
        values.json ||
        values.markdown ||
        values.arn !== undefined ||
        positionals.length > 1
      ) {
        throw new UsageError("billing takes no arguments or flags", undefined, "npm run profiles -- billing");
      }
      return { exitCode: 0, stdout: listBilling(billing, environments), stderr: "" };
    }
    if (values.env || values.product || values.json || values.markdown) {
      throw new UsageError("policy takes no --env, --product, --json or --markdown", undefined, USAGE_POLICY_FIX);
    }
    return policy(config, environments, positionals, values.arn);
  } catch (error) {
    if (error instanceof ConfigError) return { exitCode: 1, stdout: "", stderr: error.message };
    if (error instanceof UsageError) return { exitCode: 2, stdout: "", stderr: error.report() };
    throw error;
  }
}

/** `util.parseArgs`, with every unknown or malformed flag reported as a {@link UsageError}. */
function parseCommandLine(argv: readonly string[]) {
  const parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
  const flags = Object.keys(OPTIONS).map((name) => `--${name}`);
  for (const token of parsed.tokens) {
    if (token.kind !== "option") continue;
    const option = (OPTIONS as Record<string, { type: string }>)[token.name];
    if (option === undefined) {
      throw new UsageError(`unknown flag ${show(token.rawName)}`, flags.join(", "), didYouMean(token.rawName, flags));
    }
    if (option.type === "string" && token.value === undefined) {
      throw new UsageError(`${token.rawName} needs a value`, undefined, `${token.rawName} <${token.name}>`);
    }
    if (option.type === "boolean" && token.value !== undefined) {
      throw new UsageError(`${token.rawName} takes no value, got ${show(token.value)}`, undefined, token.rawName);
    }
  }
  // Every flag was checked above, so the values have the types OPTIONS declares.
  const values = parsed.values as ListingFlags & { help?: boolean };
  const positionals = parsed.positionals;
  if (positionals.length > 0 && !COMMANDS.includes(positionals[0])) {
    throw new UsageError(
      `unknown command ${show(positionals[0])}`,
      COMMANDS.join(", "),
      didYouMean(positionals[0], COMMANDS),
    );
  }
  if (values.json && values.markdown) throw new UsageError("--json and --markdown exclude each other");
  return { values, positionals };
}

/** Comma lists and repeated flags as one list, each entry checked against what exists. */
function selected(given: readonly string[] | undefined, existing: readonly string[], what: string): Set<string> {
  const wanted = (given ?? []).flatMap((value) => value.split(",")).map((value) => value.trim());
  for (const value of wanted) {
    if (!existing.includes(value)) {
      throw new UsageError(`unknown ${what} ${show(value)}`, listSome(existing), didYouMean(value, existing));
    }
  }
  return new Set(wanted.length === 0 ? existing : wanted);
}

/** `copy_from` as synthesized, the caller identity shown as `<account of <env>>`. */
function copyFromText(profile: ResolvedProfile): string {
  return formatArn(profile.copyFrom, `<account of ${profile.env}>`);
}

/** The profiles matching the filters, as a table, JSON or Markdown. */
function listProfiles(
  config: ProfilesConfig,
  environments: readonly ResolvedEnvironment[],
  values: ListingFlags,
): string {
  const envs = selected(values.env, Object.keys(config.environments), "environment");
  const products = selected(values.product, Object.keys(config.products), "product");
  const profiles = environments
    .filter((environment) => envs.has(environment.env))
    .flatMap((environment) => environment.profiles.filter((profile) => products.has(profile.product)));
  if (values.json) {
    const entries = profiles.map((profile) => ({
      env: profile.env,
      profile: profile.key,
      product: profile.product,
      purpose: profile.purpose,
      name: profile.name,
      model: profile.modelKey,
      model_id: profile.modelId,
      geography: profile.geography,
      region: profile.region,
      copy_from: copyFromText(profile),
      ssm_parameter: profile.ssmParameterName,
    }));
    return `${JSON.stringify(entries, null, 2)}\n`;
  }
  const headers = ["ENV", "PROFILE", "NAME", "MODEL", "SOURCE (copy_from)", "SSM PARAMETER"];
  const rows = profiles.map((profile) => [
    profile.env,
    profile.key,
    profile.name,
    profile.modelKey,
    copyFromText(profile),
    profile.ssmParameterName,
  ]);
  return values.markdown ? markdownListing(profiles) : formatTextTable(headers, rows);
}

/**
 * The listing for a GitHub job summary or docs: one section per environment, values as code,
 * the source as the system-defined profile or model ID (the ARN around it is the same for all).
 */
function markdownListing(profiles: readonly ResolvedProfile[]): string {
  const envs = [...new Set(profiles.map((profile) => profile.env))];
  const code = (value: string) => `\`${value}\``;
  const sections = envs.map((env) => {
    const rows = profiles
      .filter((profile) => profile.env === env)
      .map((profile) => [
        code(profile.key),
        code(profile.name),
        code(profile.modelKey),
        code(profile.copyFrom.resource.replace(/^(inference-profile|foundation-model)\//, "")),
        code(profile.ssmParameterName),
      ]);
    return `### ${env}\n\n${formatMarkdownTable(["profile", "name", "model", "source", "SSM parameter"], rows)}`;
  });
  return sections.join("\n");
}

/** `policy <env> <product>/<purpose>`: the consumer policy, the profile ARN as a placeholder. */
function policy(
  config: ProfilesConfig,
  environments: readonly ResolvedEnvironment[],
  positionals: readonly string[],
  arn: string | undefined,
): CommandResult {
  const [, env, key, ...extra] = positionals;
  if (env === undefined || key === undefined || extra.length > 0) {
    throw new UsageError(
      `policy takes an environment and a profile, got ${show(positionals.slice(1).join(" "))}`,
      undefined,
      USAGE_POLICY_FIX,
    );
  }
  const environment = environments.find((candidate) => candidate.env === env);
  if (environment === undefined) {
    const existing = Object.keys(config.environments);
    throw new UsageError(`unknown environment ${show(env)}`, listSome(existing), didYouMean(env, existing));
  }
  const profile = environment.profiles.find((candidate) => candidate.key === key);
  if (profile === undefined && !key.includes("/") && config.products[key] !== undefined) {
    const keys = environment.profiles.filter((candidate) => candidate.product === key).map((p) => p.key);
    throw new UsageError(
      `${show(key)} is a product; policy takes one of its profiles as <product>/<purpose>`,
      keys.length === 0 ? `none of ${key} is deployed in ${env}` : keys.join(", "),
      keys.length === 0 ? USAGE_POLICY_FIX : `did you mean ${keys.map((k) => show(k)).join(" or ")}?`,
    );
  }
  if (profile === undefined) {
    const [product, purpose] = key.split("/");
    const profileConfig = config.products[product]?.profiles[purpose];
    if (profileConfig !== undefined) {
      throw new UsageError(
        `${key} is not deployed in ${env}`,
        `its environments: ${profileConfig.envs.join(", ")}`,
        `use one of its environments, or add ${env} to products.${product}.profiles.${purpose}.envs`,
      );
    }
    const existing = Object.entries(config.products).flatMap(([name, { profiles }]) =>
      Object.keys(profiles).map((purposeName) => `${name}/${purposeName}`),
    );
    throw new UsageError(`unknown profile ${show(key)}`, listSome(existing), didYouMean(key, existing));
  }
  const deployed = arn === undefined ? undefined : checkProfileArn(arn, profile, environment);
  const profileArn = deployed?.arn ?? `<value of SSM parameter ${profile.ssmParameterName}>`;
  const account = `<account of ${env}>`;
  const statements = consumerPolicyStatements(profile, {
    profileArn,
    accountId: environment.accountId ?? deployed?.account ?? account,
  });
  const document = `${JSON.stringify(iamPolicyDocument(statements), null, 2)}\n`;
  if (deployed !== undefined) return { exitCode: 0, stdout: document, stderr: "" };
  const hints = [
    `${profileArn} is the profile's ARN; it exists only after apply. Read it with:`,
    `  aws ssm get-parameter --name ${profile.ssmParameterName} --region ${profile.region} --query Parameter.Value --output text`,
    ...(document.includes(account)
      ? [`${account} is the account the ${environment.stackName} stack is deployed to.`]
      : []),
  ];
  return { exitCode: 0, stdout: document, stderr: `${hints.join("\n")}\n` };
}

/**
 * An application inference profile ARN given with `--arn`, checked against the profile: its
 * region and, when the environment pins one, its account.
 */
function checkProfileArn(
  arn: string,
  profile: ResolvedProfile,
  environment: ResolvedEnvironment,
): { arn: string; account: string } {
  const form = `arn:${profile.copyFrom.partition}:bedrock:${profile.region}:<account>:application-inference-profile/<id>`;
  const match = /^arn:([\w-]+):bedrock:([a-z0-9-]+):(\d{12}):application-inference-profile\/([a-z0-9]+)$/.exec(arn);
  const read = `aws ssm get-parameter --name ${profile.ssmParameterName} --region ${profile.region} --query Parameter.Value --output text`;
  if (match === null) {
    throw new UsageError(
      `--arn ${show(arn)} is not an application inference profile ARN`,
      form,
      `pass the value of ${read}`,
    );
  }
  const [, partition, region, account] = match;
  if (partition !== profile.copyFrom.partition || region !== profile.region) {
    throw new UsageError(
      `--arn ${show(arn)} is in ${region}, ${profile.key} in ${profile.region}`,
      form,
      `pass the value of ${read}`,
    );
  }
  if (environment.accountId !== undefined && account !== environment.accountId) {
    throw new UsageError(
      `--arn ${show(arn)} is in account ${account}, ${environment.env} in ${environment.accountId}`,
      form.replace("<account>", environment.accountId),
      `pass the value of ${read}`,
    );
  }
  return { arn, account };
}

/** `guardrail [scp | boundary]`: the organisation guardrail as IAM JSON; needs no profiles file. */
function guardrail(positionals: readonly string[]): CommandResult {
  const kinds = ["scp", "boundary"];
  const [, kind = "scp", ...rest] = positionals;
  if (!kinds.includes(kind) || rest.length > 0) {
    throw new UsageError(
      `guardrail takes scp or boundary, got ${show(positionals.slice(1).join(" "))}`,
      kinds.join(", "),
      "npm run profiles -- guardrail scp",
    );
  }
  const document = kind === "scp" ? guardrailServiceControlPolicy() : guardrailPermissionsBoundary();
  const where =
    kind === "scp"
      ? "Attach it as a service control policy to the OUs or accounts that use Bedrock (README: Organisation guardrail)."
      : "Set it as the permissions boundary of every role that may call Bedrock (README: Organisation guardrail).";
  return { exitCode: 0, stdout: `${JSON.stringify(document, null, 2)}\n`, stderr: `${where}\n` };
}
