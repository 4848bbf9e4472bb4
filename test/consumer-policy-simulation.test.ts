/**
 * The synthesized consumer policies, evaluated by an IAM policy engine with the request context
 * AWS documents for each call: through the application profile it is allowed (every destination
 * region, streaming and not); a direct call to the system-defined profile or to the model, or a
 * call through another profile, is not. Also the organisation guardrail
 * (`npm run profiles -- guardrail`) against the same calls.
 */
import { describe, expect, it } from "vitest";
import { guardrailPermissionsBoundary, guardrailServiceControlPolicy } from "../config/guardrail.ts";
import { formatArn, type ResolvedProfile } from "../config/resolve.ts";
import { fixtureConfig, resolve, synth } from "./helpers.ts";
import { type BedrockAuthorization, decide, type PolicyJson } from "./iam-simulation.ts";

const config = fixtureConfig("consumer-policy-shapes.yaml");
const prod = resolve(config).find((environment) => environment.env === "prod");
const stack = synth(config)["prod-bedrock"].json;
const ACCOUNT = "444444444444";
const ACTIONS = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"] as const;

/** The resolved profile `key` of prod in the fixture. */
function profileOf(key: string): ResolvedProfile {
  const found = prod?.profiles.find((profile) => profile.key === key);
  if (found === undefined) throw new Error(`no ${key} in prod`);
  return found;
}

/** The application profile's ARN once applied (an ID AWS would generate). */
function applicationProfileArn(profile: ResolvedProfile): string {
  return `arn:aws:bedrock:${profile.region}:${ACCOUNT}:application-inference-profile/${profile.address}0id`;
}

/**
 * The synthesized consumer policy of a profile (its `consumer_iam_policies` output), as OpenTofu
 * renders it once applied: the application profile's ARN in place of each reference to it.
 */
function synthesizedPolicy(profile: ResolvedProfile): PolicyJson {
  const text: string = stack.output.consumer_iam_policies.value[profile.key];
  return JSON.parse(
    text.replaceAll(`\${aws_bedrock_inference_profile.${profile.address}.arn}`, applicationProfileArn(profile)),
  );
}

const modelArn = (profile: ResolvedProfile, region: string) =>
  `arn:aws:bedrock:${region}::foundation-model/${profile.modelId}`;

/** The regions whose model a call through the profile may reach, as AWS authorizes them. */
function servingRegions(profile: ResolvedProfile): string[] {
  if (profile.geography === "none") return [profile.region];
  // A global route: the source region's model, or the region-less ARN with RequestedRegion
  // "unspecified" (https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html).
  if (profile.geography === "global") return [profile.region, ""];
  if (profile.destinationRegions === "*") throw new Error(`${profile.key}: the fixture routes every profile`);
  return [...new Set([profile.region, ...profile.destinationRegions])];
}

/**
 * The authorizations Bedrock makes for one call through the application profile that is served
 * in `region`: the application profile and the system-defined profile it copies from (without
 * `bedrock:InferenceProfileArn`, which AWS sets on model evaluations only), the model in the
 * source region and the model where the call is served (with the application profile as
 * `bedrock:InferenceProfileArn`). AWS: "evaluates authorization for the inference profile
 * resource, the foundation model in the source Region, and the foundation model in each candidate
 * destination Region" (https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html).
 */
function callThroughApplicationProfile(
  profile: ResolvedProfile,
  action: BedrockAuthorization["action"],
  region: string,
): BedrockAuthorization[] {
  return callThrough(profile, action, region, applicationProfileArn(profile));
}

/** The authorizations of a call made through `through` (an inference profile ARN). */
function callThrough(
  profile: ResolvedProfile,
  action: BedrockAuthorization["action"],
  region: string,
  through: string,
): BedrockAuthorization[] {
  const systemProfile = formatArn(profile.copyFrom, ACCOUNT);
  const profiles = [through, ...(profile.geography === "none" || through === systemProfile ? [] : [systemProfile])];
  const modelRegions = [...new Set([profile.region, region])];
  return [
    ...profiles.map((resource) => ({ action, resource, requestedRegion: profile.region })),
    ...modelRegions.map((served) => ({
      action,
      resource: modelArn(profile, served),
      inferenceProfileArn: through,
      requestedRegion: served === "" ? "unspecified" : served,
    })),
  ];
}

