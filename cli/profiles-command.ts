/**
 * `npm run profiles`: every resolved profile without AWS, and the policy a consumer attaches.
 * Reads the config through the loader and the same resolving step as synth, so what it shows
 * is what synth builds. Exit 0 on success, 1 on a config error (the loader's report), 2 on a
 * usage error (unknown flag, environment, product or profile).
 */
import { parseArgs } from "node:util";
import { consumerPolicyStatements, iamPolicyDocument } from "../config/consumer-policy.ts";
import { didYouMean, didYouMeanOneOf, listSome, show } from "../config/errors.ts";
import { guardrailPermissionsBoundary, guardrailServiceControlPolicy } from "../config/guardrail.ts";
import { loadPlan } from "../config/loader.ts";
import type { ResolvedEnvironment, ResolvedProfile } from "../config/resolve.ts";
import type { ProfilesConfig } from "../config/schema.ts";
import { listBilling } from "./billing-listing.ts";
import { type CommandResult, failureResult } from "./command-result.ts";
import { DiagnosticError } from "./diagnostic.ts";
import { FORMAT_FLAGS, LISTING_FORMATS, type ListingFormat, renderListing } from "./profile-listing.ts";

/** How to call the command; printed by `--help` and after usage errors. */
export const USAGE = `usage: npm run profiles -- [--env <env>]... [--product <product>]... [${FORMAT_FLAGS.join(" | ")}]
       npm run profiles -- policy <env> <product>/<purpose> [--arn <profile ARN>]
       npm run profiles -- guardrail [scp | boundary]
       npm run profiles -- billing

  (no command)      every profile per environment: a table, ${LISTING_FORMATS.map((format) => format.help).join(",\n                    ")}
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

/** Every flag, in the order a usage error lists them. */
const OPTIONS: Record<string, { type: "string" | "boolean"; multiple?: boolean; short?: string }> = {
  env: { type: "string", multiple: true },
  product: { type: "string", multiple: true },
  ...Object.fromEntries(LISTING_FORMATS.map((format) => [format.flag, { type: "boolean" }])),
  arn: { type: "string" },
  help: { type: "boolean", short: "h" },
};

/** The flags as parsed; a format's flag is `true` when given. */
interface Flags {
  readonly env?: readonly string[];
  readonly product?: readonly string[];
  readonly arn?: string;
  readonly help?: boolean;
  readonly [format: string]: unknown;
}

/** `a, b or c`. */
function orList(items: readonly string[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/**
 * A mistake in the command line: what was given, what exists, how to fix it (by default, the
 * help). Exit 2.
 */
function usageError(message: string, allowed?: string, fix = "see npm run profiles -- --help"): DiagnosticError {
  return new DiagnosticError({ where: "profiles", message, allowed, fix }, 2);
}

/** Run the command with `argv` (the arguments after `npm run profiles --`) against `configFile`. */
export function runProfilesCommand(argv: readonly string[], configFile: string): CommandResult {
  try {
    const { values, positionals, format } = parseCommandLine(argv);
    if (values.help) return { exitCode: 0, stdout: USAGE, stderr: "" };
    if (positionals[0] === "guardrail") return guardrail(positionals);
    const { config, environments, billing } = loadPlan(configFile);
    if (positionals.length === 0) {
      if (values.arn !== undefined)
        throw usageError("--arn is for policy", undefined, `${USAGE_POLICY_FIX} --arn <arn>`);
      return { exitCode: 0, stdout: listProfiles(config, environments, values, format), stderr: "" };
    }
    if (positionals[0] === "billing") {
      if (values.env || values.product || format || values.arn !== undefined || positionals.length > 1) {
        throw usageError("billing takes no arguments or flags", undefined, "npm run profiles -- billing");
      }
      return { exitCode: 0, stdout: listBilling(billing, environments), stderr: "" };
    }
    if (values.env || values.product || format) {
      throw usageError(
        `policy takes no ${orList(["--env", "--product", ...FORMAT_FLAGS])}`,
        undefined,
        USAGE_POLICY_FIX,
      );
    }
    return policy(config, environments, positionals, values.arn);
  } catch (error) {
    return failureResult(error);
  }
}

/** `util.parseArgs`, with every unknown or malformed flag reported as a usage error. */
function parseCommandLine(argv: readonly string[]) {
  const parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
  const flags = Object.keys(OPTIONS).map((name) => `--${name}`);
  for (const token of parsed.tokens) {
    if (token.kind !== "option") continue;
    const option = OPTIONS[token.name];
    if (option === undefined) {
      throw usageError(`unknown flag ${show(token.rawName)}`, flags.join(", "), didYouMean(token.rawName, flags));
    }
    if (option.type === "string" && token.value === undefined) {
      throw usageError(`${token.rawName} needs a value`, undefined, `${token.rawName} <${token.name}>`);
    }
    if (option.type === "boolean" && token.value !== undefined) {
      throw usageError(`${token.rawName} takes no value, got ${show(token.value)}`, undefined, token.rawName);
    }
  }
  // Every flag was checked above, so the values have the types OPTIONS declares.
  const values = parsed.values as Flags;
  const positionals = parsed.positionals;
  if (positionals.length > 0 && !COMMANDS.includes(positionals[0])) {
    throw usageError(
      `unknown command ${show(positionals[0])}`,
      COMMANDS.join(", "),
      didYouMean(positionals[0], COMMANDS),
    );
  }
  const formats = LISTING_FORMATS.filter((format) => values[format.flag] === true);
  if (formats.length > 1) {
    throw usageError(`${formats.map((format) => `--${format.flag}`).join(" and ")} exclude each other`);
  }
  return { values, positionals, format: formats[0] };
}

/** Comma lists and repeated flags as one list, each entry checked against what exists. */
function selected(given: readonly string[] | undefined, existing: readonly string[], what: string): Set<string> {
  const wanted = (given ?? []).flatMap((value) => value.split(",")).map((value) => value.trim());
  for (const value of wanted) {
    if (!existing.includes(value)) {
      throw usageError(`unknown ${what} ${show(value)}`, listSome(existing), didYouMean(value, existing));
    }
  }
  return new Set(wanted.length === 0 ? existing : wanted);
}

/** The profiles matching the filters, in the format chosen (the table by default). */
function listProfiles(
  config: ProfilesConfig,
  environments: readonly ResolvedEnvironment[],
  values: Flags,
  format: ListingFormat | undefined,
): string {
  const envs = selected(values.env, Object.keys(config.environments), "environment");
  const products = selected(values.product, Object.keys(config.products), "product");
  const profiles = environments
    .filter((environment) => envs.has(environment.env))
    .flatMap((environment) => environment.profiles.filter((profile) => products.has(profile.product)));
  return renderListing(profiles, format);
}

/** The environment `env` and its profile `key` (`<product>/<purpose>`), or why there is none. */
function findProfile(
  config: ProfilesConfig,
  environments: readonly ResolvedEnvironment[],
  env: string,
  key: string,
): { environment: ResolvedEnvironment; profile: ResolvedProfile } {
  const environment = environments.find((candidate) => candidate.env === env);
  if (environment === undefined) {
    const existing = Object.keys(config.environments);
    throw usageError(`unknown environment ${show(env)}`, listSome(existing), didYouMean(env, existing));
  }
  const profile = environment.profiles.find((candidate) => candidate.key === key);
  if (profile === undefined && !key.includes("/") && config.products[key] !== undefined) {
    const keys = environment.profiles.filter((candidate) => candidate.product === key).map((p) => p.key);
    throw usageError(
      `${show(key)} is a product; policy takes one of its profiles as <product>/<purpose>`,
      keys.length === 0 ? `none of ${key} is deployed in ${env}` : keys.join(", "),
      keys.length === 0 ? USAGE_POLICY_FIX : didYouMeanOneOf(keys),
    );
  }
  if (profile === undefined) {
    const [product, purpose] = key.split("/");
    const profileConfig = config.products[product]?.profiles[purpose];
    if (profileConfig !== undefined) {
      throw usageError(
        `${key} is not deployed in ${env}`,
        `its environments: ${profileConfig.envs.join(", ")}`,
        `use one of its environments, or add ${env} to products.${product}.profiles.${purpose}.envs`,
      );
    }
    const existing = Object.entries(config.products).flatMap(([name, { profiles }]) =>
      Object.keys(profiles).map((purposeName) => `${name}/${purposeName}`),
    );
    throw usageError(`unknown profile ${show(key)}`, listSome(existing), didYouMean(key, existing));
  }
  return { environment, profile };
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
    throw usageError(
      `policy takes an environment and a profile, got ${show(positionals.slice(1).join(" "))}`,
      undefined,
      USAGE_POLICY_FIX,
    );
  }
  const { environment, profile } = findProfile(config, environments, env, key);
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
    `  ${readArnCommand(profile)}`,
    ...(document.includes(account)
      ? [`${account} is the account the ${environment.stackName} stack is deployed to.`]
      : []),
  ];
  return { exitCode: 0, stdout: document, stderr: `${hints.join("\n")}\n` };
}

/** The AWS CLI command that prints a deployed profile's ARN from its SSM parameter. */
function readArnCommand(profile: ResolvedProfile): string {
  return `aws ssm get-parameter --name ${profile.ssmParameterName} --region ${profile.region} --query Parameter.Value --output text`;
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
  const fix = `pass the value of ${readArnCommand(profile)}`;
  if (match === null) {
    throw usageError(`--arn ${show(arn)} is not an application inference profile ARN`, form, fix);
  }
  const [, partition, region, account] = match;
  if (partition !== profile.copyFrom.partition || region !== profile.region) {
    throw usageError(`--arn ${show(arn)} is in ${region}, ${profile.key} in ${profile.region}`, form, fix);
  }
  if (environment.accountId !== undefined && account !== environment.accountId) {
    throw usageError(
      `--arn ${show(arn)} is in account ${account}, ${environment.env} in ${environment.accountId}`,
      form.replace("<account>", environment.accountId),
      fix,
    );
  }
  return { arn, account };
}

/** `guardrail [scp | boundary]`: the organisation guardrail as IAM JSON; needs no profiles file. */
function guardrail(positionals: readonly string[]): CommandResult {
  const kinds = ["scp", "boundary"];
  const [, kind = "scp", ...rest] = positionals;
  if (!kinds.includes(kind) || rest.length > 0) {
    throw usageError(
      `guardrail takes scp or boundary, got ${show(positionals.slice(1).join(" "))}`,
      kinds.join(", "),
      "npm run profiles -- guardrail scp",
    );
  }
  const document = kind === "scp" ? guardrailServiceControlPolicy() : guardrailPermissionsBoundary();
  const where =
    kind === "scp"
      ? 'Attach it as a service control policy to the OUs or accounts that use Bedrock (docs/consumers.md, "Organisation guardrail").'
      : 'Set it as the permissions boundary of every role that may call Bedrock (docs/consumers.md, "Organisation guardrail").';
  return { exitCode: 0, stdout: `${JSON.stringify(document, null, 2)}\n`, stderr: `${where}\n` };
}
