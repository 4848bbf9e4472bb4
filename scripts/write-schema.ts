/**
 * `npm run schema`: write `config/profiles.schema.json`, the JSON Schema of the profiles file,
 * from the zod schema, so editors complete and check keys (`profiles.yaml`'s first line points
 * at it). A test fails when the committed file differs from what this writes.
 */
import { writeFileSync } from "node:fs";
import { PROFILES_SCHEMA_PATH, profilesJsonSchema } from "../config/schema.ts";

writeFileSync(PROFILES_SCHEMA_PATH, profilesJsonSchema());
console.log(`wrote ${PROFILES_SCHEMA_PATH}`);
