/** The resolving rules, without cdktf: names, ARNs, SSM paths, tags, regions. */
import { describe, expect, it } from "vitest";
import { BUILT_IN_MODELS } from "../config/catalog.ts";
import { copyFromArn, formatArn, partitionOf, ssmParameterName } from "../config/resolve.ts";
import { configFrom, exampleConfig, resolve } from "./helpers.ts";

const BASE = `
version: 1
defaults: { region: eu-central-1, geography: eu }
tags: { team: engineering }
environments:
  dev: { accountId: "222222222222" }
  prod: { accountId: "444444444444", region: eu-west-1 }
  sandbox: {}
products:
  agents:
    tags: { billing-mode: client }
    profiles:
      main: { model: claude-sonnet-45, envs: [dev, prod, sandbox] }
      classify: { model: claude-haiku-45, envs: [prod], name: agents-classify-haiku-45-prod, tags: { tier: fast } }
      local: { model: claude-sonnet-45, envs: [dev], geography: none, name: agents-local-sonnet-45-dev }
      us: { model: claude-haiku-35, envs: [prod], geography: us, region: us-east-1 }
`;

function profile(env: string, key: string) {
  const found = resolve(configFrom(BASE))
    .find((e) => e.env === env)
    ?.profiles.find((p) => p.key === key);
  if (found === undefined) throw new Error(`no ${key} in ${env}`);
  return found;
}

describe("resolveEnvironments", () => {
  it("makes one stack per environment, named <env>-bedrock, in config order", () => {
    expect(resolve(configFrom(BASE)).map((e) => e.stackName)).toEqual([
      "dev-bedrock",
      "prod-bedrock",
      "sandbox-bedrock",
    ]);
  });

  it("derives the address from product and purpose only", () => {
    const main = profile("dev", "agents/main");
    expect(main.address).toBe("agents-main");
    expect(main.address).not.toContain("sonnet");
  });

  it("names a profile {product}-{model}-{env} unless name: is given", () => {
    expect(profile("dev", "agents/main").name).toBe("agents-claude-sonnet-45-dev");
    expect(profile("prod", "agents/classify").name).toBe("agents-classify-haiku-45-prod");
  });

  it("puts the environment's account in a cross-region copy_from", () => {
    expect(formatArn(profile("dev", "agents/main").copyFrom)).toBe(
      "arn:aws:bedrock:eu-central-1:222222222222:inference-profile/eu.anthropic.claude-sonnet-4-5-20250929-v1:0",
    );
  });

  it("leaves the account to the caller identity when the environment names none", () => {
    const { copyFrom } = profile("sandbox", "agents/main");
    expect(copyFrom.account).toBeNull();
    expect(formatArn(copyFrom, "${data.aws_caller_identity.current.account_id}")).toBe(
      "arn:aws:bedrock:eu-central-1:${data.aws_caller_identity.current.account_id}:inference-profile/eu.anthropic.claude-sonnet-4-5-20250929-v1:0",
    );
  });

  it("uses a foundation-model ARN without account for geography none, whoever deploys it", () => {
    const expected = "arn:aws:bedrock:eu-central-1::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0";
    expect(formatArn(profile("dev", "agents/local").copyFrom)).toBe(expected);
    expect(formatArn(profile("dev", "agents/local").copyFrom, "999999999999")).toBe(expected);
  });

  it("takes the region from the profile, else the environment, else defaults", () => {
    expect(profile("dev", "agents/main").region).toBe("eu-central-1");
    expect(profile("prod", "agents/main").region).toBe("eu-west-1");
    expect(profile("prod", "agents/us").region).toBe("us-east-1");
    expect(formatArn(profile("prod", "agents/us").copyFrom)).toBe(
      "arn:aws:bedrock:us-east-1:444444444444:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0",
    );
  });

  it("routes to the catalog's destination regions for the profile's source region", () => {
    expect(profile("prod", "agents/us").destinationRegions).toEqual(["us-east-1", "us-east-2", "us-west-2"]);
    expect(profile("dev", "agents/local").destinationRegions).toEqual(["eu-central-1"]);
  });

  it("puts the SSM parameter at /{env}/{product}/bedrock[/{purpose}]/inference-profile-arn", () => {
    expect(profile("dev", "agents/main").ssmParameterName).toBe("/dev/agents/bedrock/inference-profile-arn");
    expect(profile("prod", "agents/classify").ssmParameterName).toBe(
      "/prod/agents/bedrock/classify/inference-profile-arn",
    );
    expect(ssmParameterName("pre", "platform", "main")).toBe("/pre/platform/bedrock/inference-profile-arn");
  });

  it("tags resources with product, product tags, then profile tags; the provider with global tags and env", () => {
    expect(profile("prod", "agents/classify").tags).toEqual({
      product: "agents",
      "billing-mode": "client",
      tier: "fast",
    });
    expect(resolve(configFrom(BASE))[1].defaultTags).toEqual({ team: "engineering", env: "prod" });
  });

  it("writes a default description AWS accepts", () => {
    expect(profile("dev", "agents/main").description).toBe("Claude Sonnet 4.5 for agents main in dev");
  });

  it("sorts profiles by address so reordering the YAML changes nothing", () => {
    expect(resolve(configFrom(BASE))[0].profiles.map((p) => p.address)).toEqual(["agents-local", "agents-main"]);
  });
});

describe("the example config (as shipped)", () => {
  const environments = resolve(exampleConfig());
  const rd = environments.find((e) => e.env === "global")?.profiles ?? [];

  it("adopts the two R&D profiles with their names and IDs", () => {
    expect(rd.map((p) => [p.address, p.name, p.importId])).toEqual([
      ["rd-haiku-45", "rd-haiku-45", "acwt9yee9wzo"],
      ["rd-sonnet-4", "rd-sonnet-4", "tkxdfdh17c6o"],
    ]);
  });

  it("sets no description on adopted profiles, where a different one would force a replacement", () => {
    expect(rd.map((p) => p.description)).toEqual([undefined, undefined]);
  });

  it("has the four environments in eu-central-1 using EU cross-region profiles", () => {
    expect(environments.map((e) => [e.stackName, e.region])).toEqual([
      ["global-bedrock", "eu-central-1"],
      ["dev-bedrock", "eu-central-1"],
      ["pre-bedrock", "eu-central-1"],
      ["prod-bedrock", "eu-central-1"],
    ]);
    const geographies = new Set(environments.flatMap((e) => e.profiles.map((p) => p.geography)));
    expect([...geographies]).toEqual(["eu"]);
  });
});

describe("ARN helpers", () => {
  it("knows the partition of each region family", () => {
    expect(["eu-central-1", "us-gov-west-1", "cn-north-1"].map(partitionOf)).toEqual(["aws", "aws-us-gov", "aws-cn"]);
  });

  it("builds a GovCloud copy_from in the aws-us-gov partition", () => {
    const model = BUILT_IN_MODELS["claude-sonnet-45"];
    expect(formatArn(copyFromArn(model, "us-gov", "us-gov-west-1", "123456789012"))).toBe(
      "arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:inference-profile/us-gov.anthropic.claude-sonnet-4-5-20250929-v1:0",
    );
  });
});
