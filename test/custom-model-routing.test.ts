/**
 * `models:` entries get routing, so their consumer policies name real regions: from their own
 * `routing:`, or from the built-in data when AWS already lists their ID.
 */
import { describe, expect, it } from "vitest";
import { consumerPolicyStatements } from "../config/consumer-policy.ts";
import { configFrom, fixtureConfig, resolve, shopConfigYaml } from "./helpers.ts";

const [prod] = resolve(fixtureConfig("custom-model-routing.yaml"));
const profile = (key: string) => {
  const found = prod.profiles.find((candidate) => candidate.key === key);
  if (found === undefined) throw new Error(`no ${key}`);
  return found;
};

describe("a custom model's routing", () => {
  it("comes from the built-in data when AWS lists its ID", () => {
    expect(profile("shop/opus").destinationRegions).toEqual([
      "eu-central-1",
      "eu-north-1",
      "eu-south-1",
      "eu-south-2",
      "eu-west-1",
      "eu-west-3",
    ]);
  });

  it("comes from its routing: where it names one", () => {
    expect(profile("shop/mistral").destinationRegions).toEqual(["eu-central-1", "eu-west-3"]);
  });

  it("is unknown (*) with neither, as before", () => {
    expect(profile("shop/unknown").destinationRegions).toBe("*");
  });

  it("gives the consumer policy the model in those regions only", () => {
    const [, through] = consumerPolicyStatements(profile("shop/mistral"), {
      profileArn: "P",
      accountId: "444444444444",
    });
    expect(through.resources).toEqual([
      "arn:aws:bedrock:eu-central-1::foundation-model/mistral.mistral-large-3-v1:0",
      "arn:aws:bedrock:eu-west-3::foundation-model/mistral.mistral-large-3-v1:0",
    ]);
  });

  it("grants the model in the source region too when the routing leaves it out, as AWS requires", () => {
    const [config] = resolve(
      configFrom(
        shopConfigYaml({
          region: "eu-west-2",
          models: [
            "mistral-large: { id: mistral.mistral-large-3-v1:0, routing: { eu: { eu-west-2: [eu-west-3, eu-west-1] } } }",
          ],
          profile: "model: mistral-large, envs: [prod]",
        }),
      ),
    );
    const [, through] = consumerPolicyStatements(config.profiles[0], { profileArn: "P", accountId: "444444444444" });
    expect(through.resources.map((arn) => arn.split(":")[3])).toEqual(["eu-west-1", "eu-west-2", "eu-west-3"]);
  });

  it("makes the rules check the source region against it", () => {
    const yaml = shopConfigYaml({
      region: "eu-north-1",
      models: [
        "mistral-large: { id: mistral.mistral-large-3-v1:0, routing: { eu: { eu-west-3: [eu-west-1, eu-west-3] } } }",
      ],
      profile: "model: mistral-large, envs: [prod]",
    });
    expect(() => configFrom(yaml)).toThrow(
      "eu-north-1 (region of environment prod) is not a source region of the eu profile for mistral-large",
    );
  });
});
