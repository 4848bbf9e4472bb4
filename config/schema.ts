/**
 * The shape of `config/profiles.yaml`. zod checks the shape (types, known keys, key formats);
 * the rules that need the model catalog or several fields at once live in `rules.ts`.
 * The keys and their meanings are an interface other tools rely on (docs/configuration.md;
 * editors read them through `profiles.schema.json`). AWS limits come from `aws-limits.ts`.
 */
import { z } from "zod";
import {
  ACCOUNT_ID,
  APPLICATION_PROFILE_ID,
  DESCRIPTION,
  IAM_ROLE_ARN,
  PROFILE_NAME,
  REGION,
  ROLE_SESSION_NAME,
  TAG,
} from "./aws-limits.ts";
import { GEOGRAPHIES } from "./catalog.ts";

/** Lowercase words joined by single hyphens: safe in names, addresses, SSM paths and tags. */
export const KEY_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const KEY_HINT = "lowercase letters and digits in words joined by single hyphens, starting with a letter";

const key = (what: string) => z.string().regex(KEY_PATTERN, { error: `${what} must be ${KEY_HINT}` });

const region = z.string().regex(REGION.pattern, { error: REGION.error });

const accountId = z.string().regex(ACCOUNT_ID.pattern, { error: ACCOUNT_ID.error });

const iamRoleArn = z.string().regex(IAM_ROLE_ARN.pattern, { error: IAM_ROLE_ARN.error });

const geography = z.enum(GEOGRAPHIES);

/**
 * Tag keys and values as written; their AWS patterns are checked by the rules, with the fix. The
 * limits are in the JSON Schema too, so an editor marks a bad tag as it is typed.
 */
const tags = z
  .record(
    z.string().meta({ maxLength: TAG.maxKey, pattern: TAG.pattern.source }),
    z.string().meta({ maxLength: TAG.maxValue, pattern: TAG.pattern.source }),
  )
  .describe(`Tag key → value. ${TAG.summary}`);

/** S3 state backend of one environment (OpenTofu ≥ 1.10 for S3-native locking). */
const backend = z.strictObject({
  bucket: z.string().min(3).describe("S3 bucket of the state"),
  region,
  /** @default `bedrock/<env>.tfstate` */
  key: z.string().min(1).optional().describe("State object key; default bedrock/<env>.tfstate"),
  roleArn: iamRoleArn.optional().describe("Role assumed to reach the state bucket"),
});

/** The role the AWS provider assumes to deploy an environment. */
const assumeRole = z.strictObject({
  roleArn: iamRoleArn,
  sessionName: z.string().regex(ROLE_SESSION_NAME.pattern, { error: ROLE_SESSION_NAME.error }).optional(),
});

/** OpenTofu state and plan encryption with an AWS KMS key. */
const encryption = z.strictObject({
  kmsKeyId: z.string().min(1).describe("KMS key ID or ARN for OpenTofu state and plan encryption"),
  /** @default the region in `kmsKeyId` when it is an ARN, else the backend's, else the environment's */
  region: region.optional(),
});

/** One deployment target: a stack `<env>-bedrock`. */
const environment = z.strictObject({
  accountId: accountId.optional().describe('12-digit AWS account ID, in quotes: "012345678901"'),
  /** @default defaults.region */
  region: region.optional().describe("Region of this environment; default defaults.region"),
  backend: backend.optional().describe("S3 state backend; without it, local state"),
  assumeRole: assumeRole.optional().describe("Role the AWS provider assumes to deploy"),
  encryption: encryption.optional().describe("OpenTofu state and plan encryption with AWS KMS"),
});

/** A model added to the built-in catalog. */
const customModel = z.strictObject({
  id: z.string().min(1).describe("Foundation model ID without geography prefix, e.g. anthropic.claude-opus-4-6-v1"),
  /** @default the key */
  name: z.string().min(1).optional().describe("Display name, used in default descriptions; default the key"),
  /** @default [] (single-region only) */
  geographies: z
    .array(geography.exclude(["none"]))
    .default([])
    .describe("Geographies with a system-defined cross-region profile for it"),
  /** @default the built-in data's routing when it lists the ID, else unknown (any source region, destinations `*`) */
  routing: z
    .partialRecord(geography.exclude(["none"]), z.record(region, z.array(region).min(1)))
    .optional()
    .describe(
      "Per geography, source region -> destination regions of its system-defined profile (the modelArn regions of aws bedrock list-inference-profiles); default: the built-in data's when it lists the ID",
    ),
});

