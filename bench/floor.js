/**
 * The floor of `npm run bench`: the smallest cdktf app with one AWS resource, plain JavaScript so
 * Node runs it without any build or loader. Every bench size is reported as a ratio to this
 * app's time in the same run, because absolute times vary between machines and runs and the
 * ratio does not. It writes into `CDKTF_OUTDIR` like `main.ts`.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter/index.js";
import { App, TerraformStack } from "cdktf";

const app = new App({ outdir: process.env.CDKTF_OUTDIR || "cdktf.out" });
const stack = new TerraformStack(app, "floor");
new AwsProvider(stack, "aws", { region: "eu-central-1" });
new SsmParameter(stack, "parameter", { name: "/floor/parameter", type: "String", value: "floor" });
app.synth();
