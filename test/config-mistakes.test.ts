/**
 * Mistakes a careless engineer makes that used to get past the loader or crash it (issue 12):
 * each fixture under test/fixtures/mistakes is named for its mistake, and the report is exact.
 */
import { describe, expect, it } from "vitest";
import { parseConfig } from "../config/loader.ts";
import { fixtureConfig, fixtureRefusal, refusalOf, resolve, synth } from "./helpers.ts";

/** The report for a fixture under test/fixtures/mistakes. */
function refusal(fixture: string): string {
  return fixtureRefusal(`mistakes/${fixture}`);
}

describe("mistakes refused with a located, actionable report", () => {
  it("refuses a deploy role in another account than accountId, or in another partition than the region", () => {
    expect(
      refusal("role-in-another-account.yaml"),
    ).toBe(`test/fixtures/mistakes/role-in-another-account.yaml: 2 errors; nothing was synthesized.

test/fixtures/mistakes/role-in-another-account.yaml:7:16 environments.prod.assumeRole.roleArn: role "arn:aws:iam::555555555555:role/bedrock-deployer" is in the account 555555555555, but this environment's accountId is 444444444444 (environments.prod.accountId); every plan would fail the provider's allowed_account_ids check
    fix: use the deploy role of account 444444444444, e.g. arn:aws:iam::444444444444:role/bedrock-deployer, or correct accountId

test/fixtures/mistakes/role-in-another-account.yaml:11:16 environments.gov.assumeRole.roleArn: role "arn:aws:iam::666666666666:role/bedrock-deployer" is in the partition aws, but the region us-gov-west-1 is in aws-us-gov
    fix: write the role ARN as arn:aws-us-gov:iam::666666666666:role/bedrock-deployer, or check the region
`);
  });

  it("refuses a KMS key ARN without key/, in another region than encryption.region, and a key that is no ID", () => {
    expect(
      refusal("kms-key-arns.yaml"),
    ).toBe(`test/fixtures/mistakes/kms-key-arns.yaml: 3 errors; nothing was synthesized.

test/fixtures/mistakes/kms-key-arns.yaml:6:17 environments.dev.encryption.kmsKeyId: "arn:aws:kms:eu-central-1:222222222222:0d9f1c2e-5b7a-4e1d-9a3c-7f2b8e6d4c10" is not a KMS key or alias ARN
    allowed: a key ID, alias/<name>, arn:<partition>:kms:<region>:<account>:key/<key ID> or \u2026:alias/<name>
    fix: write the resource as key/0d9f1c2e-5b7a-4e1d-9a3c-7f2b8e6d4c10: arn:aws:kms:eu-central-1:222222222222:key/0d9f1c2e-5b7a-4e1d-9a3c-7f2b8e6d4c10

test/fixtures/mistakes/kms-key-arns.yaml:9:17 environments.pre.encryption.kmsKeyId: the key is in eu-west-1, but encryption.region is eu-central-1; KMS answers only for a key in its own region
    fix: remove encryption.region (the key's ARN gives eu-west-1), or use a key in eu-central-1

test/fixtures/mistakes/kms-key-arns.yaml:13:17 environments.prod.encryption.kmsKeyId: "my-state-key" is not a KMS key ID, alias or ARN
    allowed: a key ID, alias/<name>, arn:<partition>:kms:<region>:<account>:key/<key ID> or \u2026:alias/<name>
    fix: copy the key ARN from the KMS console (Customer managed keys \u2192 the key \u2192 ARN)
`);
  });

  it("refuses bucket names S3 refuses: uppercase, underscores, an s3:// URL", () => {
    expect(
      refusal("bad-bucket-names.yaml"),
    ).toBe(`test/fixtures/mistakes/bad-bucket-names.yaml: 3 errors; nothing was synthesized.

test/fixtures/mistakes/bad-bucket-names.yaml:5:24 environments.dev.backend.bucket: bucket name "Example-TFState" has uppercase letters; S3 does not accept it
    allowed: 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit; no two adjacent dots, no IP address form, no reserved prefix (xn--, sthree-, amzn-s3-demo-) or suffix (-s3alias, --ol-s3, .mrap, --x-s3, --table-s3)
    fix: write bucket: example-tfstate (the name of the bucket as S3 lists it)

test/fixtures/mistakes/bad-bucket-names.yaml:7:24 environments.pre.backend.bucket: bucket name "example_tfstate_pre" has an underscore; S3 does not accept it
    allowed: 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit; no two adjacent dots, no IP address form, no reserved prefix (xn--, sthree-, amzn-s3-demo-) or suffix (-s3alias, --ol-s3, .mrap, --x-s3, --table-s3)
    fix: write bucket: example-tfstate-pre (the name of the bucket as S3 lists it)

test/fixtures/mistakes/bad-bucket-names.yaml:9:24 environments.prod.backend.bucket: bucket name "s3://example-tfstate-prod" is a URL, not a bucket name; S3 does not accept it
    allowed: 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit; no two adjacent dots, no IP address form, no reserved prefix (xn--, sthree-, amzn-s3-demo-) or suffix (-s3alias, --ol-s3, .mrap, --x-s3, --table-s3)
    fix: write bucket: example-tfstate-prod (the name of the bucket as S3 lists it)
`);
  });

  it("refuses two environments writing one state object", () => {
    expect(
      refusal("shared-state-object.yaml"),
    ).toBe(`test/fixtures/mistakes/shared-state-object.yaml: 2 errors; nothing was synthesized.

test/fixtures/mistakes/shared-state-object.yaml:5:5 environments.dev.backend: the state s3://example-tfstate/bedrock.tfstate is also the state of pre; two stacks writing one state object destroy each other's resources
    fix: remove key: so that each environment gets its own bedrock/<env>.tfstate, or give each a different key:

test/fixtures/mistakes/shared-state-object.yaml:7:5 environments.pre.backend: the state s3://example-tfstate/bedrock.tfstate is also the state of dev; two stacks writing one state object destroy each other's resources
    fix: remove key: so that each environment gets its own bedrock/<env>.tfstate, or give each a different key:
`);
  });

  it("checks the billing stack's backend, role and key like an environment's, and its state against theirs", () => {
    expect(
      refusal("billing-stack-settings.yaml"),
    ).toBe(`test/fixtures/mistakes/billing-stack-settings.yaml: 4 errors; nothing was synthesized.

test/fixtures/mistakes/billing-stack-settings.yaml:6:5 environments.prod.backend: the state s3://example-tfstate/bedrock/shared.tfstate is also the state of billing; two stacks writing one state object destroy each other's resources
    fix: remove key: so that each environment gets its own bedrock/<env>.tfstate, or give each a different key:

test/fixtures/mistakes/billing-stack-settings.yaml:10:3 billing.backend: the state s3://example-tfstate/bedrock/shared.tfstate is also the state of prod; two stacks writing one state object destroy each other's resources
    fix: remove key: so that each environment gets its own bedrock/<env>.tfstate, or give each a different key:

test/fixtures/mistakes/billing-stack-settings.yaml:11:26 billing.assumeRole.roleArn: role "arn:aws:iam::444444444444:role/bedrock-deployer" is in the account 444444444444, but this environment's accountId is 999999999999 (billing.accountId); every plan would fail the provider's allowed_account_ids check
    fix: use the deploy role of account 999999999999, e.g. arn:aws:iam::999999999999:role/bedrock-deployer, or correct accountId

test/fixtures/mistakes/billing-stack-settings.yaml:12:27 billing.encryption.kmsKeyId: "not-a-key" is not a KMS key ID, alias or ARN
    allowed: a key ID, alias/<name>, arn:<partition>:kms:<region>:<account>:key/<key ID> or …:alias/<name>
    fix: copy the key ARN from the KMS console (Customer managed keys → the key → ARN)
`);
    const badBucket = refusalOf(`version: 1
defaults: { region: eu-central-1 }
environments:
  dev: {}
billing:
  accountId: "999999999999"
  backend: { bucket: Bad_Bucket, region: eu-central-1 }
`);
    expect(badBucket).toContain(
      'test.yaml:7:22 billing.backend.bucket: bucket name "Bad_Bucket" has uppercase letters; S3 does not accept it\n',
    );
    expect(badBucket).toContain("    fix: write bucket: bad-bucket (the name of the bucket as S3 lists it)\n");
  });

  it("refuses an import ID used twice, in two environments, or given as an ARN", () => {
    expect(
      refusal("import-ids-reused.yaml"),
    ).toBe(`test/fixtures/mistakes/import-ids-reused.yaml: 4 errors; nothing was synthesized.

test/fixtures/mistakes/import-ids-reused.yaml:12:17 products.rd.profiles.haiku.import: import "acwt9yee9wzo" is also adopted by products.rd.profiles.sonnet; one existing profile can be adopted once
    fix: check the ID with \`aws bedrock list-inference-profiles --type-equals APPLICATION\`; remove import: from the profile that should be created new

test/fixtures/mistakes/import-ids-reused.yaml:16:17 products.rd.profiles.sonnet.import: import "acwt9yee9wzo" is also adopted by products.rd.profiles.haiku; one existing profile can be adopted once
    fix: check the ID with \`aws bedrock list-inference-profiles --type-equals APPLICATION\`; remove import: from the profile that should be created new

test/fixtures/mistakes/import-ids-reused.yaml:20:17 products.rd.profiles.opus.import: import "tkxdfdh17c6o" adopts one existing profile, but envs lists 2 environments (dev, prod); each would try to adopt the same profile
    fix: keep one environment in envs:, and write a separate profile (another purpose) for the others

test/fixtures/mistakes/import-ids-reused.yaml:24:17 products.rd.profiles.arn.import: "arn:aws:bedrock:eu-central-1:444444444444:application-inference-profile/s529qz7ddy06" must be an application inference profile ID: 12 lowercase letters or digits
    fix: write the ID alone, without the ARN: import: s529qz7ddy06
`);
  });

  it("refuses two profiles whose Terraform addresses coincide, before any output is written", () => {
    expect(
      refusal("address-collision.yaml"),
    ).toBe(`test/fixtures/mistakes/address-collision.yaml: 2 errors; nothing was synthesized.

test/fixtures/mistakes/address-collision.yaml:8:7 products.agents.profiles.fast-main: agents/fast-main and agents-fast/main both become the Terraform address "agents-fast-main" in the stack prod-bedrock (product and purpose joined by "-")
    fix: rename the purpose or the product of one of them

test/fixtures/mistakes/address-collision.yaml:14:7 products.agents-fast.profiles.main: agents-fast/main and agents/fast-main both become the Terraform address "agents-fast-main" in the stack prod-bedrock (product and purpose joined by "-")
    fix: rename the purpose or the product of one of them
`);
  });

  it("explains an alias used before its anchor, and quotes the value as the fix", () => {
    expect(
      refusal("alias-before-anchor.yaml"),
    ).toBe(`test/fixtures/mistakes/alias-before-anchor.yaml: 1 error; nothing was synthesized.

test/fixtures/mistakes/alias-before-anchor.yaml:4:9 tags.team: the value "*platform" starts with "*", which YAML reads as an alias (a reference to an anchor &name), and no anchor &platform is set before it
    fix: quote the value: team: "*platform"; or, to reuse a value, set &platform on it above this line
`);
  });

  it("names the key and the character for values starting with &, ! or @", () => {
    expect(
      refusal("value-starts-with-yaml-syntax.yaml"),
    ).toBe(`test/fixtures/mistakes/value-starts-with-yaml-syntax.yaml: 3 errors; nothing was synthesized.

test/fixtures/mistakes/value-starts-with-yaml-syntax.yaml:6:9 tags.team: the value "&platform" starts with "&", which YAML reads as an anchor (a name for the value after it), leaving the value empty
    fix: quote the value: team: "&platform"

test/fixtures/mistakes/value-starts-with-yaml-syntax.yaml:7:10 tags.owner: the value "!ops" starts with "!", which YAML reads as a tag (a type for the value after it); "!ops" is not a type YAML knows
    fix: quote the value: owner: "!ops"

test/fixtures/mistakes/value-starts-with-yaml-syntax.yaml:8:16 tags.cost-center: YAML syntax: the value "@4711" starts with "@", which YAML reserves and does not allow at the start of an unquoted value
    fix: quote the value: cost-center: "@4711"
`);
  });

  it("names the key and the character for a value starting with %", () => {
    expect(
      refusal("value-starts-with-percent.yaml"),
    ).toBe(`test/fixtures/mistakes/value-starts-with-percent.yaml: 1 error; nothing was synthesized.

test/fixtures/mistakes/value-starts-with-percent.yaml:6:13 tags.discount: YAML syntax: the value "%10" starts with "%", which YAML reserves for directives and does not allow at the start of an unquoted value
    fix: quote the value: discount: "%10"
`);
  });

  it("names the key and the character for a value starting with a backtick", () => {
    expect(
      refusal("value-starts-with-backtick.yaml"),
    ).toBe(`test/fixtures/mistakes/value-starts-with-backtick.yaml: 1 error; nothing was synthesized.

test/fixtures/mistakes/value-starts-with-backtick.yaml:6:10 tags.build: YAML syntax: the value "\`make\`" starts with "\`", which YAML reserves and does not allow at the start of an unquoted value
    fix: quote the value: build: "\`make\`"
`);
  });

  it("refuses a second YAML document in the user's terms", () => {
    expect(
      refusal("second-document.yaml"),
    ).toBe(`test/fixtures/mistakes/second-document.yaml: 1 error; nothing was synthesized.

test/fixtures/mistakes/second-document.yaml:5:1: YAML syntax: a second document starts here (a line ---); the profiles file is one document
    fix: remove this --- line and merge what follows into the document above, or move it to a file of its own
`);
  });

  it('says version takes a number when given the string "1"', () => {
    expect(
      refusal("version-quoted.yaml"),
    ).toBe(`test/fixtures/mistakes/version-quoted.yaml: 1 error; nothing was synthesized.

test/fixtures/mistakes/version-quoted.yaml:1:10 version: "1" is a string; version takes a number
    allowed: 1
    fix: write version: 1 without quotes
`);
  });

  it("names roleArn when assumeRole is given an ARN string", () => {
    expect(
      refusal("assume-role-as-string.yaml"),
    ).toBe(`test/fixtures/mistakes/assume-role-as-string.yaml: 1 error; nothing was synthesized.

test/fixtures/mistakes/assume-role-as-string.yaml:6:17 environments.prod.assumeRole: expected a mapping, got a string "arn:aws:iam::444444444444:role/bedrock-deployer"
    fix: the ARN goes under a key of its own: assumeRole: { roleArn: arn:aws:iam::444444444444:role/bedrock-deployer }
`);
  });

  it("names look-alike and invisible characters with code point, name and column", () => {
    expect(
      refusal("cyrillic-and-invisible-characters.yaml"),
    ).toBe(`test/fixtures/mistakes/cyrillic-and-invisible-characters.yaml: 4 errors; nothing was synthesized.

test/fixtures/mistakes/cyrillic-and-invisible-characters.yaml:5:5 environments.pr\u043ed: the key "pr\u043ed" holds U+043E CYRILLIC SMALL LETTER O at column 5, which looks like "o"
    allowed: printable ASCII characters only: AWS accepts nothing else in the names, tags and ARNs made of this file
    fix: retype it as "prod"

test/fixtures/mistakes/cyrillic-and-invisible-characters.yaml:10:29 products.agents.profiles.main.model: the value "claude-sonnet\u200b-45" holds U+200B ZERO WIDTH SPACE at column 29, which is invisible
    allowed: printable ASCII characters only: AWS accepts nothing else in the names, tags and ARNs made of this file
    fix: retype it as "claude-sonnet-45"

test/fixtures/mistakes/cyrillic-and-invisible-characters.yaml:12:16 products.agents.profiles.main.region:\u00a0eu-central-1: the key "region:\u00a0eu-central-1" holds U+00A0 NO-BREAK SPACE at column 16, which looks like " "
    allowed: printable ASCII characters only: AWS accepts nothing else in the names, tags and ARNs made of this file
    fix: retype it as "region: eu-central-1"

test/fixtures/mistakes/cyrillic-and-invisible-characters.yaml:13:13 products.agents.profiles.review\u00a0: the key "review\u00a0" holds U+00A0 NO-BREAK SPACE at column 13, which looks like " "
    allowed: printable ASCII characters only: AWS accepts nothing else in the names, tags and ARNs made of this file
    fix: retype it as "review"
`);
  });

  it("reports a file that is not UTF-8 with the byte offset and line", () => {
    expect(refusal("not-utf8.yaml")).toBe(`test/fixtures/mistakes/not-utf8.yaml: 1 error; nothing was synthesized.

test/fixtures/mistakes/not-utf8.yaml:4:12: the file is not UTF-8 text: byte 63 (0xeb, line 4, byte 12 of the line) is not valid UTF-8
    allowed: a YAML text file encoded as UTF-8
    fix: save the file as UTF-8 (e.g. \`iconv -f latin1 -t utf-8\`), or check that PROFILES_CONFIG names the profiles file
`);
  });

  it("stops a billion-laughs file at the alias limit", () => {
    expect(
      refusal("billion-laughs.yaml"),
    ).toBe(`test/fixtures/mistakes/billion-laughs.yaml: 1 error; nothing was synthesized.

test/fixtures/mistakes/billion-laughs.yaml:1:1: the aliases of this file expand to more than 1000 copies of anchored values (Excessive alias count indicates a resource exhaustion attack)
    fix: write the values out, or use fewer aliases of aliases
`);
  });

  it("stops a deeply nested file at the depth limit instead of overflowing the stack", () => {
    expect(
      refusal("deeply-nested-brackets.yaml"),
    ).toBe(`test/fixtures/mistakes/deeply-nested-brackets.yaml: 1 error; nothing was synthesized.

test/fixtures/mistakes/deeply-nested-brackets.yaml:4:39: the document is nested more than 32 levels deep here (environments.dev[0][0]\u2026); a profiles file needs at most 6
    fix: remove the extra brackets or indentation; docs/configuration.md shows the layout
`);
  });
  it("refuses one name on two profiles of a stack in different regions, and a region of another partition", () => {
    expect(
      refusal("names-and-partitions-in-one-stack.yaml"),
    ).toBe(`test/fixtures/mistakes/names-and-partitions-in-one-stack.yaml: 3 errors; nothing was synthesized.

test/fixtures/mistakes/names-and-partitions-in-one-stack.yaml:8:7 products.agents.profiles.main: profile name "agents-main" in prod (eu-central-1) is also used by agents/west (eu-west-1) in the same stack; its output inference_profile_arns is keyed by name and would keep only one
    fix: give one of them another name:

test/fixtures/mistakes/names-and-partitions-in-one-stack.yaml:12:7 products.agents.profiles.west: profile name "agents-main" in prod (eu-west-1) is also used by agents/main (eu-central-1) in the same stack; its output inference_profile_arns is keyed by name and would keep only one
    fix: give one of them another name:

test/fixtures/mistakes/names-and-partitions-in-one-stack.yaml:21:17 products.agents.profiles.gov.region: region us-gov-west-1 is in the partition aws-us-gov, but environment prod deploys to eu-central-1 in aws; one stack cannot reach both
    fix: choose a region of aws, or list this profile in an environment of that partition
`);
  });
  it("refuses a misspelt region outside profiles (a new region number passes), located in a CRLF file with a BOM", () => {
    expect(
      refusal("region-misspelt-crlf-bom.yaml"),
    ).toBe(`test/fixtures/mistakes/region-misspelt-crlf-bom.yaml: 2 errors; nothing was synthesized.

test/fixtures/mistakes/region-misspelt-crlf-bom.yaml:2:21 defaults.region: "eu-centrl-1" is not an AWS region
    allowed: an AWS region name such as eu-central-1
    fix: did you mean "eu-central-1"?

test/fixtures/mistakes/region-misspelt-crlf-bom.yaml:6:49 environments.dev.backend.region: "eu-wset-1" is not an AWS region
    allowed: an AWS region name such as eu-central-1
    fix: did you mean "eu-west-1"?
`);
  });
  it("refuses an environment listed twice in envs, instead of calling it a name clash with itself", () => {
    expect(
      refusal("environment-listed-twice.yaml"),
    ).toBe(`test/fixtures/mistakes/environment-listed-twice.yaml: 1 error; nothing was synthesized.

test/fixtures/mistakes/environment-listed-twice.yaml:8:53 products.a.profiles.main.envs[1]: environment "prod" is listed twice in envs (first as envs[0])
    fix: remove this prod
`);
  });
});

