/**
 * The one home of every AWS limit the profiles file is checked against: each pattern, length and
 * reserved prefix with the words messages use for what is allowed and the public page it comes
 * from. The shape (`schema.ts`), the rules and the JSON Schema for editors read them from here;
 * the property tests keep an independent copy on purpose, so a wrong limit here fails a test.
 */

/** A limit's public source, cited in comments and docs. */
type Source = { readonly source: string } & Readonly<Record<string, unknown>>;

const CREATE_INFERENCE_PROFILE =
  "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_CreateInferenceProfile.html";

/**
 * An account ID of the right length for checking the length of an ARN whose account is known only
 * at plan time: every account ID has 12 digits. AWS documentation's own example account.
 */
export const EXAMPLE_ACCOUNT_ID = "123456789012";

/** A 12-digit AWS account ID. */
export const ACCOUNT_ID = {
  pattern: /^\d{12}$/,
  error: "is not a 12-digit AWS account ID",
  source: "https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-identifiers.html",
} as const satisfies Source;

/** An AWS region name such as `eu-central-1` or `us-gov-west-1`. */
export const REGION = {
  pattern: /^[a-z]{2}(-gov|-iso|-isob)?-[a-z]+-\d+$/,
  error: "must be an AWS region name such as eu-central-1",
  allowed: "an AWS region name such as eu-central-1",
  source: "https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html",
} as const satisfies Source;

/** CreateInferenceProfile `inferenceProfileName`: 1–64 characters. */
export const PROFILE_NAME = {
  pattern: /^([0-9a-zA-Z][ _-]?)+$/,
  max: 64,
  allowed: "1-64 letters or digits, each optionally followed by one space, _ or -",
  summary: "1-64 letters, digits, single - _ or space",
  source: CREATE_INFERENCE_PROFILE,
} as const satisfies Source;

/** CreateInferenceProfile `description`: 1–200 characters; no commas, parentheses, slashes. */
export const DESCRIPTION = {
  pattern: /^([0-9a-zA-Z:.][ _-]?)+$/,
  max: 200,
  allowed:
    "1-200 characters: letters, digits, : and ., each optionally followed by one space, _ or - (no commas, parentheses, slashes or other dashes)",
  summary: "1-200 characters: letters, digits, : . and single - _ or space; no commas, parentheses, slashes",
  source: CREATE_INFERENCE_PROFILE,
} as const satisfies Source;

/** CreateInferenceProfile `modelSource.copyFrom`: 1–2048 characters. */
export const COPY_FROM = {
  pattern:
    /^arn:aws(|-us-gov|-cn|-iso|-iso-b):bedrock:(|[0-9a-z-]{0,20}):(|[0-9]{12}):(inference-profile|foundation-model)\/[a-zA-Z0-9-:.]+$/,
  max: 2048,
  allowed:
    "arn:<partition>:bedrock:<region>:<account>:inference-profile/<id> or arn:<partition>:bedrock:<region>::foundation-model/<id>, at most 2048 characters, a region of at most 20",
  source: "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_InferenceProfileModelSource.html",
} as const satisfies Source;

/** Bedrock TagKey / TagValue (ASCII only); 50 tags per resource, default_tags included. */
export const TAG = {
  pattern: /^[a-zA-Z0-9\s._:/=+@-]*$/,
  maxKey: 128,
  maxValue: 256,
  maxPerResource: 50,
  /** The prefix AWS keeps for its own tags. */
  reservedPrefix: "aws:",
  characters: "letters, digits, spaces and . _ : / = + @ -",
  allowed: "letters, digits, spaces and . _ : / = + @ - (ASCII only)",
  summary: "Bedrock: ASCII letters, digits, spaces and . _ : / = + @ -; no aws: keys",
  source: "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_Tag.html",
} as const satisfies Source;

/** GetInferenceProfile FoundationModelArn's model part: the form of a Bedrock model ID. */
export const MODEL_ID = {
  pattern: /^[a-z0-9-]{1,63}[.]([a-z0-9-]{1,63}[.]){0,2}[a-z0-9-]{1,63}([:][a-z0-9-]{1,63}){0,2}$/,
  allowed: "provider.model-name with an optional :version, lowercase, e.g. anthropic.claude-opus-4-6-v1",
  source: "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_GetInferenceProfile.html",
} as const satisfies Source;

