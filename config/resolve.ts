/**
 * The resolving step: a valid config in, a plain description of every profile per environment
 * out. Pure (no files, no environment, no cdktf) and the one home of the derivation rules:
 * addresses, names, descriptions, ARNs, tags and SSM paths. `rules.ts` checks the results of
 * these same functions, so what is validated is exactly what is synthesized.
 */
import {
  type CatalogModel,
  type CrossRegionGeography,
  destinationRegions,
  type Geography,
  type ModelCatalog,
  offersGeography,
  routingOf,
} from "./catalog.ts";
import { type ProfileOrigins, profileOrigins } from "./origins.ts";
import { type ResolvedMonitoring, resolveMonitoring } from "./resolve-billing.ts";
import type { EnvironmentConfig, ProfileConfig, ProfilesConfig } from "./schema.ts";

/** The parts of an ARN; `account: null` stands for the deploying account, known only at plan time. */
export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string | null;
  readonly resource: string;
}

/** One application inference profile in one environment, every value final. */
export interface ResolvedProfile {
  readonly env: string;
  readonly product: string;
  readonly purpose: string;
  /** `<product>/<purpose>`: the key of the outputs and of `npm run profiles`. */
  readonly key: string;
  /** `<product>-<purpose>`: the Terraform address, stable across model upgrades. */
  readonly address: string;
  readonly name: string;
  /**
   * Absent for an adopted profile without `description:`: a description differing from the
   * existing one would force a replacement, so none is set unless written.
   */
  readonly description?: string;
  readonly modelKey: string;
  readonly modelId: string;
  readonly modelName: string;
  readonly geography: Geography;
  readonly region: string;
  /** The model source (`copy_from`): a system-defined profile, or a foundation model for `none`. */
  readonly copyFrom: ArnParts;
  /** Regions whose foundation model may serve this profile; `"*"` when unknown or global. */
  readonly destinationRegions: readonly string[] | "*";
  readonly ssmParameterName: string;
  /** Where consumers read the base model ID (SDKs pick the request format from it); beside the ARN's. */
  readonly modelIdParameterName: string;
  /** Resource tags; the provider adds the environment's `defaultTags`. */
  readonly tags: Readonly<Record<string, string>>;
  /** The existing profile's ID when adopted with `import:`. */
  readonly importId?: string;
  /** Where each value was written in the YAML, for the rules' messages. */
  readonly origin: ProfileOrigins;
}

/** The S3 state backend of an environment, defaults applied. */
export interface ResolvedBackend {
  readonly bucket: string;
  readonly region: string;
  readonly key: string;
  readonly roleArn?: string;
}

/** The role the AWS provider assumes to deploy a stack. */
export interface ResolvedAssumeRole {
  readonly roleArn: string;
  readonly sessionName?: string;
}

/** OpenTofu state and plan encryption of a stack, its key's region defaulted. */
export interface ResolvedEncryption {
  readonly kmsKeyId: string;
  readonly region: string;
}

/** One environment: everything one stack needs. */
export interface ResolvedEnvironment {
  readonly env: string;
  /** `<env>-bedrock`. */
  readonly stackName: string;
  readonly region: string;
  readonly partition: string;
  readonly accountId?: string;
  readonly backend?: ResolvedBackend;
  readonly assumeRole?: ResolvedAssumeRole;
  readonly encryption?: ResolvedEncryption;
  /** Provider `default_tags`: the global tags plus `env`. */
  readonly defaultTags: Readonly<Record<string, string>>;
  /** Sorted by address, so reordering the YAML changes nothing. */
  readonly profiles: readonly ResolvedProfile[];
  /** Alarms and dashboard of the environment (`resolve-billing.ts`). */
  readonly monitoring: ResolvedMonitoring;
}

/** Strings in code-unit order, independent of locale, so the plan sorts alike on every machine. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `<env>-bedrock`. */
export function stackName(env: string): string {
  return `${env}-bedrock`;
}

/** The state object of an environment's stack when its backend names no `key:`. */
export function defaultStateKey(env: string): string {
  return `bedrock/${env}.tfstate`;
}

/** The AWS partition of a region: `aws`, `aws-us-gov`, `aws-cn`, `aws-iso`, `aws-iso-b`. */
export function partitionOf(region: string): string {
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-isob-")) return "aws-iso-b";
  if (region.startsWith("us-iso-")) return "aws-iso";
  return "aws";
}

