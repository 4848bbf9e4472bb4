/**
 * Cross-field rules on what the environment settings imply, and on values OpenTofu or AWS needs
 * unique: each catches a file that passes the shape check but fails at `tofu init`/`plan`/`apply`
 * (or, for a Terraform address, in cdktf after output was written).
 */
import { BUCKET_NAME, KMS_KEY } from "./aws-limits.ts";
import { type ConfigIssue, type ConfigPath, didYouMean, show } from "./errors.ts";
import {
  type ArnParts,
  defaultStateKey,
  environmentRegion,
  formatArn,
  partitionOf,
  type ResolvedProfile,
  stackName,
} from "./resolve.ts";
import { BILLING_ENV, BILLING_STATE_KEY } from "./resolve-billing.ts";
import { clashes } from "./rule-context.ts";
import type { EnvironmentConfig, ProfilesConfig } from "./schema.ts";

/**
 * A stack's own settings as written: an environment's, or the billing stack's (`billing:`, the
 * same backend, role and encryption settings), with where they are written.
 */
interface WrittenStack {
  /** The environment, or `billing`. */
  readonly env: string;
  /** `environments.<env>` or `billing`. */
  readonly path: ConfigPath;
  readonly settings: Pick<EnvironmentConfig, "accountId" | "backend" | "assumeRole" | "encryption">;
  readonly region: string;
  /** Its state key when `backend.key` is not written. */
  readonly stateKey: string;
}

/** Every stack's settings as written: each environment's, then the billing stack's. */
function writtenStacks(config: ProfilesConfig): WrittenStack[] {
  const environments = Object.entries(config.environments).map(([env, environment]) => ({
    env,
    path: ["environments", env],
    settings: environment,
    region: environmentRegion(config, environment),
    stateKey: defaultStateKey(env),
  }));
  const { billing } = config;
  return billing === undefined
    ? environments
    : [
        ...environments,
        {
          env: BILLING_ENV,
          path: ["billing"],
          settings: billing,
          region: billing.region ?? config.defaults.region,
          stateKey: BILLING_STATE_KEY,
        },
      ];
}

/** An ARN as written, its account always a string (empty when it has none). */
type WrittenArn = ArnParts & { readonly account: string };

/** The parts of an ARN, or undefined when `text` is not `arn:<partition>:<service>:<region>:<account>:<resource>`. */
export function parseArn(text: string): WrittenArn | undefined {
  const match = /^arn:([^:]*):([^:]*):([^:]*):([^:]*):(.*)$/.exec(text);
  if (match === null) return undefined;
  const [, partition, service, region, account, resource] = match;
  return { partition, service, region, account, resource };
}

/**
 * An ARN in another partition than the region it is used in: the provider signs for one
 * partition. `subject` names the ARN in the message, `fix` words the corrected ARN.
 */
function partitionMismatch(
  arn: WrittenArn,
  region: string,
  path: ConfigPath,
  words: { readonly subject: string; readonly region: string; readonly fix: (corrected: string) => string },
): ConfigIssue[] {
  const partition = partitionOf(region);
  if (arn.partition === partition) return [];
  return [
    {
      path,
      message: `${words.subject} is in the partition ${arn.partition}, but ${words.region} ${region} is in ${partition}`,
      fix: words.fix(formatArn({ ...arn, partition })),
    },
  ];
}

/** What is wrong with a bucket name, or undefined when S3 accepts it. */
function bucketProblem(bucket: string): string | undefined {
  if (bucket.includes("://")) return "is a URL, not a bucket name";
  if (/[A-Z]/.test(bucket)) return "has uppercase letters";
  if (bucket.includes("_")) return "has an underscore";
  if (bucket.length > BUCKET_NAME.max) return `is ${bucket.length} characters long`;
  if (!BUCKET_NAME.pattern.test(bucket)) return "has a character or an end S3 does not accept";
  if (bucket.includes("..")) return "has two adjacent dots";
  if (/^\d+\.\d+\.\d+\.\d+$/.test(bucket)) return "is formatted as an IP address";
  const prefix = BUCKET_NAME.reservedPrefixes.find((reserved) => bucket.startsWith(reserved));
  if (prefix !== undefined) return `starts with ${show(prefix)}, which S3 reserves`;
  const suffix = BUCKET_NAME.reservedSuffixes.find((reserved) => bucket.endsWith(reserved));
  if (suffix !== undefined) return `ends with ${show(suffix)}, which S3 reserves`;
  return undefined;
}