/** Allowed only when every authorization of the call is. */
async function decideCall(policies: Parameters<typeof decide>[0], call: BedrockAuthorization[]): Promise<string[]> {
  return Promise.all(call.map((authorization) => decide(policies, authorization)));
}

/**
 * Calls that bypass the application profile: each must be refused in at least one of its
 * authorizations. With `otherProfiles`, also a call through another application profile, which a
 * consumer policy refuses but the guardrail does not (that call's cost is attributed too, to the
 * other profile's tags).
 */
function bypasses(profile: ResolvedProfile, otherProfiles = true): [string, BedrockAuthorization[]][] {
  const systemProfile = formatArn(profile.copyFrom, ACCOUNT);
  const otherProfile = `arn:aws:bedrock:${profile.region}:${ACCOUNT}:application-inference-profile/someoneelse`;
  return ACTIONS.flatMap((action): [string, BedrockAuthorization[]][] => [
    [
      `${action} on the model in ${profile.region}, directly`,
      [{ action, resource: modelArn(profile, profile.region), requestedRegion: profile.region }],
    ],
    ...(otherProfiles
      ? ([
          [`${action} through another application profile`, callThrough(profile, action, profile.region, otherProfile)],
        ] as [string, BedrockAuthorization[]][])
      : []),
    ...(profile.geography === "none"
      ? []
      : servingRegions(profile).map((region): [string, BedrockAuthorization[]] => [
          `${action} on the system-defined profile, served in ${region || "any region (global)"}`,
          callThrough(profile, action, region, systemProfile),
        ])),
  ]);
}

const SHAPES: [string, string][] = [
  ["eu (geographic)", "shop/main"],
  ["us (geographic, another region than the stack's)", "shop/us"],
  ["global", "shop/worldwide"],
  ["single-region (geography none)", "shop/single"],
];

describe.each(SHAPES)("the synthesized consumer policy of a %s profile", (_, key) => {
  const profile = profileOf(key);
  const policy = synthesizedPolicy(profile);

  it.each(
    servingRegions(profile).flatMap((region) => ACTIONS.map((action) => [action, region || "any region"] as const)),
  )("allows %s through the application profile, served in %s", async (action, region) => {
    const call = callThroughApplicationProfile(profile, action, region === "any region" ? "" : region);
    expect(await decideCall({ identity: [policy] }, call)).toEqual(call.map(() => "Allowed"));
  });

  it.each(bypasses(profile))("refuses %s", async (_, call) => {
    expect(await decideCall({ identity: [policy] }, call)).toContain("ImplicitlyDenied");
  });
});

describe("the organisation guardrail, over a role allowed every Bedrock call", () => {
  const adminPolicy = {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "bedrock:*", Resource: "*" }],
  };
  const guardrails: [string, { serviceControlPolicies?: PolicyJson[]; permissionsBoundary?: PolicyJson }][] = [
    ["as a service control policy", { serviceControlPolicies: [guardrailServiceControlPolicy()] }],
    ["as a permissions boundary", { permissionsBoundary: guardrailPermissionsBoundary() }],
  ];

  describe.each(guardrails)("%s", (_, guardrail) => {
    describe.each(SHAPES)("for a %s profile", (_, key) => {
      const profile = profileOf(key);

      it("allows every call through the application profile", async () => {
        for (const region of servingRegions(profile)) {
          for (const action of ACTIONS) {
            const call = callThroughApplicationProfile(profile, action, region);
            expect(await decideCall({ identity: [adminPolicy], ...guardrail }, call)).toEqual(
              call.map(() => "Allowed"),
            );
          }
        }
      });

      it.each(bypasses(profile, false))("denies %s", async (_, call) => {
        expect(await decideCall({ identity: [adminPolicy], ...guardrail }, call)).toContain("ExplicitlyDenied");
      });
    });
  });
});
