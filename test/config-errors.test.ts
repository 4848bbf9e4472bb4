/**
 * Every rule of docs/rules.md (checked before anything is synthesized), each with the
 * exact report a user sees: where, what was given, what is allowed, how to fix it. Fixtures under
 * test/fixtures are named for the mistake they hold.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../config/loader.ts";
import { configFrom, fixtureRefusal, ROOT, refusalOf, reportOf } from "./helpers.ts";

/** A config with one environment, dev, and one profile, agents/main, written on line 8 as given. */
function oneProfile(main: string, defaults = "{ region: eu-central-1 }"): string {
  return `version: 1
defaults: ${defaults}
environments:
  dev: {}
products:
  agents:
    profiles:
      main: ${main}
`;
}

describe("Bedrock CreateInferenceProfile", () => {
  it("refuses a name with a dot or a double dash, and suggests one", () => {
    expect(
      fixtureRefusal("bad-name-characters.yaml"),
    ).toBe(`test/fixtures/bad-name-characters.yaml: 1 error; nothing was synthesized.

test/fixtures/bad-name-characters.yaml:11:15 products.agents.profiles.main.name: profile name "agents.main--prod" is not accepted by Bedrock
    allowed: 1-64 letters or digits, each optionally followed by one space, _ or -
    fix: write name: agents-main-prod
`);
  });

  it("refuses a default name longer than 64 characters", () => {
    expect(
      fixtureRefusal("bad-default-name-too-long.yaml"),
    ).toBe(`test/fixtures/bad-default-name-too-long.yaml: 1 error; nothing was synthesized.

test/fixtures/bad-default-name-too-long.yaml:8:7 products.customer-support-agent-platform.profiles.main: profile name "customer-support-agent-platform-claude-sonnet-45-production-europe-frankfurt" (the default) is not accepted by Bedrock
    allowed: 1-64 letters or digits, each optionally followed by one space, _ or -
    fix: write name: "{purpose}-{model}-{env}" (76 characters now), or shorten the product or purpose key
`);
  });

  it("refuses the seed description with parentheses", () => {
    expect(
      fixtureRefusal("bad-description-parentheses.yaml"),
    ).toBe(`test/fixtures/bad-description-parentheses.yaml: 1 error; nothing was synthesized.

test/fixtures/bad-description-parentheses.yaml:11:22 products.agents.profiles.main.description: description "Agent inference for support-agent-v1 (prod)" is not accepted by Bedrock
    allowed: 1-200 characters: letters, digits, : and ., each optionally followed by one space, _ or - (no commas, parentheses, slashes or other dashes)
    fix: write description: Agent inference for support-agent-v1 prod
`);
  });

  it("refuses the seed description with an em dash", () => {
    expect(
      fixtureRefusal("bad-description-em-dash.yaml"),
    ).toBe(`test/fixtures/bad-description-em-dash.yaml: 1 error; nothing was synthesized.

test/fixtures/bad-description-em-dash.yaml:11:22 products.agents.profiles.main.description: description "Inference profile for agents — prod" is not accepted by Bedrock
    allowed: 1-200 characters: letters, digits, : and ., each optionally followed by one space, _ or - (no commas, parentheses, slashes or other dashes)
    fix: write description: Inference profile for agents prod
`);
  });

  it("refuses a description longer than 200 characters, suggesting one cut at a word", () => {
    expect(
      fixtureRefusal("bad-description-too-long.yaml"),
    ).toBe(`test/fixtures/bad-description-too-long.yaml: 1 error; nothing was synthesized.

test/fixtures/bad-description-too-long.yaml:11:22 products.agents.profiles.main.description: description "Agent inference for the support agent Agent inference for the support agent Agent inference for the support agent Agent inference for the support agent Agent inference for the support agent Agent inference for the support agent" is not accepted by Bedrock
    allowed: 1-200 characters: letters, digits, : and ., each optionally followed by one space, _ or - (no commas, parentheses, slashes or other dashes)
    fix: write description: Agent inference for the support agent Agent inference for the support agent Agent inference for the support agent Agent inference for the support agent Agent inference for the support agent Agent
`);
  });

  it("refuses a copy_from ARN outside the API pattern", () => {
    expect(
      fixtureRefusal("bad-copy-from-region.yaml"),
    ).toBe(`test/fixtures/bad-copy-from-region.yaml: 1 error; nothing was synthesized.

test/fixtures/bad-copy-from-region.yaml:9:16 products.agents.profiles.local.model: model source "arn:aws:bedrock:eu-centralnorthwestern-1::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0" is not a valid copy_from ARN
    allowed: arn:<partition>:bedrock:<region>:<account>:inference-profile/<id> or arn:<partition>:bedrock:<region>::foundation-model/<id>, at most 2048 characters, a region of at most 20
    fix: check the region and the model's id it is made of
`);
  });
});