/**
 * CloudWatch alarms on a profile's `AWS/Bedrock` metrics; on a product for all its profiles, on
 * a profile to override the product's. Values are checked by `rules-billing.ts`.
 */
const alarms = z.strictObject({
  throttles: z.boolean().optional().describe("Alarm when any invocation is throttled in 5 minutes"),
  serverErrors: z.boolean().optional().describe("Alarm when any invocation fails with a server error in 5 minutes"),
  tokensPerHour: z.number().optional().describe("Alarm when input plus output tokens in one hour exceed this many"),
  notify: z
    .array(z.string())
    .optional()
    .describe("SNS topic ARNs in the profile's region, or email addresses (one SNS topic per region is made)"),
  /** @default every environment of the profile */
  envs: z.array(z.string()).optional().describe("Only in these environments; default every environment of the profile"),
});

/** One profile of a product, by purpose. */
const profile = z.strictObject({
  model: z
    .string()
    .min(1)
    .describe("A model catalog key, e.g. claude-sonnet-45 (docs/configuration.md, Model catalog)"),
  envs: z
    .array(z.string())
    .min(1, { error: "must list at least one environment" })
    .describe("The environments (keys of environments:) this profile exists in"),
  /** @default `{product}-{model}-{env}` for purpose main, else `{product}-{purpose}-{model}-{env}` */
  name: z
    .string()
    .optional()
    .describe(
      `Profile name or template with {product} {purpose} {model} {env}; default {product}-{model}-{env} for main, else {product}-{purpose}-{model}-{env}. ${PROFILE_NAME.summary}`,
    ),
  /** @default `{model name} for {product} {purpose} in {env}` */
  // The limits in the JSON Schema are for editors; the rules check the description, written or default.
  description: z
    .string()
    .optional()
    .describe(DESCRIPTION.summary)
    .meta({ maxLength: DESCRIPTION.max, pattern: DESCRIPTION.pattern.source }),
  /** @default defaults.geography */
  geography: geography.optional().describe("Cross-region profile geography, or none; default defaults.geography"),
  /** @default the environment's region */
  region: region.optional().describe("Source region; default the environment's region"),
  tags: tags.optional().describe("Extra resource tags of this profile"),
  /** Adopt an existing profile by its ID instead of creating one. */
  import: z
    .string()
    .regex(APPLICATION_PROFILE_ID.pattern, { error: APPLICATION_PROFILE_ID.error })
    .optional()
    .describe("ID of an existing application inference profile to adopt instead of creating one"),
  alarms: alarms.optional().describe("CloudWatch alarms of this profile; overrides the product's alarms key by key"),
});

const product = z.strictObject({
  tags: tags.optional().describe("Resource tags of every profile of this product"),
  profiles: z.record(key("A purpose"), profile).describe("Purpose → profile; purpose main has the shortest SSM path"),
  alarms: alarms.optional().describe("CloudWatch alarms of every profile of this product"),
});

const tagPolicy = z.strictObject({
  required: z.array(z.string()).default([]).describe("Tag keys every profile must end up with"),
  allowed: z.record(z.string(), z.array(z.string())).default({}).describe("Tag key → the values allowed for it"),
});

/**
 * The review hazards a reviewer may accept on the record. Not `name-held` (the apply would fail:
 * create_before_destroy needs a free name), `source-change-ignored` (an adopted profile would
 * silently keep its old model) nor `invalid-config` (nothing would be planned).
 */
export const ACKNOWLEDGEABLE_HAZARDS = [
  "profile-removed",
  "profile-moved",
  "environment-removed",
  "backend-changed",
  "account-changed",
  "region-changed",
  "ssm-region-moved",
  "import-removed",
  "import-changed",
  "budget-removed",
] as const;

/** One accepted hazard, written in the pull request that causes it. */
const acknowledgement = z.strictObject({
  hazard: z.enum(ACKNOWLEDGEABLE_HAZARDS).describe("The hazard kind, as the review names it"),
  profile: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/, { error: "must be <product>/<purpose>" })
    .optional()
    .describe("<product>/<purpose>; for a moved profile, the one it moved from; absent for environment hazards"),
  product: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "must be a product key" })
    .optional()
    .describe("For budget-removed: the product whose budget is removed"),
  envs: z
    .array(z.string())
    .min(1, { error: "must list at least one environment" })
    .describe("The environments the hazard is accepted in; billing for a budget"),
  reason: z.string().min(1).describe("Why it is safe, e.g. who confirmed no consumer reads the parameter"),
});