/**
 * `arn:<partition>:<service>:<region>:<account>:<resource>`. `callerAccount` fills the account
 * when it is `null` (the deploying account: a literal, a token, or a placeholder for display).
 */
export function formatArn(parts: ArnParts, callerAccount = ""): string {
  return `arn:${parts.partition}:${parts.service}:${parts.region}:${parts.account ?? callerAccount}:${parts.resource}`;
}

/** An SSM parameter's ARN (`name` begins with `/`); `accountId` undefined stands for the deploying account. */
export function ssmParameterArn(region: string, accountId: string | undefined, name: string): ArnParts {
  return {
    partition: partitionOf(region),
    service: "ssm",
    region,
    account: accountId ?? null,
    resource: `parameter${name}`,
  };
}

/** A foundation model in a region: its ARN has no account. `region` may be `*`. */
export function foundationModelArn(partition: string, region: string, modelId: string): ArnParts {
  return { partition, service: "bedrock", region, account: "", resource: `foundation-model/${modelId}` };
}

/**
 * The model source of a profile. A system-defined profile ARN carries the caller's account
 * (AWS rejects it without: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_CreateInferenceProfile.html,
 * https://github.com/awslabs/aws-solutions-constructs/issues/1387); a foundation model ARN has none.
 */
export function copyFromArn(
  model: CatalogModel,
  geography: Geography,
  region: string,
  accountId: string | undefined,
): ArnParts {
  const partition = partitionOf(region);
  if (geography === "none") return foundationModelArn(partition, region, model.id);
  return {
    partition,
    service: "bedrock",
    region,
    account: accountId ?? null,
    resource: `inference-profile/${geography}.${model.id}`,
  };
}

/** The placeholders a `name:` template may hold. */
export const NAME_PLACEHOLDERS = ["product", "purpose", "model", "env"] as const;

/** The values of a name template's placeholders for one profile in one environment. */
export type NameValues = Readonly<Record<(typeof NAME_PLACEHOLDERS)[number], string>>;

/**
 * The default name template. Purpose `main` keeps the org's convention `{product}-{model}-{env}`;
 * any other purpose adds `{purpose}`, so two purposes of a product on the same model never
 * collide. Both change with the model, as a replacement must (create_before_destroy needs a free
 * name), and with the environment, as environments may share an account.
 */
export function defaultNameTemplate(purpose: string): string {
  return purpose === "main" ? "{product}-{model}-{env}" : "{product}-{purpose}-{model}-{env}";
}

/** The template a profile's name comes from: its `name:`, or the default for its purpose. */
export function nameTemplateOf(purpose: string, profile: ProfileConfig): string {
  return profile.name ?? defaultNameTemplate(purpose);
}

/** The `{…}` of a template that are no placeholder (`{modle}`), each with the name inside. */
export function unknownPlaceholders(template: string): RegExpMatchArray[] {
  return [...template.matchAll(/\{([^{}]*)\}/g)].filter(
    ([, key]) => !(NAME_PLACEHOLDERS as readonly string[]).includes(key),
  );
}

/** A name template with its known placeholders filled in; anything else is left as written. */
export function expandName(template: string, values: NameValues): string {
  return template.replace(/\{(product|purpose|model|env)\}/g, (_, key: keyof NameValues) => values[key]);
}

/** A description AWS accepts: only letters, digits, `:` `.` and single separators. */
export function defaultDescription(model: CatalogModel, product: string, purpose: string, env: string): string {
  return `${model.name} for ${product} ${purpose} in ${env}`;
}

/** Where consumers read the ARN; stable across model upgrades. */
export function ssmParameterName(env: string, product: string, purpose: string): string {
  return purpose === "main"
    ? `/${env}/${product}/bedrock/inference-profile-arn`
    : `/${env}/${product}/bedrock/${purpose}/inference-profile-arn`;
}

/** Where consumers read the base model ID: the ARN's parameter path, ending `inference-profile-model-id`. */
export function modelIdParameterName(env: string, product: string, purpose: string): string {
  return ssmParameterName(env, product, purpose).replace(/-arn$/, "-model-id");
}

/**
 * The slot a profile name takes: names are unique per account and region. An environment
 * without `accountId` counts as an account of its own, since which one it deploys to is known
 * only at plan time.
 */