describe("Bedrock tags", () => {
  it("counts the provider's default_tags towards the 50 tags of a profile", () => {
    expect(
      fixtureRefusal("too-many-tags.yaml"),
    ).toBe(`test/fixtures/too-many-tags.yaml: 1 error; nothing was synthesized.

test/fixtures/too-many-tags.yaml:55:7 products.agents.profiles.main: profile has 51 tags after merging the provider's default_tags; Bedrock allows 50 per resource
    fix: remove 1 tag(s) from tags:, products.agents.tags or this profile's tags:
`);
  });

  it("refuses tag keys and values outside Bedrock's pattern, suggesting ASCII ones", () => {
    expect(
      fixtureRefusal("bad-tag-characters.yaml"),
    ).toBe(`test/fixtures/bad-tag-characters.yaml: 2 errors; nothing was synthesized.

test/fixtures/bad-tag-characters.yaml:8:7 products.agents.tags.cost center!: tag key "cost center!" is not accepted by Bedrock
    allowed: 1-128 characters: letters, digits, spaces and . _ : / = + @ - (ASCII only)
    fix: write the key as "cost center"

test/fixtures/bad-tag-characters.yaml:9:14 products.agents.tags.owner: tag value "Zoë, Agents team" is not accepted by Bedrock
    allowed: 0-256 characters: letters, digits, spaces and . _ : / = + @ - (ASCII only)
    fix: write owner: "Zoe Agents team"
`);
  });

  it("refuses a product key too long to be the value of the product tag", () => {
    const product = "p".repeat(257);
    const yaml = `version: 1
defaults: { region: eu-central-1 }
environments:
  dev: {}
products:
  ${product}:
    profiles:
      main: { model: claude-sonnet-45, envs: [dev], name: p-main-dev, description: P main }
`;
    expect(refusalOf(yaml)).toBe(`test.yaml: 1 error; nothing was synthesized.

test.yaml:6:3 products.${product}: the key "${product}" becomes the value of the tag product, and Bedrock allows 256 characters (257 now)
    fix: choose a shorter key
`);
  });

  it("refuses aws: tag keys in any case", () => {
    expect(
      fixtureRefusal("reserved-aws-tag-key.yaml"),
    ).toBe(`test/fixtures/reserved-aws-tag-key.yaml: 2 errors; nothing was synthesized.

test/fixtures/reserved-aws-tag-key.yaml:4:3 tags.aws:cost-center: tag key "aws:cost-center" uses the prefix "aws:", which AWS reserves for its own tags
    fix: rename the key, e.g. "cost-center"

test/fixtures/reserved-aws-tag-key.yaml:14:11 products.agents.profiles.main.tags.AWS:team: tag key "AWS:team" uses the prefix "aws:", which AWS reserves for its own tags
    fix: rename the key, e.g. "team"
`);
  });
});

