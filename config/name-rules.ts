/**
 * Rules on `name:` templates and the templates every name fix proposes. A fix never proposes a
 * literal name: one literal is the same in every environment (so prod would get a `-dev` name)
 * and stays the same on a model upgrade (so create_before_destroy cannot create the replacement).
 */
import { type ConfigIssue, closestAll, show } from "./errors.ts";
import { expandName, NAME_PLACEHOLDERS, type NameValues, unknownPlaceholders } from "./resolve.ts";

/** Templates from the most to the least telling; each holds `{model}` and `{env}`. */
const TEMPLATES = [
  "{product}-{purpose}-{model}-{env}",
  "{product}-{model}-{env}",
  "{purpose}-{model}-{env}",
  "{model}-{env}",
] as const;

/**
 * A template whose names fit in `max` characters (aws-limits.ts PROFILE_NAME.max) in every environment
 * the profile lists, other than `avoid` (the one that failed), the most telling first; undefined
 * when even `{model}-{env}` is too long.
 */
export function templateFitting(
  values: Omit<NameValues, "env">,
  envs: readonly string[],
  max: number,
  avoid?: string,
): string | undefined {
  return TEMPLATES.find(
    (template) => template !== avoid && envs.every((env) => expandName(template, { ...values, env }).length <= max),
  );
}

/** `{modle}` and other placeholders a name template may not hold, each with a did-you-mean. */
export function checkNamePlaceholders(
  path: readonly (string | number)[],
  template: string,
  envs: readonly string[],
  values: Omit<NameValues, "env">,
  max: number,
): ConfigIssue[] {
  const unknown = unknownPlaceholders(template);
  if (unknown.length === 0) return [];
  let fixed = template;
  for (const [whole, key] of unknown) {
    const [suggestion] = closestAll(key, NAME_PLACEHOLDERS);
    fixed = fixed.replace(whole, suggestion === undefined ? "" : `{${suggestion}}`);
  }
  const fits = envs.every((env) => expandName(fixed, { ...values, env }).length <= max);
  const proposal =
    /\{env\}/.test(fixed) && /\{model\}/.test(fixed) && fits ? fixed : templateFitting(values, envs, max);
  return [
    {
      path,
      message: `name template ${show(template)} has the unknown placeholder${unknown.length > 1 ? "s" : ""} ${unknown.map(([whole]) => whole).join(", ")}`,
      allowed: NAME_PLACEHOLDERS.map((key) => `{${key}}`).join(", "),
      fix: `write name: ${show(proposal ?? fixed)}`,
    },
  ];
}
