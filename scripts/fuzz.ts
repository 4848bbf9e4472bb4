/**
 * `npm run fuzz [minutes]`: the fuzz of test/config-fuzz.test.ts for longer (default 5 minutes),
 * reporting how many inputs it tried, how they ended, and the slowest one. On a failure it
 * prints fast-check's seed and path and writes the input to
 * test/fixtures/fuzz/failure-<seed>.yaml, so that `npm test` tries it from then on.
 */
import { writeFileSync } from "node:fs";
import fc from "fast-check";
import { checkInput, mutatedProfiles } from "../test/fuzz-inputs.ts";

const minutes = Number(process.argv[2] ?? 5);
const counts: Record<string, number> = { synthesized: 0, refused: 0 };
let slowest = 0;
const started = Date.now();
const seed = Date.now() ^ (Math.random() * 0x100000000);
const details = fc.check(
  fc.property(mutatedProfiles, (text) => {
    const start = performance.now();
    counts[checkInput(text)]++;
    slowest = Math.max(slowest, performance.now() - start);
    // A few seconds per input is the bound of the issue; a slower one counts as a failure.
    if (performance.now() - start > 5000) throw new Error(`took ${Math.round(performance.now() - start)} ms`);
  }),
  { numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: minutes * 60_000, seed },
);
const tried = counts.synthesized + counts.refused;
process.stdout.write(
  `${tried} inputs in ${((Date.now() - started) / 1000).toFixed(0)} s (seed ${seed}): ${counts.synthesized} synthesized, ${counts.refused} refused; slowest ${slowest.toFixed(0)} ms\n`,
);
if (details.failed) {
  const file = `test/fixtures/fuzz/failure-${details.seed}.yaml`;
  writeFileSync(file, details.counterexample?.[0] ?? "", "latin1");
  process.stderr.write(`${fc.defaultReportMessage(details)}\nthe failing input is kept in ${file}\n`);
  process.exitCode = 1;
}