describe("SSM parameter names", () => {
  it("refuses environments whose parameter names would start with aws or ssm", () => {
    expect(
      fixtureRefusal("environment-reserved-by-ssm.yaml"),
    ).toBe(`test/fixtures/environment-reserved-by-ssm.yaml: 2 errors; nothing was synthesized.

test/fixtures/environment-reserved-by-ssm.yaml:4:3 environments.aws-sandbox: environment "aws-sandbox" would start its SSM parameter names with /aws-sandbox/, and SSM refuses names beginning with "aws" or "ssm"
    fix: rename the environment, e.g. "sandbox"

test/fixtures/environment-reserved-by-ssm.yaml:5:3 environments.ssm-test: environment "ssm-test" would start its SSM parameter names with /ssm-test/, and SSM refuses names beginning with "aws" or "ssm"
    fix: rename the environment, e.g. "test"
`);
  });
});

describe("the model catalog", () => {
  it("refuses an unknown model and suggests the closest key", () => {
    expect(
      fixtureRefusal("unknown-model.yaml"),
    ).toBe(`test/fixtures/unknown-model.yaml: 1 error; nothing was synthesized.

test/fixtures/unknown-model.yaml:9:16 products.agents.profiles.main.model: unknown model "claude-sonet-45"
    allowed: a key of the model catalog: claude-haiku-3, claude-haiku-35, claude-haiku-45, claude-opus-4, claude-opus-41, claude-opus-45, claude-opus-46, claude-sonnet-35, claude-sonnet-35-v2, claude-sonnet-37, claude-sonnet-4, claude-sonnet-45, claude-sonnet-46, cohere-embed-english-v3, cohere-embed-multilingual-v3, cohere-embed-v4, llama-31-405b, llama-31-70b, llama-31-8b, llama-32-11b, llama-32-1b, llama-32-3b, llama-32-90b, llama-33-70b, llama-4-maverick, llama-4-scout, nova-2-lite, nova-lite, nova-micro, nova-premier, nova-pro, titan-embed-text-v2
    fix: did you mean "claude-sonnet-45"?
`);
  });

  it("refuses claude-haiku-35 in eu and names the geographies that offer it", () => {
    expect(
      fixtureRefusal("model-not-offered-in-geography.yaml"),
    ).toBe(`test/fixtures/model-not-offered-in-geography.yaml: 1 error; nothing was synthesized.

test/fixtures/model-not-offered-in-geography.yaml:9:16 products.agents.profiles.fast.model: Claude 3.5 Haiku (claude-haiku-35) has no eu cross-region profile
    allowed: geographies offering it: us, none
    fix: set geography: us on this profile, or geography: none for the foundation model in one region, or choose another model
`);
  });

  it("refuses a region that is not a source region, from the environment or the profile", () => {
    expect(
      fixtureRefusal("region-not-a-source-region.yaml"),
    ).toBe(`test/fixtures/region-not-a-source-region.yaml: 2 errors; nothing was synthesized.

test/fixtures/region-not-a-source-region.yaml:9:7 products.agents.profiles.main: us-east-1 (region of environment us) is not a source region of the eu profile for Claude Sonnet 4.5
    allowed: source regions: eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-2, eu-west-3
    fix: set region: to one of them, or geography: us or global, which us-east-1 can call

test/fixtures/region-not-a-source-region.yaml:15:17 products.agents.profiles.classify.region: us-west-2 (region) is not a source region of the eu profile for Claude Haiku 4.5
    allowed: source regions: eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-2, eu-west-3
    fix: set region: to one of them, or geography: us or global, which us-west-2 can call
`);
  });

  it("refuses custom model IDs that are profile IDs, ARNs or built-in keys", () => {
    expect(
      fixtureRefusal("bad-custom-model-ids.yaml"),
    ).toBe(`test/fixtures/bad-custom-model-ids.yaml: 3 errors; nothing was synthesized.

test/fixtures/bad-custom-model-ids.yaml:6:19 models.haiku-eu.id: "eu.anthropic.claude-haiku-3-5-20241022-v1:0" is the ID of the eu cross-region profile, not of a foundation model
    allowed: the foundation model ID, e.g. anthropic.claude-opus-4-6-v1; the tool adds the geography prefix
    fix: write id: anthropic.claude-haiku-3-5-20241022-v1:0 and list eu under geographies:

test/fixtures/bad-custom-model-ids.yaml:7:19 models.opus-arn.id: "arn:aws:bedrock:eu-central-1::foundation-model/anthropic.claude-opus-4-6-v1" is not a Bedrock model ID
    allowed: provider.model-name with an optional :version, lowercase, e.g. anthropic.claude-opus-4-6-v1
    fix: give the foundation model ID alone: no ARN, no geography prefix such as eu.

test/fixtures/bad-custom-model-ids.yaml:8:3 models.claude-sonnet-45: model "claude-sonnet-45" is already in the built-in catalog (anthropic.claude-sonnet-4-5-20250929-v1:0)
    fix: remove this entry to use the built-in one, or choose another key
`);
  });
});

