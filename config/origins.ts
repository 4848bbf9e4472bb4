/**
 * Where each value of a profile comes from in the YAML. A resolved profile carries its origins,
 * so a rule that finds a resolved value wrong points at the line to edit (the value's own key
 * when written, else the profile that inherits the default) without reading the raw config again.
 */
import type { ConfigPath } from "./errors.ts";
import type { ProfilesConfig } from "./schema.ts";

/** Where one value of a profile was written, as a rule reports it. */
export interface Origin {
  /** The value's YAML path; for a default, the place that stands for it (see {@link ProfileOrigins}). */
  readonly path: ConfigPath;
  /** Point at the key at `path` rather than at its value: the value is not written there. */
  readonly atKey: boolean;
  /** The value is a default, not written on the profile. */
  readonly inherited: boolean;
}

/** The origins of every value of one profile. */
export interface ProfileOrigins {
  /** `products.<product>.profiles.<purpose>`. */
  readonly profile: ConfigPath;
  readonly model: ConfigPath;
  /** `name:`, else the profile's key (the default template). */
  readonly name: Origin;
  /** `description:`, else the profile's key (the default description). */
  readonly description: Origin;
  /**
   * `geography:`, else the profile's `model:`: the geography then comes with the model chosen,
   * and a model without a profile in the default geography is the line to change.
   */
  readonly geography: Origin;
  /** `region:`, else the profile's key (the region of each environment). */
  readonly region: Origin;
  /** Where each key of the merged tags was written: the profile's tags, the product's or the global ones. */
  readonly tags: Readonly<Record<string, ConfigPath>>;
}

/** The origin of a profile's own setting `key`: there when written, else the profile's key. */
function written(profilePath: ConfigPath, key: string, value: unknown): Origin {
  return value === undefined
    ? { path: profilePath, atKey: true, inherited: true }
    : { path: [...profilePath, key], atKey: false, inherited: false };
}

/** The origins of the values of profile `purpose` of `product`. */
export function profileOrigins(config: ProfilesConfig, product: string, purpose: string): ProfileOrigins {
  const productConfig = config.products[product];
  const profile = productConfig.profiles[purpose];
  const path: ConfigPath = ["products", product, "profiles", purpose];
  const model = [...path, "model"];
  const tagPaths = (tags: Readonly<Record<string, string>> | undefined, at: ConfigPath) =>
    Object.keys(tags ?? {}).map((key): [string, ConfigPath] => [key, [...at, key]]);
  return {
    profile: path,
    model,
    name: written(path, "name", profile.name),
    description: written(path, "description", profile.description),
    geography:
      profile.geography === undefined
        ? { path: model, atKey: false, inherited: true }
        : { path: [...path, "geography"], atKey: false, inherited: false },
    region: written(path, "region", profile.region),
    tags: Object.fromEntries([
      ...tagPaths(config.tags, ["tags"]),
      ...tagPaths(productConfig.tags, ["products", product, "tags"]),
      ...tagPaths(profile.tags, [...path, "tags"]),
    ]),
  };
}