/**
 * An application inference profile ID (GetInferenceProfile `inferenceProfileIdentifier`): 12
 * lowercase letters and digits, the end of its ARN `application-inference-profile/<id>`.
 */
export const APPLICATION_PROFILE_ID = {
  pattern: /^[a-z0-9]{12}$/,
  error: "must be an application inference profile ID: 12 lowercase letters or digits",
  source: "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_GetInferenceProfile.html",
} as const satisfies Source;

/**
 * SSM parameter names: `a-zA-Z0-9_.-/`, at most 15 levels, no `aws`/`ssm` prefix, and at most
 * 1011 characters counted with the parameter ARN prefix.
 */
export const SSM_NAME = {
  pattern: /^[a-zA-Z0-9_.\-/]+$/,
  maxLevels: 15,
  maxWithArn: 1011,
  reserved: /^\/?(aws|ssm)/i,
  allowed: "a-zA-Z0-9_.-/, at most 15 levels and 1011 characters with its ARN prefix",
  source: "https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-parameter-name-constraints.html",
} as const satisfies Source;

/** An IAM role ARN, as the provider's `assume_role` and the S3 backend's `role_arn` take it. */
export const IAM_ROLE_ARN = {
  pattern: /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/,
  error: "must be an IAM role ARN such as arn:aws:iam::123456789012:role/deployer",
  source: "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html",
} as const satisfies Source;

/** AssumeRole `RoleSessionName`. */
export const ROLE_SESSION_NAME = {
  pattern: /^[\w+=,.@-]{2,64}$/,
  error: "must be 2-64 characters of letters, digits and +=,.@_-",
  source: "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html",
} as const satisfies Source;

/** A KMS key as OpenTofu's `aws_kms` key provider takes it: a key ID, `alias/<name>`, or the ARN of either. */
export const KMS_KEY = {
  keyId: /^(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/,
  alias: /^alias\/[a-zA-Z0-9/_-]{1,250}$/,
  allowed: "a key ID, alias/<name>, arn:<partition>:kms:<region>:<account>:key/<key ID> or …:alias/<name>",
  source: "https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id",
} as const satisfies Source;

/** S3 general purpose bucket names. */
export const BUCKET_NAME = {
  pattern: /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
  max: 63,
  reservedPrefixes: ["xn--", "sthree-", "amzn-s3-demo-"],
  reservedSuffixes: ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"],
  allowed:
    "3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit; no two adjacent dots, no IP address form, no reserved prefix (xn--, sthree-, amzn-s3-demo-) or suffix (-s3alias, --ol-s3, .mrap, --x-s3, --table-s3)",
  source: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html",
} as const satisfies Source;

/** An SNS topic ARN. */
export const SNS_TOPIC_ARN = {
  pattern: /^arn:aws(-[a-z]+)*:sns:([a-z0-9-]+):(\d{12}):([\w-]{1,256})$/,
  source: "https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html",
} as const satisfies Source;

/**
 * Limits of AWS Budgets: at most 10 notifications per budget (each threshold makes two, actual
 * and forecasted), each with at most one SNS topic and 10 email addresses; thresholds in percent
 * of the budget from 1 to 1000.
 */
export const BUDGET = {
  notifications: 10,
  emailsPerNotification: 10,
  snsTopicsPerNotification: 1,
  threshold: { min: 1, max: 1000 },
  source:
    "https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_NotificationWithSubscribers.html",
} as const satisfies Source;

/**
 * Currencies accepted for a cost budget's `limit_unit`: only USD. AWS Budgets evaluates cost in
 * USD whatever the invoice currency; the API's `Spend.Unit` is a free string, so a wrong code
 * would only fail at apply. Not verified for payers billed in another currency.
 */
export const BUDGET_CURRENCY = {
  allowed: ["USD"] as readonly string[],
  source: "https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_Spend.html",
} as const satisfies Source;

/** An email address as AWS Budgets and SNS accept it: one @, no spaces, a dot in the domain. */
export const EMAIL_ADDRESS = {
  pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  source: "https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_Subscriber.html",
} as const satisfies Source;