describe("references and uniqueness", () => {
  it("refuses an unknown environment and suggests the closest, a swap of two letters counting as one edit", () => {
    expect(
      fixtureRefusal("unknown-environment.yaml"),
    ).toBe(`test/fixtures/unknown-environment.yaml: 1 error; nothing was synthesized.

test/fixtures/unknown-environment.yaml:12:26 products.agents.profiles.main.envs[2]: unknown environment "prdo"
    allowed: dev, pre, prod
    fix: did you mean "prod"?
`);
  });

  it("offers every equally close environment rather than guessing one", () => {
    const yaml = readFileSync(join(ROOT, "test/fixtures/unknown-environment.yaml"), "utf8").replace("prdo]", "prd]");
    expect(refusalOf(yaml)).toBe(`test.yaml: 1 error; nothing was synthesized.

test.yaml:12:26 products.agents.profiles.main.envs[2]: unknown environment "prd"
    allowed: dev, pre, prod
    fix: did you mean "pre" or "prod"?
`);
  });

  it("refuses one name twice in an account and region shared by two environments, naming both places", () => {
    expect(
      fixtureRefusal("duplicate-name-shared-account.yaml"),
    ).toBe(`test/fixtures/duplicate-name-shared-account.yaml: 2 errors; nothing was synthesized.

test/fixtures/duplicate-name-shared-account.yaml:12:15 products.agents.profiles.main.name: profile name "agents-sonnet" in dev is also used by products.agents.profiles.review in pre; names are unique per account (222222222222) and region (eu-central-1)
    fix: write name: "{product}-{purpose}-{model}-{env}", which holds the purpose and follows the model and environment

test/fixtures/duplicate-name-shared-account.yaml:16:15 products.agents.profiles.review.name: profile name "agents-sonnet" in pre is also used by products.agents.profiles.main in dev; names are unique per account (222222222222) and region (eu-central-1)
    fix: write name: "{product}-{purpose}-{model}-{env}", which holds the purpose and follows the model and environment
`);
  });
});

