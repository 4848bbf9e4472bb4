/**
 * `npm run profiles`: listings, filters, the consumer policy and every usage error, exact text.
 * Most cases run the command in-process; the real entry point runs once as a subprocess.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runProfilesCommand, USAGE } from "../cli/profiles-command.ts";
import { formatMarkdownTable, formatTextTable } from "../cli/table.ts";
import { EXAMPLE_FIXTURE, ROOT, runScript } from "./helpers.ts";

const SHAPES = join(ROOT, "test/fixtures/consumer-policy-shapes.yaml");
const run = (...argv: string[]) => runProfilesCommand(argv, SHAPES);
const SONNET_45 = "anthropic.claude-sonnet-4-5-20250929-v1:0";
const ACTIONS = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];

describe("tables", () => {
  it("aligns columns to the widest cell, without trailing blanks", () => {
    expect(
      formatTextTable(
        ["A", "LONG HEADER"],
        [
          ["wide cell", "x"],
          ["y", ""],
        ],
      ),
    ).toBe("A          LONG HEADER\nwide cell  x\ny\n");
  });

  it("renders Markdown, escaping pipes", () => {
    expect(formatMarkdownTable(["a", "b"], [["x|y", "z"]])).toBe("| a | b |\n| --- | --- |\n| x\\|y | z |\n");
  });
});

describe("npm run profiles (listing)", () => {
  it("shows every profile of an environment as an aligned table, the caller's account as a placeholder", () => {
    expect(run("--env", "sandbox")).toEqual({
      exitCode: 0,
      stdout:
        "ENV      PROFILE    NAME                           MODEL             SOURCE (copy_from)                                                                                                SSM PARAMETER\n" +
        `sandbox  shop/main  shop-claude-sonnet-45-sandbox  claude-sonnet-45  arn:aws:bedrock:eu-central-1:<account of sandbox>:inference-profile/eu.${SONNET_45}  /sandbox/shop/bedrock/inference-profile-arn\n`,
      stderr: "",
    });
  });

  it("lists every environment in config order, profiles by address", () => {
    const lines = run().stdout.trimEnd().split("\n");
    expect(lines.map((line) => line.split(/\s+/).slice(0, 2).join(" "))).toEqual([
      "ENV PROFILE",
      "prod shop/main",
      "prod shop/single",
      "prod shop/us",
      "prod shop/worldwide",
      "sandbox shop/main",
    ]);
  });

  it("gives scripts JSON with the model, region and copy_from of each profile", () => {
    const result = run("--json");
    expect(result.exitCode).toBe(0);
    const entries = JSON.parse(result.stdout);
    expect(entries.map((entry: { env: string; profile: string }) => `${entry.env} ${entry.profile}`)).toEqual([
      "prod shop/main",
      "prod shop/single",
      "prod shop/us",
      "prod shop/worldwide",
      "sandbox shop/main",
    ]);
    expect(entries[2]).toEqual({
      env: "prod",
      profile: "shop/us",
      product: "shop",
      purpose: "us",
      name: "shop-us-claude-haiku-35-prod",
      model: "claude-haiku-35",
      model_id: "anthropic.claude-3-5-haiku-20241022-v1:0",
      geography: "us",
      region: "us-east-1",
      copy_from: "arn:aws:bedrock:us-east-1:444444444444:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0",
      ssm_parameter: "/prod/shop/bedrock/us/inference-profile-arn",
    });
  });

  it("writes Markdown for docs", () => {
    expect(run("--env", "sandbox", "--markdown").stdout).toBe(
      "### sandbox\n\n" +
        "| profile | name | model | source | SSM parameter |\n" +
        "| --- | --- | --- | --- | --- |\n" +
        `| \`shop/main\` | \`shop-claude-sonnet-45-sandbox\` | \`claude-sonnet-45\` | \`eu.${SONNET_45}\` | \`/sandbox/shop/bedrock/inference-profile-arn\` |\n`,
    );
    const grouped = run("--env", "prod,sandbox", "--product", "shop", "--markdown").stdout;
    expect(grouped.split("\n").filter((line) => line.startsWith("### "))).toEqual(["### prod", "### sandbox"]);
  });

  it("filters by environment and product, as comma lists or repeated flags", () => {
    const repeated = run("--env", "prod", "--env", "sandbox", "--product", "shop", "--json");
    expect(run("--env", "prod,sandbox", "--product", "shop", "--json")).toEqual(repeated);
    expect(
      JSON.parse(repeated.stdout).map((entry: { env: string; profile: string }) => [entry.env, entry.profile]),
    ).toEqual([
      ["prod", "shop/main"],
      ["prod", "shop/single"],
      ["prod", "shop/us"],
      ["prod", "shop/worldwide"],
      ["sandbox", "shop/main"],
    ]);
    const example = runProfilesCommand(["--env", "prod", "--product", "platform", "--json"], EXAMPLE_FIXTURE);
    expect(JSON.parse(example.stdout).map((entry: { profile: string }) => entry.profile)).toEqual([
      "platform/main",
      "platform/summarize",
    ]);
  });
});

describe("npm run profiles -- policy", () => {
  it("prints the consumer policy, the profile ARN as the SSM parameter to read, and how to read it", () => {
    const result = run("policy", "prod", "shop/us");
    const profileArn = "<value of SSM parameter /prod/shop/bedrock/us/inference-profile-arn>";
    const systemProfile =
      "arn:aws:bedrock:us-east-1:444444444444:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0";
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      Version: "2012-10-17",
      Statement: [
        { Sid: "InvokeProfile", Effect: "Allow", Action: ACTIONS, Resource: [profileArn, systemProfile] },
        {
          Sid: "InvokeModelThroughProfile",
          Effect: "Allow",
          Action: ACTIONS,
          Resource: ["us-east-1", "us-east-2", "us-west-2"].map(
            (region) => `arn:aws:bedrock:${region}::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0`,
          ),
          Condition: { StringEquals: { "bedrock:InferenceProfileArn": [profileArn] } },
        },
      ],
    });
    expect(result.stderr).toBe(
      `${profileArn} is the profile's ARN; it exists only after apply. Read it with:\n` +
        "  aws ssm get-parameter --name /prod/shop/bedrock/us/inference-profile-arn --region us-east-1 --query Parameter.Value --output text\n",
    );
  });

  it("says what the account placeholder stands for where the environment names no account", () => {
    const result = run("policy", "sandbox", "shop/main");
    expect(result.stdout).toContain(
      `arn:aws:bedrock:eu-central-1:<account of sandbox>:inference-profile/eu.${SONNET_45}`,
    );
    expect(result.stderr.split("\n")[2]).toBe(
      "<account of sandbox> is the account the sandbox-bedrock stack is deployed to.",
    );
  });
});

describe("npm run profiles -- guardrail", () => {
  const deny = {
    Sid: "DenyBedrockInvokeExceptThroughApplicationInferenceProfile",
    Effect: "Deny",
    Action: ACTIONS,
    Resource: "arn:*:bedrock:*::foundation-model/*",
    Condition: {
      ArnNotLike: { "bedrock:InferenceProfileArn": "arn:*:bedrock:*:*:application-inference-profile/*" },
    },
  };

  it("prints the service control policy, and where to attach it on stderr; no profiles file needed", () => {
    const result = runProfilesCommand(["guardrail"], join(ROOT, "no-such-profiles.yaml"));
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ Version: "2012-10-17", Statement: [deny] });
    expect(result.stderr).toBe(
      'Attach it as a service control policy to the OUs or accounts that use Bedrock (docs/consumers.md, "Organisation guardrail").\n',
    );
  });

  it("prints the same deny as a permissions boundary that allows everything else", () => {
    expect(JSON.parse(run("guardrail", "boundary").stdout)).toEqual({
      Version: "2012-10-17",
      Statement: [{ Sid: "AllowWhatIdentityPoliciesGrant", Effect: "Allow", Action: "*", Resource: "*" }, deny],
    });
  });

  it("refuses another kind", () => {
    expect(run("guardrail", "rcp")).toEqual({
      exitCode: 2,
      stdout: "",
      stderr:
        'profiles: guardrail takes scp or boundary, got "rcp"\n    allowed: scp, boundary\n    fix: npm run profiles -- guardrail scp\n',
    });
  });
});

describe("usage errors: what was given, what exists, a fix; exit 2", () => {
  const cases: [string[], string][] = [
    [
      ["--jsn"],
      'profiles: unknown flag "--jsn"\n    allowed: --env, --product, --json, --markdown, --arn, --help\n    fix: did you mean "--json"?\n',
    ],
    [["--env"], "profiles: --env needs a value\n    fix: --env <env>\n"],
    [["--json=yes"], 'profiles: --json takes no value, got "yes"\n    fix: --json\n'],
    [
      ["--json", "--markdown"],
      "profiles: --json and --markdown exclude each other\n    fix: see npm run profiles -- --help\n",
    ],
    [
      ["--env", "prod,prd"],
      'profiles: unknown environment "prd"\n    allowed: prod, sandbox\n    fix: did you mean "prod"?\n',
    ],
    [["--product", "shp"], 'profiles: unknown product "shp"\n    allowed: shop\n    fix: did you mean "shop"?\n'],
    [
      ["polcy"],
      'profiles: unknown command "polcy"\n    allowed: policy, guardrail, billing\n    fix: did you mean "policy"?\n',
    ],
    [
      ["policy", "prod"],
      'profiles: policy takes an environment and a profile, got "prod"\n    fix: npm run profiles -- policy <env> <product>/<purpose>\n',
    ],
    [
      ["policy", "prd", "shop/main"],
      'profiles: unknown environment "prd"\n    allowed: prod, sandbox\n    fix: did you mean "prod"?\n',
    ],
    [
      ["policy", "prod", "shop/mian"],
      'profiles: unknown profile "shop/mian"\n    allowed: shop/main, shop/single, shop/worldwide, shop/us\n    fix: did you mean "shop/main"?\n',
    ],
    [
      ["policy", "sandbox", "shop/us"],
      "profiles: shop/us is not deployed in sandbox\n    allowed: its environments: prod\n    fix: use one of its environments, or add sandbox to products.shop.profiles.us.envs\n",
    ],
    [
      ["policy", "prod", "shop"],
      'profiles: "shop" is a product; policy takes one of its profiles as <product>/<purpose>\n    allowed: shop/main, shop/single, shop/us, shop/worldwide\n    fix: did you mean "shop/main" or "shop/single" or "shop/us" or "shop/worldwide"?\n',
    ],
    [
      [
        "policy",
        "prod",
        "shop/us",
        "--arn",
        "arn:aws:bedrock:eu-central-1:444444444444:application-inference-profile/abc123",
      ],
      'profiles: --arn "arn:aws:bedrock:eu-central-1:444444444444:application-inference-profile/abc123" is in eu-central-1, shop/us in us-east-1\n    allowed: arn:aws:bedrock:us-east-1:<account>:application-inference-profile/<id>\n    fix: pass the value of aws ssm get-parameter --name /prod/shop/bedrock/us/inference-profile-arn --region us-east-1 --query Parameter.Value --output text\n',
    ],
    [
      ["--arn", "arn:aws:bedrock:us-east-1:444444444444:application-inference-profile/abc123"],
      "profiles: --arn is for policy\n    fix: npm run profiles -- policy <env> <product>/<purpose> --arn <arn>\n",
    ],
    [
      ["policy", "prod", "shop/main", "--json"],
      "profiles: policy takes no --env, --product, --json or --markdown\n    fix: npm run profiles -- policy <env> <product>/<purpose>\n",
    ],
  ];
  for (const [argv, stderr] of cases) {
    it(argv.join(" "), () => {
      expect(run(...argv)).toEqual({ exitCode: 2, stdout: "", stderr });
    });
  }
});

describe("npm run profiles -- policy --arn", () => {
  it("puts the deployed profile's ARN in the policy, ready to attach, with nothing to fill in", () => {
    const arn = "arn:aws:bedrock:us-east-1:444444444444:application-inference-profile/a1b2c3d4e5f6";
    const result = run("policy", "prod", "shop/us", "--arn", arn);
    expect([result.exitCode, result.stderr]).toEqual([0, ""]);
    const document = JSON.parse(result.stdout);
    expect(document.Statement[0].Resource[0]).toBe(arn);
    expect(document.Statement[1].Condition.StringEquals["bedrock:InferenceProfileArn"][0]).toBe(arn);
    expect(result.stdout).not.toContain("<");
  });
});

describe("help and config errors", () => {
  it("prints the usage with --help", () => {
    expect(run("--help")).toEqual({ exitCode: 0, stdout: USAGE, stderr: "" });
  });

  it("reports a config error as the loader does, exit 1", () => {
    expect(runProfilesCommand([], "missing.yaml")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr:
        "missing.yaml: 1 error; nothing was synthesized.\n\n" +
        `missing.yaml: cannot read the profiles file ${resolve("missing.yaml")}: there is no such file\n` +
        "    fix: set PROFILES_CONFIG to the profiles file, or unset it and run from the repository root to use config/profiles.yaml\n",
    });
  });
});

describe("the entry point, as npm run profiles runs it", () => {
  const cwd = mkdtempSync(join(tmpdir(), "bedrock-profiles-cli-"));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));
  const env = { PROFILES_CONFIG: EXAMPLE_FIXTURE };

  it("prints the policy of agents/main in prod", () => {
    const result = runScript("cli/profiles.ts", ["policy", "prod", "agents/main"], cwd, env);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).Statement[0].Resource).toEqual([
      "<value of SSM parameter /prod/agents/bedrock/inference-profile-arn>",
      `arn:aws:bedrock:eu-central-1:444444444444:inference-profile/eu.${SONNET_45}`,
    ]);
  });

  it("exits 2 on a usage error, without a stack trace", () => {
    const result = runScript("cli/profiles.ts", ["--env", "prood"], cwd, env);
    expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
      status: 2,
      stdout: "",
      stderr:
        'profiles: unknown environment "prood"\n    allowed: global, dev, pre, prod\n    fix: did you mean "prod"?\n',
    });
  });
});