describe("valid but unusual files", () => {
  it("reads CRLF, a BOM, a %YAML directive, ---/... markers, comments, flow style, quoted keys, anchors, merge keys and YAML 1.1 words", () => {
    const config = fixtureConfig("valid-but-unusual.yaml");
    expect(config.tags).toEqual({ team: "platform", "on-call": "yes", enabled: "yes", legacy: "off", billing: "no" });
    expect(config.products.agents.tags).toEqual({ owner: "on" });
    expect(config.products.agents.profiles.classify).toEqual({ model: "claude-haiku-45", envs: ["dev", "prod"] });
    expect(Object.keys(synth(config))).toEqual(["dev-bedrock", "prod-bedrock"]);
    expect(resolve(config)[1].backend?.bucket).toBe("example.tfstate-444444444444");
  });

  it("does not count a BOM as a column", () => {
    const report = () =>
      parseConfig('\uFEFFversion: "1"\ndefaults: { region: eu-central-1 }\nenvironments: {}\n', "bom.yaml");
    expect(report).toThrow('bom.yaml:1:10 version: "1" is a string; version takes a number');
  });
});

describe("a number or a switch written as a string", () => {
  const report = (value: string) => {
    const yaml = `version: 1
defaults: { region: eu-central-1 }
environments: { prod: {} }
products:
  agents:
    alarms: ${value}
    profiles:
      main: { model: claude-sonnet-45, envs: [prod] }
`;
    return refusalOf(yaml).split("\n").slice(2).join("\n");
  };

  it.each([
    ['{ tokensPerHour: "2000000" }', "fix: write it without quotes: tokensPerHour: 2000000"],
    ['{ tokensPerHour: "1,500" }', "fix: write it without quotes: tokensPerHour: 1500"],
    ['{ tokensPerHour: "2M" }', "fix: write it in digits, without quotes or a unit: tokensPerHour: 2000000"],
    ['{ tokensPerHour: "1.5k" }', "fix: write it in digits, without quotes or a unit: tokensPerHour: 1500"],
    ["{ tokensPerHour: 2000000 tokens }", "fix: write it without quotes or a unit: tokensPerHour: 2000000"],
    ["{ tokensPerHour: lots }", "fix: write a number, without quotes or a unit, e.g. tokensPerHour: 100"],
    ['{ throttles: "yes" }', "fix: write true or false, without quotes: throttles: true"],
  ])("alarms: %s says how to write it", (value, fix) => {
    expect(report(value)).toContain(`    ${fix}\n`);
  });
});