describe("the shape of the file", () => {
  it("asks to quote account IDs, saying when YAML dropped a leading zero", () => {
    expect(
      fixtureRefusal("unquoted-account-id.yaml"),
    ).toBe(`test/fixtures/unquoted-account-id.yaml: 2 errors; nothing was synthesized.

test/fixtures/unquoted-account-id.yaml:5:16 environments.dev.accountId: 012345678901 was read by YAML as the number 12345678901, dropping its leading zero
    fix: quote it: accountId: "012345678901"

test/fixtures/unquoted-account-id.yaml:7:16 environments.prod.accountId: 444444444444 was read by YAML as a number; accountId takes a string
    fix: quote it: accountId: "444444444444"
`);
  });

  it("counts the digits of a short account ID and suggests the region a typo meant", () => {
    expect(
      refusalOf(`version: 1
defaults: { region: eu-central1 }
environments:
  dev: { accountId: "22222222222" }
`),
    ).toBe(`test.yaml: 2 errors; nothing was synthesized.

test.yaml:2:21 defaults.region: "eu-central1" must be an AWS region name such as eu-central-1
    fix: did you mean "eu-central-1"?

test.yaml:4:21 environments.dev.accountId: "22222222222" is not a 12-digit AWS account ID
    fix: an account ID has 12 digits; this one has 11: copy it from the AWS console or \`aws sts get-caller-identity\`
`);
  });

  it("refuses typos in top-level, defaults, environment and model keys with did-you-mean", () => {
    expect(
      fixtureRefusal("typos-in-keys.yaml"),
    ).toBe(`test/fixtures/typos-in-keys.yaml: 4 errors; nothing was synthesized.

test/fixtures/typos-in-keys.yaml:2:35 defaults.geografy: unknown key "geografy"
    allowed: region, geography
    fix: did you mean "geography"?

test/fixtures/typos-in-keys.yaml:5:5 environments.prod.acountId: unknown key "acountId"
    allowed: accountId, region, backend, assumeRole, encryption
    fix: did you mean "accountId"?

test/fixtures/typos-in-keys.yaml:6:1 prodcts: unknown key "prodcts"
    allowed: version, defaults, tagPolicy, tags, environments, models, products, acknowledged, billing, budgets
    fix: did you mean "products"?

test/fixtures/typos-in-keys.yaml:9:55 models.claude-opus-46.geography: unknown key "geography"
    allowed: id, name, geographies, routing
    fix: did you mean "geographies"?
`);
  });

  it("refuses typos in product and profile keys and values outside an enum", () => {
    expect(
      fixtureRefusal("typos-in-product-and-profile.yaml"),
    ).toBe(`test/fixtures/typos-in-product-and-profile.yaml: 3 errors; nothing was synthesized.

test/fixtures/typos-in-product-and-profile.yaml:7:5 products.agents.tag: unknown key "tag"
    allowed: tags, profiles, alarms
    fix: did you mean "tags"?

test/fixtures/typos-in-product-and-profile.yaml:12:9 products.agents.profiles.main.descripton: unknown key "descripton"
    allowed: model, envs, name, description, geography, region, tags, import, alarms
    fix: did you mean "description"?

test/fixtures/typos-in-product-and-profile.yaml:16:20 products.agents.profiles.classify.geography: "europe" is not allowed
    allowed: eu, us, apac, jp, au, ca, us-gov, global, none
`);
  });
});

describe("tagPolicy", () => {
  it("requires the policy's tags after the merge and only its allowed values", () => {
    expect(
      fixtureRefusal("tag-policy-violations.yaml"),
    ).toBe(`test/fixtures/tag-policy-violations.yaml: 2 errors; nothing was synthesized.

test/fixtures/tag-policy-violations.yaml:11:27 products.agents.tags.billing-mode: tag billing-mode: "clinet" is not allowed by tagPolicy.allowed
    allowed: client, saas, rd
    fix: did you mean "client"?

test/fixtures/tag-policy-violations.yaml:16:7 products.search.profiles.main: profile lacks the tag "billing-mode" required by tagPolicy.required
    fix: add billing-mode: to products.search.tags, to this profile's tags:, or to the global tags:
`);
  });
});

describe("SSM parameter names, beyond the environment", () => {
  it("refuses a parameter name longer than SSM allows with its ARN prefix", () => {
    const purpose = "a".repeat(980);
    expect(
      fixtureRefusal("ssm-name-too-long.yaml"),
    ).toBe(`test/fixtures/ssm-name-too-long.yaml: 1 error; nothing was synthesized.

test/fixtures/ssm-name-too-long.yaml:8:7 products.agents.profiles.${purpose}: SSM parameter name "/prod/agents/bedrock/${purpose}/inference-profile-arn" is not accepted by SSM
    allowed: a-zA-Z0-9_.-/, at most 15 levels and 1011 characters with its ARN prefix
    fix: shorten the environment, product or purpose key
`);
  });
});

