/**
 * A CloudWatch dashboard per environment: one row per product, with its profiles' invocations,
 * tokens and errors (AWS/Bedrock metrics by `ModelId` = the profile's ARN; see
 * profile-alarms.ts for why the ARN). Its name and address come from the environment only, and
 * the ARNs are references, so a model upgrade updates the dashboard in place.
 */
import { CloudwatchDashboard } from "@cdktf/provider-aws/lib/cloudwatch-dashboard/index.js";
import { Construct } from "constructs";
import { DASHBOARD_WIDGETS, type ResolvedDashboard } from "../config/resolve-billing.ts";
import { BEDROCK_METRICS_NAMESPACE } from "./profile-alarms.ts";
import { DASHBOARD_FACTS, lifecycleOf } from "./resource-facts.ts";
import { regionOverride } from "./stack-foundation.ts";

/** What the dashboard needs of one profile. */
export interface DashboardProfile {
  /** `<product>/<purpose>`, the line's label. */
  readonly key: string;
  readonly region: string;
  /** The profile's ARN (a reference until apply). */
  readonly arn: string;
}

/** Props of {@link ProfileDashboard}. */
export interface ProfileDashboardProps {
  readonly dashboard: ResolvedDashboard;
  /** Profile address → what the dashboard shows of it. */
  readonly profiles: ReadonlyMap<string, DashboardProfile>;
  /** The stack's region: the dashboard's default region. */
  readonly stackRegion: string;
}

const WIDTH = 24 / DASHBOARD_WIDGETS.length;
const HEIGHT = 6;

/** `aws_cloudwatch_dashboard.profiles` (`profiles-2`, … past 500 widgets), named `bedrock-<env>`. */
export class ProfileDashboard extends Construct {
  readonly dashboard: CloudwatchDashboard;

  constructor(scope: Construct, id: string, props: ProfileDashboardProps) {
    super(scope, id);
    const { dashboard, profiles, stackRegion } = props;
    const widgets = dashboard.rows.flatMap((row, rowIndex) =>
      DASHBOARD_WIDGETS.map((column, columnIndex) => ({
        type: "metric",
        x: columnIndex * WIDTH,
        y: rowIndex * HEIGHT,
        width: WIDTH,
        height: HEIGHT,
        properties: {
          title: `${row.product}: ${column.title}`,
          region: stackRegion,
          view: "timeSeries",
          stat: "Sum",
          period: 300,
          metrics: row.profileAddresses.flatMap((address) => {
            const profile = profiles.get(address);
            if (profile === undefined) return [];
            return column.metrics.map((metric) => [
              BEDROCK_METRICS_NAMESPACE,
              metric,
              "ModelId",
              profile.arn,
              {
                label: column.metrics.length === 1 ? profile.key : `${profile.key} ${metric}`,
                ...regionOverride(profile.region, stackRegion),
              },
            ]);
          }),
        },
      })),
    );
    this.dashboard = new CloudwatchDashboard(this, "dashboard", {
      dashboardName: dashboard.name,
      // Plain JSON with the ARNs as interpolations: stable text, so only a real change diffs.
      dashboardBody: JSON.stringify({ widgets }),
      ...lifecycleOf(DASHBOARD_FACTS),
    });
    this.dashboard.overrideLogicalId(dashboard.address);
  }
}
