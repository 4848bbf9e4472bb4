/** The alarms and the dashboard of one environment stack, wired to its profiles. */
import type { Construct } from "constructs";
import type { ResolvedEnvironment } from "../config/resolve.ts";
import type { InferenceProfile } from "./inference-profile.ts";
import { ProfileAlarms } from "./profile-alarms.ts";
import { ProfileDashboard } from "./profile-dashboard.ts";

/** Add `environment.monitoring` to `stack`: alarms when any, the dashboard when it has profiles. */
export function addMonitoring(
  stack: Construct,
  environment: ResolvedEnvironment,
  profiles: readonly InferenceProfile[],
): void {
  const { monitoring } = environment;
  if (monitoring.alarms.length > 0) {
    new ProfileAlarms(stack, "alarms", {
      monitoring,
      profileArns: new Map(profiles.map((p) => [p.profile.address, p.arn])),
      stackRegion: environment.region,
    });
  }
  if (monitoring.dashboardName !== undefined) {
    new ProfileDashboard(stack, "dashboard", {
      monitoring,
      profiles: new Map(
        profiles.map((p) => [p.profile.address, { key: p.profile.key, region: p.profile.region, arn: p.arn }]),
      ),
      stackRegion: environment.region,
    });
  }
}