describe("the model ID parameter beside the ARN's", () => {
  it("is checked too: its name is 5 characters longer, so a purpose can fit the ARN's and not its own", () => {
    // ARN prefix arn:aws:ssm:eu-central-1:444444444444:parameter (47) + the name: at most 1011.
    const purpose = "a".repeat(920); // ARN name 963 characters, model ID name 968
    const yaml = `version: 1
defaults: { region: eu-central-1 }
environments:
  prod: { accountId: "444444444444" }
products:
  agents:
    profiles:
      ${purpose}: { model: claude-sonnet-45, envs: [prod], name: agents-long-prod, description: Agents }
`;
    expect(refusalOf(yaml)).toBe(`test.yaml: 1 error; nothing was synthesized.

test.yaml:8:7 products.agents.profiles.${purpose}: SSM parameter name "/prod/agents/bedrock/${purpose}/inference-profile-model-id" is not accepted by SSM
    allowed: a-zA-Z0-9_.-/, at most 15 levels and 1011 characters with its ARN prefix
    fix: shorten the environment, product or purpose key
`);
  });
});

describe("names unique per account and region", () => {
  const twoEnvironments = (dev: string, pre: string) => `
version: 1
defaults: { region: eu-central-1 }
environments:
  dev: ${dev}
  pre: ${pre}
products:
  agents:
    profiles:
      main: { model: claude-sonnet-45, envs: [dev], name: agents-sonnet }
      review: { model: claude-sonnet-45, envs: [pre], name: agents-sonnet }
`;

  it("refuses a fixed name on one profile in two environments sharing an account", () => {
    const yaml = twoEnvironments('{ accountId: "222222222222" }', '{ accountId: "222222222222" }').replace(
      "envs: [dev], name: agents-sonnet",
      "envs: [dev, pre], name: agents-sonnet-main",
    );
    expect(refusalOf(yaml)).toBe(`test.yaml: 1 error; nothing was synthesized.

test.yaml:10:64 products.agents.profiles.main.name: profile name "agents-sonnet-main" is used in both dev and pre, which share an account and region; names are unique per account (222222222222) and region (eu-central-1)
    fix: write name: "{product}-{purpose}-{model}-{env}", which differs per environment and follows the model, or give these environments different accounts
`);
  });

  it("accepts one name in two accounts", () => {
    expect(() =>
      configFrom(twoEnvironments('{ accountId: "222222222222" }', '{ accountId: "333333333333" }')),
    ).not.toThrow();
  });

  it("accepts one name in two regions of one account", () => {
    expect(() =>
      configFrom(twoEnvironments('{ accountId: "222222222222" }', '{ accountId: "222222222222", region: eu-west-1 }')),
    ).not.toThrow();
  });
});