/** The management (payer) account: a stack `billing-bedrock` with cost allocation tags and budgets. */
const billing = z.strictObject({
  accountId: accountId.describe('12-digit ID of the management (payer) account, in quotes: "012345678901"'),
  /** @default defaults.region */
  region: region.optional().describe("Region of the billing stack's provider; default defaults.region"),
  backend: backend.optional().describe("S3 state backend; without it, local state"),
  assumeRole: assumeRole.optional().describe("Role the AWS provider assumes in the management account"),
  encryption: encryption.optional().describe("OpenTofu state and plan encryption with AWS KMS"),
  /** @default tagPolicy.required plus every product's and profile's tag keys */
  costAllocationTags: z
    .array(z.string())
    .optional()
    .describe("Tag keys to activate for Cost Explorer; default tagPolicy.required and every product's tag keys"),
});

/** A monthly cost budget of one product, filtered on its `product` tag and Amazon Bedrock. */
const budget = z.strictObject({
  monthly: z.number().describe("Budget per calendar month, in currency"),
  /** @default USD */
  currency: z.string().optional().describe("Currency of the amount; default USD"),
  notify: z.array(z.string()).describe("Email addresses or SNS topic ARNs told when a threshold is crossed"),
  /** @default [80, 100] */
  thresholds: z
    .array(z.number())
    .optional()
    .describe("Percentages of the budget (1-1000) that notify, each on actual and forecasted cost; default [80, 100]"),
});

/** The whole profiles file. */
export const profilesConfigSchema = z.strictObject({
  version: z.literal(1, { error: "must be 1" }).describe("Always 1"),
  defaults: z
    .strictObject({
      region: region.describe("Region of every environment without its own region"),
      /** @default eu */
      geography: geography
        .default("eu")
        .describe("Cross-region profile geography, or none for a single-region foundation model"),
    })
    .describe("Defaults of every environment and profile"),
  tagPolicy: tagPolicy.default({ required: [], allowed: {} }).describe("Tags every profile must carry (ADR-0006)"),
  tags: tags.default({}).describe("Provider default_tags of every stack; each stack adds env"),
  environments: z
    .record(key("An environment name"), environment)
    .describe("Environment name → settings; one stack <env>-bedrock each"),
  models: z.record(key("A model key"), customModel).default({}).describe("Models added to the built-in catalog"),
  products: z.record(key("A product key"), product).default({}).describe("Product key → its tags and profiles"),
  acknowledged: z
    .array(acknowledgement)
    .default([])
    .describe("Review hazards accepted on the record; npm run review -- --strict passes only when all are"),
  billing: billing
    .optional()
    .describe("The management account: cost allocation tags and budgets (stack billing-bedrock)"),
  budgets: z.record(z.string(), budget).optional().describe("Product key → its monthly Bedrock cost budget"),
});

/** A profiles file that has passed the shape check, defaults applied. */
export type ProfilesConfig = z.output<typeof profilesConfigSchema>;
/** One environment of a {@link ProfilesConfig}. */
export type EnvironmentConfig = ProfilesConfig["environments"][string];
/** One entry of `acknowledged:`. */
export type Acknowledgement = ProfilesConfig["acknowledged"][number];
/** The `billing:` section of a {@link ProfilesConfig}. */
export type BillingConfig = NonNullable<ProfilesConfig["billing"]>;
/** One budget of a {@link ProfilesConfig}. */
export type BudgetConfig = NonNullable<ProfilesConfig["budgets"]>[string];
/** An `alarms:` block of a product or profile. */
export type AlarmsConfig = z.output<typeof alarms>;
/** One profile of a {@link ProfilesConfig}. */
export type ProfileConfig = ProfilesConfig["products"][string]["profiles"][string];

/** Where `npm run schema` writes {@link profilesJsonSchema}, relative to the repository root. */
export const PROFILES_SCHEMA_PATH = "config/profiles.schema.json";

/**
 * The JSON Schema of the profiles file as written (zod's input side: keys with a default are
 * optional), for editors through yaml-language-server; draft-07, which every version of it reads.
 * The loader reads the keys an object accepts from it too.
 */
export function profilesJsonSchemaObject(): Record<string, unknown> {
  const schema = z.toJSONSchema(profilesConfigSchema, { io: "input", target: "draft-7" });
  return { ...schema, title: "bedrock-profiles config/profiles.yaml" };
}

/** {@link profilesJsonSchemaObject} as text ready to write, ending in a newline. */
export function profilesJsonSchema(): string {
  return `${JSON.stringify(profilesJsonSchemaObject(), null, 2)}\n`;
}