export function nameSlot(env: string, accountId: string | undefined, region: string, name: string): string {
  return [accountId ?? `account of ${env}`, region, name].join("\u0000");
}

/** Provider `default_tags` of an environment: the global tags plus `env`. */
export function defaultTags(config: ProfilesConfig, env: string): Record<string, string> {
  return { ...config.tags, env };
}

/** Resource tags of a profile: `product`, then the product's tags, then the profile's. */
export function profileTags(
  product: string,
  productTags: Readonly<Record<string, string>> | undefined,
  profile: ProfileConfig,
): Record<string, string> {
  return { product, ...productTags, ...profile.tags };
}

/**
 * Every catalog model: the built-in ones plus the config's `models:`. A custom model's routing
 * is its `routing:`, else the built-in data's when AWS lists its ID (`routingOf`), so its
 * consumer policy names real regions; its geographies are those listed, those routed, or else
 * the data's.
 */
export function modelCatalog(
  builtIn: ModelCatalog,
  config: ProfilesConfig,
  knownRouting: (id: string) => CatalogModel["geographies"] | undefined = routingOf,
): ModelCatalog {
  const custom = Object.entries(config.models).map(([key, model]): [string, CatalogModel] => {
    const known = knownRouting(model.id) ?? {};
    const listed = [...new Set([...model.geographies, ...Object.keys(model.routing ?? {})])];
    const geographies = (listed.length > 0 ? listed : Object.keys(known)) as CrossRegionGeography[];
    return [
      key,
      {
        id: model.id,
        name: model.name ?? key,
        geographies: Object.fromEntries(geographies.map((geo) => [geo, model.routing?.[geo] ?? known[geo]])),
      },
    ];
  });
  return { ...builtIn, ...Object.fromEntries(custom) };
}

/** The region of an environment. */
export function environmentRegion(config: ProfilesConfig, environment: EnvironmentConfig): string {
  return environment.region ?? config.defaults.region;
}

/**
 * One resolved profile. The caller guarantees the model and environment exist (`rules.ts`
 * reports them otherwise); `origin` is passed when already known for another environment.
 */
export function resolveProfile(
  config: ProfilesConfig,
  catalog: ModelCatalog,
  product: string,
  purpose: string,
  env: string,
  origin: ProfileOrigins = profileOrigins(config, product, purpose),
): ResolvedProfile {
  const productConfig = config.products[product];
  const profile = productConfig.profiles[purpose];
  const environment = config.environments[env];
  const model = catalog[profile.model];
  const geography = profile.geography ?? config.defaults.geography;
  const region = profile.region ?? environmentRegion(config, environment);
  return {
    env,
    product,
    purpose,
    key: `${product}/${purpose}`,
    address: `${product}-${purpose}`,
    name: expandName(nameTemplateOf(purpose, profile), { product, purpose, model: profile.model, env }),
    ...(profile.description !== undefined || profile.import === undefined
      ? { description: profile.description ?? defaultDescription(model, product, purpose, env) }
      : {}),
    modelKey: profile.model,
    modelId: model.id,
    modelName: model.name,
    geography,
    region,
    copyFrom: copyFromArn(model, geography, region, environment.accountId),
    destinationRegions: destinationRegions(model, geography, region),
    ssmParameterName: ssmParameterName(env, product, purpose),
    modelIdParameterName: modelIdParameterName(env, product, purpose),
    tags: profileTags(product, productConfig.tags, profile),
    ...(profile.import === undefined ? {} : { importId: profile.import }),
    origin,
  };
}

/**
 * The region of a KMS key or alias given by ARN (`arn:aws:kms:<region>:…`); undefined for a
 * bare key ID or `alias/…`. KMS only answers for a key in its own region, so an ARN's region is
 * the one the key provider must call.
 */
export function kmsKeyRegion(kmsKeyId: string): string | undefined {
  return /^arn:[\w-]+:kms:([a-z0-9-]+):/.exec(kmsKeyId)?.[1];
}

/**
 * State encryption of a stack, its key's region defaulted: the one written, else the key ARN's,
 * else the backend's, else the stack's.
 */
function resolveEncryption(
  encryption: NonNullable<EnvironmentConfig["encryption"]>,
  backend: EnvironmentConfig["backend"],
  stackRegion: string,
): ResolvedEncryption {
  return {
    kmsKeyId: encryption.kmsKeyId,
    region: encryption.region ?? kmsKeyRegion(encryption.kmsKeyId) ?? backend?.region ?? stackRegion,
  };
}