describe("YAML syntax", () => {
  it("reports a tab once, not the parser's complaints about the lines below it", () => {
    expect(
      fixtureRefusal("tab-then-more-entries.yaml"),
    ).toBe(`test/fixtures/tab-then-more-entries.yaml: 1 error; nothing was synthesized.

test/fixtures/tab-then-more-entries.yaml:7:1: YAML syntax: this line is indented with a tab
    fix: indent with spaces only; YAML does not allow tabs for indentation. The parser's errors further down follow from this tab and are left out
`);
  });

  it("tells a value with an unquoted colon from an indentation mistake, and quotes it in the fix", () => {
    expect(
      fixtureRefusal("unquoted-colon-in-description.yaml"),
    ).toBe(`test/fixtures/unquoted-colon-in-description.yaml: 1 error; nothing was synthesized.

test/fixtures/unquoted-colon-in-description.yaml:11:22 products.agents.profiles.main.description: YAML syntax: the value "Agent: support-agent-v1" contains ": ", which YAML reads as the start of another key
    fix: quote the value: description: "Agent: support-agent-v1"
`);
  });

  it("points at a line indented with a tab", () => {
    expect(refusalOf("version: 1\ndefaults:\n\tregion: eu-central-1\nenvironments:\n  dev: {}\n")).toBe(
      `test.yaml: 1 error; nothing was synthesized.

test.yaml:3:1: YAML syntax: this line is indented with a tab
    fix: indent with spaces only; YAML does not allow tabs for indentation
`,
    );
  });

  it("points at where an unclosed quote opens, not at the end of the file where YAML notices it", () => {
    const yaml = `version: 1
defaults:
  region: eu-central-1
environments:
  dev: {}
products:
  agents:
    profiles:
      main:
        model: claude-sonnet-45
        description: "Agent inference
        envs: [dev]
`;
    expect(refusalOf(yaml)).toBe(`test.yaml: 1 error; nothing was synthesized.

test.yaml:11:22 products.agents.profiles.main.description: YAML syntax: the quote " opened here is never closed, so everything after it up to the end of the file is read as part of this value
    fix: add the closing " at the end of the value on this line
`);
  });

  it("points at where an unclosed bracket opens", () => {
    const yaml = oneProfile("{ model: claude-sonnet-45, envs: [dev }");
    expect(refusalOf(yaml)).toBe(`test.yaml: 1 error; nothing was synthesized.

test.yaml:8:46 products.agents.profiles.main.envs: YAML syntax: the bracket [ opened here is never closed, so everything after it up to the end of the file is read as part of this value
    fix: add the closing ] at the end of the value on this line
`);
  });

  it("names a duplicate key and where it was first written", () => {
    const yaml = `version: 1
defaults:
  region: eu-central-1
environments:
  dev: {}
  prod: {}
  dev: { region: eu-west-1 }
`;
    expect(refusalOf(yaml)).toBe(`test.yaml: 1 error; nothing was synthesized.

test.yaml:7:3 environments.dev: YAML syntax: the key "dev" is written twice in the same mapping (first at line 5)
    fix: merge the two entries into one, or rename one of them
`);
  });

  it("explains a key without its colon", () => {
    expect(
      refusalOf("version: 1\ndefaults:\n  region eu-central-1\n  geography: eu\nenvironments:\n  dev: {}\n"),
    ).toBe(`test.yaml: 1 error; nothing was synthesized.

test.yaml:3:3: YAML syntax: this entry runs on over several lines and is read as one key
    fix: write each entry as \`key: value\` (a colon and a space after the key), siblings at the same indentation
`);
  });

  it("explains a colon without its space", () => {
    expect(refusalOf("version: 1\ndefaults:\n  region:eu-central-1\nenvironments:\n  dev: {}\n")).toBe(
      `test.yaml: 1 error; nothing was synthesized.

test.yaml:3:3 defaults: expected a mapping, got a string "region:eu-central-1"
    fix: put a space after the colon: region: eu-central-1
`,
    );
  });

  it("names each missing top-level key and what to write", () => {
    expect(refusalOf("environments:\n  dev: {}\n")).toBe(`test.yaml: 2 errors; nothing was synthesized.

test.yaml:1:1: missing "version"
    allowed: 1
    fix: add version: 1

test.yaml:1:1: missing "defaults" (a mapping)
    fix: add defaults:
`);
  });

  it("explains an empty file", () => {
    expect(refusalOf("")).toBe(`test.yaml: 1 error; nothing was synthesized.

test.yaml:1:1: expected a mapping, got an empty value
    fix: start with version: 1, defaults:, environments: and products: (docs/configuration.md)
`);
  });
});