/** A bucket name S3 would accept, for the fix. */
function bucketSuggestion(bucket: string): string {
  return bucket
    .replace(/^[a-z0-9]+:\/\//i, "")
    .replace(/\/.*$/, "")
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, "-")
    .replace(/\.{2,}/g, ".")
    .replace(/^[.-]+|[.-]+$/g, "")
    .slice(0, BUCKET_NAME.max);
}

/** An IAM role ARN's partition and account against where it is used. */
function checkRoleArn(
  roleArn: string,
  path: ConfigPath,
  region: string,
  expectedAccount: string | undefined,
  accountPath: ConfigPath,
): ConfigIssue[] {
  const arn = parseArn(roleArn);
  if (arn === undefined) return [];
  const issues = partitionMismatch(arn, region, path, {
    subject: `role ${show(roleArn)}`,
    region: "the region",
    fix: (corrected) => `write the role ARN as ${corrected}, or check the region`,
  });
  if (expectedAccount !== undefined && arn.account !== expectedAccount) {
    issues.push({
      path,
      message: `role ${show(roleArn)} is in the account ${arn.account}, but this environment's accountId is ${expectedAccount} (${accountPath.join(".")}); every plan would fail the provider's allowed_account_ids check`,
      fix: `use the deploy role of account ${expectedAccount}, e.g. arn:${arn.partition}:iam::${expectedAccount}:${arn.resource}, or correct accountId`,
    });
  }
  return issues;
}

/** The KMS key of a stack's `encryption:` against its region. */
function checkKmsKey({ settings, path: stackPath }: WrittenStack): ConfigIssue[] {
  const { encryption } = settings;
  if (encryption === undefined) return [];
  const path = [...stackPath, "encryption", "kmsKeyId"];
  const { kmsKeyId } = encryption;
  if (!kmsKeyId.startsWith("arn:")) {
    if (KMS_KEY.keyId.test(kmsKeyId) || KMS_KEY.alias.test(kmsKeyId)) return [];
    return [
      {
        path,
        message: `${show(kmsKeyId)} is not a KMS key ID, alias or ARN`,
        allowed: KMS_KEY.allowed,
        fix: /^[0-9a-f-]{36}$/i.test(kmsKeyId)
          ? `write the key ID in lowercase: ${kmsKeyId.toLowerCase()}`
          : "copy the key ARN from the KMS console (Customer managed keys → the key → ARN)",
      },
    ];
  }
  const arn = parseArn(kmsKeyId);
  const resourceOk =
    arn !== undefined &&
    ((arn.resource.startsWith("key/") && KMS_KEY.keyId.test(arn.resource.slice(4))) ||
      KMS_KEY.alias.test(arn.resource));
  if (arn === undefined || arn.service !== "kms" || !/^\d{12}$/.test(arn.account) || !resourceOk) {
    const keyId = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.exec(kmsKeyId)?.[0];
    return [
      {
        path,
        message: `${show(kmsKeyId)} is not a KMS key or alias ARN${arn !== undefined && arn.service !== "kms" ? ` (its service is ${show(arn.service)})` : ""}`,
        allowed: KMS_KEY.allowed,
        fix:
          keyId !== undefined && arn !== undefined && !arn.resource.startsWith("key/")
            ? `write the resource as key/${keyId}: arn:${arn.partition}:kms:${arn.region}:${arn.account}:key/${keyId}`
            : "copy the key ARN from the KMS console (Customer managed keys → the key → ARN)",
      },
    ];
  }
  const issues: ConfigIssue[] = [];
  if (encryption.region !== undefined && arn.region !== encryption.region) {
    issues.push({
      path,
      message: `the key is in ${arn.region}, but encryption.region is ${encryption.region}; KMS answers only for a key in its own region`,
      fix: `remove encryption.region (the key's ARN gives ${arn.region}), or use a key in ${encryption.region}`,
    });
  }
  issues.push(
    ...partitionMismatch(arn, arn.region, path, {
      subject: "the key ARN",
      region: "its region",
      fix: (corrected) => `write it as ${corrected}`,
    }),
  );
  return issues;
}

