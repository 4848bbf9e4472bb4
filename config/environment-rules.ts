/**
 * Cross-field rules on what the environment settings imply, and on values OpenTofu or AWS needs
 * unique: each catches a file that passes the shape check but fails at `tofu init`/`plan`/`apply`
 * (or, for a Terraform address, in cdktf after output was written).
 */
import { type ConfigIssue, type ConfigPath, didYouMean, show } from "./errors.ts";
import { environmentRegion, partitionOf, type ResolvedProfile } from "./resolve.ts";
import type { ProfilesConfig } from "./schema.ts";

/** The parts of an ARN, or undefined when `text` is not `arn:<partition>:<service>:<region>:<account>:<resource>`. */
export function parseArn(
  text: string,
): { partition: string; service: string; region: string; account: string; resource: string } | undefined {
  const match = /^arn:([^:]*):([^:]*):([^:]*):([^:]*):(.*)$/.exec(text);
  if (match === null) return undefined;
  const [, partition, service, region, account, resource] = match;
  return { partition, service, region, account, resource };
}

/**
 * A KMS key as OpenTofu's `aws_kms` key provider takes it: a key ID, `alias/<name>`, or the ARN
 * of either (https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id).
 */
const KMS_KEY_ID = /^(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const KMS_ALIAS = /^alias\/[a-zA-Z0-9/_-]{1,250}$/;
const KMS_ALLOWED = "a key ID, alias/<name>, arn:<partition>:kms:<region>:<account>:key/<key ID> or …:alias/<name>";

/**
 * S3 general purpose bucket names
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html).
 */
export const BUCKET_NAME = {
  pattern: /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
  reservedPrefixes: ["xn--", "sthree-", "amzn-s3-demo-"],
  reservedSuffixes: ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"],
};
const BUCKET_ALLOWED =
  "3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit; no two adjacent dots, no IP address form, no reserved prefix (xn--, sthree-, amzn-s3-demo-) or suffix (-s3alias, --ol-s3, .mrap, --x-s3, --table-s3)";

/** What is wrong with a bucket name, or undefined when S3 accepts it. */
function bucketProblem(bucket: string): string | undefined {
  if (bucket.includes("://")) return "is a URL, not a bucket name";
  if (/[A-Z]/.test(bucket)) return "has uppercase letters";
  if (bucket.includes("_")) return "has an underscore";
  if (bucket.length > 63) return `is ${bucket.length} characters long`;
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
    .slice(0, 63);
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
  const issues: ConfigIssue[] = [];
  const partition = partitionOf(region);
  if (arn.partition !== partition) {
    issues.push({
      path,
      message: `role ${show(roleArn)} is in the partition ${arn.partition}, but the region ${region} is in ${partition}`,
      fix: `write the role ARN as arn:${partition}:iam::${arn.account}:${arn.resource}, or check the region`,
    });
  }
  if (expectedAccount !== undefined && arn.account !== expectedAccount) {
    issues.push({
      path,
      message: `role ${show(roleArn)} is in the account ${arn.account}, but this environment's accountId is ${expectedAccount} (${accountPath.join(".")}); every plan would fail the provider's allowed_account_ids check`,
      fix: `use the deploy role of account ${expectedAccount}, e.g. arn:${arn.partition}:iam::${expectedAccount}:${arn.resource}, or correct accountId`,
    });
  }
  return issues;
}

/** The KMS key of `encryption:` against its region. */
function checkKmsKey(config: ProfilesConfig, env: string): ConfigIssue[] {
  const environment = config.environments[env];
  const encryption = environment.encryption;
  if (encryption === undefined) return [];
  const path = ["environments", env, "encryption", "kmsKeyId"];
  const { kmsKeyId } = encryption;
  if (!kmsKeyId.startsWith("arn:")) {
    if (KMS_KEY_ID.test(kmsKeyId) || KMS_ALIAS.test(kmsKeyId)) return [];
    return [
      {
        path,
        message: `${show(kmsKeyId)} is not a KMS key ID, alias or ARN`,
        allowed: KMS_ALLOWED,
        fix: /^[0-9a-f-]{36}$/i.test(kmsKeyId)
          ? `write the key ID in lowercase: ${kmsKeyId.toLowerCase()}`
          : "copy the key ARN from the KMS console (Customer managed keys → the key → ARN)",
      },
    ];
  }
  const arn = parseArn(kmsKeyId);
  const resourceOk =
    arn !== undefined &&
    ((arn.resource.startsWith("key/") && KMS_KEY_ID.test(arn.resource.slice(4))) || KMS_ALIAS.test(arn.resource));
  if (arn === undefined || arn.service !== "kms" || !/^\d{12}$/.test(arn.account) || !resourceOk) {
    const keyId = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.exec(kmsKeyId)?.[0];
    return [
      {
        path,
        message: `${show(kmsKeyId)} is not a KMS key or alias ARN${arn !== undefined && arn.service !== "kms" ? ` (its service is ${show(arn.service)})` : ""}`,
        allowed: KMS_ALLOWED,
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
  const partition = partitionOf(arn.region);
  if (arn.partition !== partition) {
    issues.push({
      path,
      message: `the key ARN is in the partition ${arn.partition}, but its region ${arn.region} is in ${partition}`,
      fix: `write it as arn:${partition}:kms:${arn.region}:${arn.account}:${arn.resource}`,
    });
  }
  return issues;
}

/** Rules on each environment's backend, role and key. */
export function checkEnvironmentSettings(config: ProfilesConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const states = new Map<string, string[]>();
  for (const [env, environment] of Object.entries(config.environments)) {
    const region = environmentRegion(config, environment);
    if (environment.assumeRole !== undefined) {
      issues.push(
        ...checkRoleArn(
          environment.assumeRole.roleArn,
          ["environments", env, "assumeRole", "roleArn"],
          region,
          environment.accountId,
          ["environments", env, "accountId"],
        ),
      );
    }
    const { backend } = environment;
    if (backend !== undefined) {
      const problem = bucketProblem(backend.bucket);
      if (problem !== undefined) {
        issues.push({
          path: ["environments", env, "backend", "bucket"],
          message: `bucket name ${show(backend.bucket)} ${problem}; S3 does not accept it`,
          allowed: BUCKET_ALLOWED,
          fix: `write bucket: ${bucketSuggestion(backend.bucket)} (the name of the bucket as S3 lists it)`,
        });
      }
      // The state bucket may live in another account: only the partition must match.
      if (backend.roleArn !== undefined) {
        issues.push(
          ...checkRoleArn(backend.roleArn, ["environments", env, "backend", "roleArn"], backend.region, undefined, []),
        );
      }
      const state = `${backend.bucket}/${backend.key ?? `bedrock/${env}.tfstate`}`;
      states.set(state, [...(states.get(state) ?? []), env]);
    }
    issues.push(...checkKmsKey(config, env));
  }
  for (const [state, envs] of states) {
    if (envs.length < 2) continue;
    for (const env of envs) {
      issues.push({
        path: ["environments", env, "backend"],
        atKey: true,
        message: `the state s3://${state} is also the state of ${envs
          .filter((other) => other !== env)
          .join(" and ")}; two stacks writing one state object destroy each other's resources`,
        fix: `remove key: so that each environment gets its own bedrock/<env>.tfstate, or give each a different key:`,
      });
    }
  }
  return issues;
}

/**
 * Each `import:` adopts one existing profile, which lives in one account and region: the ID is
 * unique across the file and its profile is in one environment.
 */
export function checkImports(config: ProfilesConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const byId = new Map<string, string[]>();
  for (const [product, productConfig] of Object.entries(config.products)) {
    for (const [purpose, profile] of Object.entries(productConfig.profiles)) {
      if (profile.import === undefined) continue;
      byId.set(profile.import, [...(byId.get(profile.import) ?? []), `${product}/${purpose}`]);
      if (profile.envs.length > 1) {
        issues.push({
          path: ["products", product, "profiles", purpose, "import"],
          message: `import ${show(profile.import)} adopts one existing profile, but envs lists ${profile.envs.length} environments (${profile.envs.join(", ")}); each would try to adopt the same profile`,
          fix: `keep one environment in envs:, and write a separate profile (another purpose) for the others`,
        });
      }
    }
  }
  for (const [id, keys] of byId) {
    if (keys.length < 2) continue;
    for (const key of keys) {
      const [product, purpose] = key.split("/");
      issues.push({
        path: ["products", product, "profiles", purpose, "import"],
        message: `import ${show(id)} is also adopted by ${keys
          .filter((other) => other !== key)
          .map((other) => `products.${other.replace("/", ".profiles.")}`)
          .join(" and ")}; one existing profile can be adopted once`,
        fix: "check the ID with `aws bedrock list-inference-profiles --type-equals APPLICATION`; remove import: from the profile that should be created new",
      });
    }
  }
  return issues;
}

/**
 * Terraform addresses are unique within a stack: `agents/fast-main` and `agents-fast/main` are
 * both `agents-fast-main`, and cdktf would fail on the second construct of that name.
 */
export function checkUniqueAddresses(resolved: readonly ResolvedProfile[]): ConfigIssue[] {
  const byAddress = new Map<string, ResolvedProfile[]>();
  for (const profile of resolved) {
    const slot = `${profile.env}\u0000${profile.address}`;
    byAddress.set(slot, [...(byAddress.get(slot) ?? []), profile]);
  }
  const issues: ConfigIssue[] = [];
  for (const clash of byAddress.values()) {
    const keys = [...new Set(clash.map((profile) => profile.key))];
    if (keys.length < 2) continue;
    for (const key of keys) {
      const [product, purpose] = key.split("/");
      issues.push({
        path: ["products", product, "profiles", purpose],
        atKey: true,
        message: `${key} and ${keys
          .filter((other) => other !== key)
          .join(
            " and ",
          )} both become the Terraform address ${show(clash[0].address)} in the stack ${clash[0].env}-bedrock (product and purpose joined by "-")`,
        fix: "rename the purpose or the product of one of them",
      });
    }
  }
  return issues;
}

/**
 * Profile names unique within a stack even across regions: the stack's output
 * `inference_profile_arns` is keyed by name, so a second profile of the same name would replace
 * the first there. (Within one region the account-wide rule of rules.ts reports it already.)
 */
export function checkNamesPerStack(resolved: readonly ResolvedProfile[]): ConfigIssue[] {
  const byName = new Map<string, ResolvedProfile[]>();
  for (const profile of resolved) {
    const slot = `${profile.env}\u0000${profile.name}`;
    byName.set(slot, [...(byName.get(slot) ?? []), profile]);
  }
  const issues: ConfigIssue[] = [];
  for (const clash of byName.values()) {
    if (new Set(clash.map((profile) => profile.region)).size < 2) continue;
    for (const profile of clash) {
      const others = clash.filter((other) => other !== profile);
      issues.push({
        path: ["products", profile.product, "profiles", profile.purpose],
        atKey: true,
        message: `profile name ${show(profile.name)} in ${profile.env} (${profile.region}) is also used by ${others.map((other) => `${other.key} (${other.region})`).join(" and ")} in the same stack; its output inference_profile_arns is keyed by name and would keep only one`,
        fix: "give one of them another name:",
      });
    }
  }
  return issues;
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