describe("a missing profiles file", () => {
  /** The report for a profiles file that does not exist. */
  function missingFileReport(file: string, fix: string): string {
    return `${file}: 1 error; nothing was synthesized.

${file}: cannot read the profiles file ${file}: there is no such file
    fix: ${fix}
`;
  }

  it("names the full path looked at and both ways to fix it", () => {
    const file = join(ROOT, "test/fixtures/no-such-file.yaml");
    expect(reportOf(() => loadConfig(file), file)).toBe(
      missingFileReport(
        file,
        "set PROFILES_CONFIG to the profiles file, or unset it and run from the repository root to use config/profiles.yaml",
      ),
    );
  });

  it("suggests the YAML file beside it with the closest name", () => {
    const file = join(ROOT, "config/profile.yaml");
    expect(reportOf(() => loadConfig(file), file)).toBe(
      missingFileReport(file, `did you mean "${join(ROOT, "config/profiles.yaml")}"?`),
    );
  });
});

describe("every mistake in one run", () => {
  it("checks the rules of the profiles that parsed beside a shape error in another, sorted by position", () => {
    expect(
      fixtureRefusal("shape-error-beside-rule-error.yaml"),
    ).toBe(`test/fixtures/shape-error-beside-rule-error.yaml: 4 errors; nothing was synthesized.

test/fixtures/shape-error-beside-rule-error.yaml:5:16 environments.prod.accountId: 444444444444 was read by YAML as a number; accountId takes a string
    fix: quote it: accountId: "444444444444"

test/fixtures/shape-error-beside-rule-error.yaml:11:15 products.agents.profiles.main.envs: expected a list, got a string "prod"
    fix: write it as a list: envs: [prod]

test/fixtures/shape-error-beside-rule-error.yaml:13:16 products.agents.profiles.classify.model: Claude 3.5 Haiku (claude-haiku-35) has no eu cross-region profile
    allowed: geographies offering it: us, none
    fix: set geography: us on this profile, or geography: none for the foundation model in one region, or choose another model

test/fixtures/shape-error-beside-rule-error.yaml:18:16 products.search.profiles.main.model: unknown model "claude-sonet-45"
    allowed: a key of the model catalog: claude-haiku-3, claude-haiku-35, claude-haiku-45, claude-opus-4, claude-opus-41, claude-opus-45, claude-opus-46, claude-sonnet-35, claude-sonnet-35-v2, claude-sonnet-37, claude-sonnet-4, claude-sonnet-45, claude-sonnet-46, cohere-embed-english-v3, cohere-embed-multilingual-v3, cohere-embed-v4, llama-31-405b, llama-31-70b, llama-31-8b, llama-32-11b, llama-32-1b, llama-32-3b, llama-32-90b, llama-33-70b, llama-4-maverick, llama-4-scout, nova-2-lite, nova-lite, nova-micro, nova-premier, nova-pro, titan-embed-text-v2
    fix: did you mean "claude-sonnet-45"?
`);
  });

  it("reports a misspelt key once, not also as a missing one", () => {
    const yaml = oneProfile("{ modle: claude-sonnet-45, envs: [dev] }");
    expect(refusalOf(yaml)).toBe(`test.yaml: 1 error; nothing was synthesized.

test.yaml:8:15 products.agents.profiles.main.modle: unknown key "modle"
    allowed: model, envs, name, description, geography, region, tags, import, alarms
    fix: did you mean "model"?
`);
  });

  it("reports a missing key at the entry that lacks it", () => {
    const yaml = oneProfile("{ model: claude-sonnet-45 }");
    expect(refusalOf(yaml)).toBe(`test.yaml: 1 error; nothing was synthesized.

test.yaml:8:7 products.agents.profiles.main: missing "envs" (a list)
    fix: add envs:
`);
  });

  it("skips the rules when a broken value could mislead them (here every region depends on the default)", () => {
    const yaml = oneProfile("{ model: claude-sonet-45, envs: [dev] }", "{ region: Frankfurt }");
    expect(refusalOf(yaml)).toBe(`test.yaml: 1 error; nothing was synthesized.

test.yaml:2:21 defaults.region: "Frankfurt" must be an AWS region name such as eu-central-1
`);
  });
});