/** The backend of one stack: its bucket's name and the partition of its role. */
function checkBackend(stackPath: ConfigPath, backend: NonNullable<EnvironmentConfig["backend"]>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const problem = bucketProblem(backend.bucket);
  if (problem !== undefined) {
    issues.push({
      path: [...stackPath, "backend", "bucket"],
      message: `bucket name ${show(backend.bucket)} ${problem}; S3 does not accept it`,
      allowed: BUCKET_NAME.allowed,
      fix: `write bucket: ${bucketSuggestion(backend.bucket)} (the name of the bucket as S3 lists it)`,
    });
  }
  // The state bucket may live in another account: only the partition must match.
  if (backend.roleArn !== undefined) {
    issues.push(...checkRoleArn(backend.roleArn, [...stackPath, "backend", "roleArn"], backend.region, undefined, []));
  }
  return issues;
}

/** Rules on each stack's backend, role and key: every environment's and the billing stack's. */
export function checkEnvironmentSettings(config: ProfilesConfig): ConfigIssue[] {
  return writtenStacks(config).flatMap((stack) => {
    const { assumeRole, backend, accountId } = stack.settings;
    const rolePath = [...stack.path, "assumeRole", "roleArn"];
    const accountPath = [...stack.path, "accountId"];
    return [
      ...(assumeRole === undefined
        ? []
        : checkRoleArn(assumeRole.roleArn, rolePath, stack.region, accountId, accountPath)),
      ...(backend === undefined ? [] : checkBackend(stack.path, backend)),
      ...checkKmsKey(stack),
    ];
  });
}

/** Two stacks (environments or billing) never share one state object. */
export function checkSharedStates(config: ProfilesConfig): ConfigIssue[] {
  const states = writtenStacks(config).flatMap(({ env, path, settings: { backend }, stateKey }) =>
    backend === undefined ? [] : [{ env, path, state: `${backend.bucket}/${backend.key ?? stateKey}` }],
  );
  return clashes(states, ({ state }) => state).flatMap((clash) =>
    clash.map(({ env, path, state }) => ({
      path: [...path, "backend"],
      atKey: true,
      message: `the state s3://${state} is also the state of ${clash
        .filter((other) => other.env !== env)
        .map((other) => other.env)
        .join(" and ")}; two stacks writing one state object destroy each other's resources`,
      fix: `remove key: so that each environment gets its own bedrock/<env>.tfstate, or give each a different key:`,
    })),
  );
}

/**
 * Each `import:` adopts one existing profile, which lives in one account and region: the ID is
 * unique across the file and its profile is in one environment.
 */
export function checkImports(config: ProfilesConfig): ConfigIssue[] {
  const imports = Object.entries(config.products).flatMap(([product, { profiles }]) =>
    Object.entries(profiles).flatMap(([purpose, profile]) =>
      profile.import === undefined
        ? []
        : [{ key: `${product}/${purpose}`, path: ["products", product, "profiles", purpose, "import"], profile }],
    ),
  );
  const inSeveralEnvs = imports
    .filter(({ profile }) => profile.envs.length > 1)
    .map(({ path, profile }) => ({
      path,
      message: `import ${show(profile.import)} adopts one existing profile, but envs lists ${profile.envs.length} environments (${profile.envs.join(", ")}); each would try to adopt the same profile`,
      fix: `keep one environment in envs:, and write a separate profile (another purpose) for the others`,
    }));
  const adoptedTwice = clashes(imports, ({ profile }) => String(profile.import)).flatMap((clash) =>
    clash.map(({ key, path, profile }) => ({
      path,
      message: `import ${show(profile.import)} is also adopted by ${clash
        .filter((other) => other.key !== key)
        .map((other) => `products.${other.key.replace("/", ".profiles.")}`)
        .join(" and ")}; one existing profile can be adopted once`,
      fix: "check the ID with `aws bedrock list-inference-profiles --type-equals APPLICATION`; remove import: from the profile that should be created new",
    })),
  );
  return [...inSeveralEnvs, ...adoptedTwice];
}

/**
 * Terraform addresses are unique within a stack: `agents/fast-main` and `agents-fast/main` are
 * both `agents-fast-main`, and cdktf would fail on the second construct of that name.
 */
export function checkUniqueAddresses(resolved: readonly ResolvedProfile[]): ConfigIssue[] {
  return clashes(resolved, (profile) => `${profile.env}\u0000${profile.address}`).flatMap((clash) =>
    clash.map((profile) => ({
      path: profile.origin.profile,
      atKey: true,
      message: `${profile.key} and ${clash
        .filter((other) => other !== profile)
        .map((other) => other.key)
        .join(
          " and ",
        )} both become the Terraform address ${show(profile.address)} in the stack ${stackName(profile.env)} (product and purpose joined by "-")`,
      fix: "rename the purpose or the product of one of them",
    })),
  );
}

