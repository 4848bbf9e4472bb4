/**
 * The shape of `config/profiles.yaml`. zod checks the shape (types, known keys, key formats);
 * the rules that need the model catalog or several fields at once live in `rules.ts`.
 * The keys and their meanings are an interface other tools rely on (SPEC "The configuration").
 */
import { z } from "zod";
import { GEOGRAPHIES } from "./catalog.ts";

/** Lowercase words joined by single hyphens: safe in names, addresses, SSM paths and tags. */
export const KEY_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const KEY_HINT = "lowercase letters and digits in words joined by single hyphens, starting with a letter";

/** An AWS region name such as `eu-central-1` or `us-gov-west-1`. */
export const REGION_PATTERN = /^[a-z]{2}(-gov|-iso|-isob)?-[a-z]+-\d+$/;

/** A 12-digit AWS account ID. */
export const ACCOUNT_ID_PATTERN = /^\d{12}$/;

const key = (what: string) => z.string().regex(KEY_PATTERN, { error: `${what} must be ${KEY_HINT}` });

const region = z.string().regex(REGION_PATTERN, {
  error: "must be an AWS region name such as eu-central-1",
});

const accountId = z.string().regex(ACCOUNT_ID_PATTERN, {
  error: "must be a 12-digit AWS account ID in quotes",
});

const iamRoleArn = z.string().regex(/^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, {
  error: "must be an IAM role ARN such as arn:aws:iam::123456789012:role/deployer",
});

const geography = z.enum(GEOGRAPHIES);

/** Tag keys and values as written; their AWS patterns are checked by the rules. */
const tags = z.record(z.string(), z.string());

/** S3 state backend of one environment (OpenTofu ≥ 1.10 for S3-native locking). */
const backend = z.strictObject({
  bucket: z.string().min(3),
  region,
  /** @default `bedrock/<env>.tfstate` */
  key: z.string().min(1).optional(),
  roleArn: iamRoleArn.optional(),
});

/** The role the AWS provider assumes to deploy an environment. */
const assumeRole = z.strictObject({
  roleArn: iamRoleArn,
  sessionName: z
    .string()
    .regex(/^[\w+=,.@-]{2,64}$/, { error: "must be 2-64 characters of letters, digits and +=,.@_-" })
    .optional(),
});

/** OpenTofu state and plan encryption with an AWS KMS key. */
const encryption = z.strictObject({
  kmsKeyId: z.string().min(1),
  /** @default the region in `kmsKeyId` when it is an ARN, else the backend's, else the environment's */
  region: region.optional(),
});

/** One deployment target: a stack `<env>-bedrock`. */
const environment = z.strictObject({
  accountId: accountId.optional(),
  /** @default defaults.region */
  region: region.optional(),
  backend: backend.optional(),
  assumeRole: assumeRole.optional(),
  encryption: encryption.optional(),
});

/** A model added to the built-in catalog. */
const customModel = z.strictObject({
  id: z.string().min(1),
  /** @default the key */
  name: z.string().min(1).optional(),
  /** @default [] (single-region only) */
  geographies: z.array(geography.exclude(["none"])).default([]),
});

/** One profile of a product, by purpose. */
const profile = z.strictObject({
  model: z.string().min(1),
  envs: z.array(z.string()).min(1, { error: "must list at least one environment" }),
  /** @default `{product}-{model}-{env}` */
  name: z.string().optional(),
  /** @default `{model name} for {product} {purpose} in {env}` */
  description: z.string().optional(),
  /** @default defaults.geography */
  geography: geography.optional(),
  /** @default the environment's region */
  region: region.optional(),
  tags: tags.optional(),
  /** Adopt an existing profile by its ID instead of creating one. */
  import: z
    .string()
    .regex(/^[a-z0-9]{12}$/, { error: "must be an application inference profile ID: 12 lowercase letters or digits" })
    .optional(),
});

const product = z.strictObject({
  tags: tags.optional(),
  profiles: z.record(key("A purpose"), profile),
});

const tagPolicy = z.strictObject({
  required: z.array(z.string()).default([]),
  allowed: z.record(z.string(), z.array(z.string())).default({}),
});

/** The whole profiles file. */
export const profilesConfigSchema = z.strictObject({
  version: z.literal(1, { error: "must be 1" }),
  defaults: z.strictObject({
    region,
    /** @default eu */
    geography: geography.default("eu"),
  }),
  tagPolicy: tagPolicy.default({ required: [], allowed: {} }),
  tags: tags.default({}),
  environments: z.record(key("An environment name"), environment),
  models: z.record(key("A model key"), customModel).default({}),
  products: z.record(key("A product key"), product).default({}),
});

/** A profiles file that has passed the shape check, defaults applied. */
export type ProfilesConfig = z.output<typeof profilesConfigSchema>;
/** One environment of a {@link ProfilesConfig}. */
export type EnvironmentConfig = ProfilesConfig["environments"][string];
/** One profile of a {@link ProfilesConfig}. */
export type ProfileConfig = ProfilesConfig["products"][string]["profiles"][string];