/** How a stack is deployed, as written on an environment or on `billing:`. */
type StackSettings = Pick<EnvironmentConfig, "backend" | "assumeRole" | "encryption">;

/**
 * The state backend, deploying role and state encryption of a stack in `region`, defaults
 * applied, each only when written; `stateKey` is the backend's key when it names none.
 * Environments and `billing:` resolve them alike.
 */
export function resolveStackSettings(
  { backend, assumeRole, encryption }: StackSettings,
  region: string,
  stateKey: string,
): { backend?: ResolvedBackend; assumeRole?: ResolvedAssumeRole; encryption?: ResolvedEncryption } {
  return {
    ...(backend === undefined ? {} : { backend: { ...backend, key: backend.key ?? stateKey } }),
    ...(assumeRole === undefined ? {} : { assumeRole }),
    ...(encryption === undefined ? {} : { encryption: resolveEncryption(encryption, backend, region) }),
  };
}

/** One profile as written, with where its values come from. */
export interface ProfileEntry {
  readonly product: string;
  readonly purpose: string;
  readonly profile: ProfileConfig;
  readonly origin: ProfileOrigins;
}

/** Every profile of the file as written, by key `<product>/<purpose>`, in the file's order, with its origins. */
export function profileEntries(config: ProfilesConfig): Map<string, ProfileEntry> {
  const entries = new Map<string, ProfileEntry>();
  for (const [product, { profiles }] of Object.entries(config.products)) {
    for (const [purpose, profile] of Object.entries(profiles)) {
      entries.set(`${product}/${purpose}`, {
        product,
        purpose,
        profile,
        origin: profileOrigins(config, product, purpose),
      });
    }
  }
  return entries;
}

/**
 * Every profile of `entries` in every environment it lists, in their order, each environment
 * once: of a valid config, all of them. The rules resolve a config before they have checked it,
 * so an entry that cannot resolve is skipped (the entry rules report it): its model unknown or
 * not offered in its geography, its name template with an unknown placeholder, or an
 * environment it lists that does not exist.
 */
export function resolveProfiles(
  config: ProfilesConfig,
  catalog: ModelCatalog,
  entries: Iterable<ProfileEntry> = profileEntries(config).values(),
): ResolvedProfile[] {
  const resolved: ResolvedProfile[] = [];
  for (const { product, purpose, profile, origin } of entries) {
    const model = catalog[profile.model];
    if (model === undefined || !offersGeography(model, profile.geography ?? config.defaults.geography)) continue;
    if (unknownPlaceholders(nameTemplateOf(purpose, profile)).length > 0) continue;
    for (const env of new Set(profile.envs)) {
      if (env in config.environments) resolved.push(resolveProfile(config, catalog, product, purpose, env, origin));
    }
  }
  return resolved;
}

/**
 * Every environment of a valid config, in the config's environment order, holding its
 * `profiles` (every profile resolved, as {@link resolveProfiles} returns them).
 */
export function assembleEnvironments(
  config: ProfilesConfig,
  profiles: readonly ResolvedProfile[],
): ResolvedEnvironment[] {
  const byEnv = new Map<string, ResolvedProfile[]>();
  for (const profile of profiles) {
    const mine = byEnv.get(profile.env);
    if (mine === undefined) byEnv.set(profile.env, [profile]);
    else mine.push(profile);
  }
  return Object.entries(config.environments).map(([env, environment]) => {
    const region = environmentRegion(config, environment);
    const mine = [...(byEnv.get(env) ?? [])];
    mine.sort((a, b) => byCodeUnit(a.address, b.address));
    const { accountId } = environment;
    return {
      env,
      stackName: stackName(env),
      region,
      partition: partitionOf(region),
      ...(accountId === undefined ? {} : { accountId }),
      ...resolveStackSettings(environment, region, defaultStateKey(env)),
      defaultTags: defaultTags(config, env),
      profiles: mine,
      monitoring: resolveMonitoring(config, env, mine),
    };
  });
}

/** Every environment of a valid config with its profiles, in the config's environment order. */
export function resolveEnvironments(config: ProfilesConfig, builtIn: ModelCatalog): ResolvedEnvironment[] {
  return assembleEnvironments(config, resolveProfiles(config, modelCatalog(builtIn, config)));
}