/**
 * Profile names unique within a stack even across regions: the stack's output
 * `inference_profile_arns` is keyed by name, so a second profile of the same name would replace
 * the first there. (Within one region the account-wide rule of profile-rules.ts reports it already.)
 */
export function checkNamesPerStack(resolved: readonly ResolvedProfile[]): ConfigIssue[] {
  return clashes(resolved, (profile) => `${profile.env}\u0000${profile.name}`)
    .filter((clash) => new Set(clash.map((profile) => profile.region)).size > 1)
    .flatMap((clash) =>
      clash.map((profile) => ({
        path: profile.origin.profile,
        atKey: true,
        message: `profile name ${show(profile.name)} in ${profile.env} (${profile.region}) is also used by ${clash
          .filter((other) => other !== profile)
          .map((other) => `${other.key} (${other.region})`)
          .join(
            " and ",
          )} in the same stack; its output inference_profile_arns is keyed by name and would keep only one`,
        fix: "give one of them another name:",
      })),
    );
}

/**
 * A profile's own `region:` in the partition of its environment: the provider of the stack
 * signs for one partition, and the profile's ARNs are built in the partition of its region.
 */
export function checkProfilePartitions(config: ProfilesConfig): ConfigIssue[] {
  return Object.entries(config.products).flatMap(([product, productConfig]) =>
    Object.entries(productConfig.profiles).flatMap(([purpose, profile]): ConfigIssue[] =>
      profile.region === undefined
        ? []
        : profile.envs
            .filter((env) => env in config.environments)
            .filter(
              (env) =>
                partitionOf(environmentRegion(config, config.environments[env])) !==
                partitionOf(profile.region as string),
            )
            .map((env) => ({
              path: ["products", product, "profiles", purpose, "region"],
              message: `region ${profile.region} is in the partition ${partitionOf(profile.region as string)}, but environment ${env} deploys to ${environmentRegion(config, config.environments[env])} in ${partitionOf(environmentRegion(config, config.environments[env]))}; one stack cannot reach both`,
              fix: `choose a region of ${partitionOf(environmentRegion(config, config.environments[env]))}, or list this profile in an environment of that partition`,
            })),
    ),
  );
}

/**
 * Regions spelt wrong where no other rule looks (defaults, environments, backends, keys): a
 * region whose name part (`eu-centrl-`) is that of no known region. A region whose name part is
 * known (`eu-west-`) passes whatever its number, so a region opened after the catalog was
 * written is not refused.
 */
export function checkRegionSpelling(config: ProfilesConfig, knownRegions: readonly string[]): ConfigIssue[] {
  const namePart = (region: string) => region.replace(/\d+$/, "");
  const knownNames = new Set(knownRegions.map(namePart));
  const places: [ConfigPath, string | undefined][] = [[["defaults", "region"], config.defaults.region]];
  for (const [env, environment] of Object.entries(config.environments)) {
    places.push(
      [["environments", env, "region"], environment.region],
      [["environments", env, "backend", "region"], environment.backend?.region],
      [["environments", env, "encryption", "region"], environment.encryption?.region],
    );
  }
  return places.flatMap(([path, region]): ConfigIssue[] =>
    region === undefined || knownNames.has(namePart(region))
      ? []
      : [
          {
            path,
            message: `${show(region)} is not an AWS region`,
            allowed: "an AWS region name such as eu-central-1",
            fix: didYouMean(region, knownRegions) ?? "check the spelling against the AWS console's region list",
          },
        ],
  );
}

/** An environment listed twice in one profile's `envs:` (the second is reported; it adds nothing). */
export function checkRepeatedEnvs(config: ProfilesConfig): ConfigIssue[] {
  return Object.entries(config.products).flatMap(([product, productConfig]) =>
    Object.entries(productConfig.profiles).flatMap(([purpose, profile]) =>
      profile.envs.flatMap((env, index): ConfigIssue[] =>
        profile.envs.indexOf(env) === index
          ? []
          : [
              {
                path: ["products", product, "profiles", purpose, "envs", index],
                message: `environment ${show(env)} is listed twice in envs (first as envs[${profile.envs.indexOf(env)}])`,
                fix: `remove this ${env}`,
              },
            ],
      ),
    ),
  );
}
