/**
 * Which stacks the pull-request workflow plans (scripts/plan-matrix.ts): those whose state the
 * runner can read and whose account its role can reach, the billing stack included.
 */
import { describe, expect, it } from "vitest";
import { planFromText } from "../config/loader.ts";
import { planMatrix, planMatrixSummary } from "../scripts/plan-matrix.ts";

const NO_STATE = "no `backend:` (local state: the runner has none, every profile would plan as new)";
const NO_ROLE = "no `assumeRole:` (the CI role cannot reach its account)";

function matrixOf(yaml: string) {
  const { environments, billing } = planFromText(yaml, "test.yaml");
  return planMatrix([...environments, ...(billing === undefined ? [] : [billing])]);
}

const backend = (account: string) =>
  `backend: { bucket: tfstate-${account}, region: eu-central-1 }, assumeRole: { roleArn: "arn:aws:iam::${account}:role/deployer" }`;

describe("the plan matrix", () => {
  it("plans a stack with a backend and a role, and says why each other one is skipped", () => {
    expect(
      matrixOf(`version: 1
defaults: { region: eu-central-1 }
environments:
  prod: { accountId: "444444444444", ${backend("444444444444")} }
  dev: { accountId: "222222222222", assumeRole: { roleArn: "arn:aws:iam::222222222222:role/deployer" } }
products: {}
`),
    ).toEqual({ plannable: ["prod-bedrock"], skipped: [{ stack: "dev-bedrock", reason: NO_STATE }] });
  });

  it("sorts the billing stack like any other: planned with a backend and a role, else skipped with the reason", () => {
    const config = (billing: string) => `version: 1
defaults: { region: eu-central-1 }
environments: {}
products: {}
billing: ${billing}
`;
    expect(matrixOf(config(`{ accountId: "999999999999", ${backend("999999999999")} }`))).toEqual({
      plannable: ["billing-bedrock"],
      skipped: [],
    });
    expect(matrixOf(config('{ accountId: "999999999999" }'))).toEqual({
      plannable: [],
      skipped: [{ stack: "billing-bedrock", reason: `${NO_STATE}; ${NO_ROLE}` }],
    });
  });

  it("summarizes the matrix for the job summary: the planned stacks, then the others with the reason", () => {
    expect(
      planMatrixSummary({
        plannable: ["billing-bedrock", "prod-bedrock"],
        skipped: [{ stack: "dev-bedrock", reason: NO_STATE }],
      }),
    ).toBe(
      "### Plans\n\nPlanned: `billing-bedrock`, `prod-bedrock`.\n\n| not planned | why |\n| --- | --- |\n" +
        `| \`dev-bedrock\` | ${NO_STATE} |\n`,
    );
    expect(planMatrixSummary({ plannable: [], skipped: [] })).toBe("### Plans\n\nPlanned: none.\n");
  });
});
