import { problem, resultOf, type CheckProblem } from "./types";

/** The most ApiDefault may be, whatever the unit (second, minute, hour, day): InvalidApiDefault. */
export const FLOW_CONTROL_CEILING = 100_000_000;

export type FlowControlInput = { apiDefault: number; userDefault?: number | null; appDefault?: number | null };

/**
 * InvalidApiDefault, InvalidUserDefault, InvalidAppDefault: the three defaults of a traffic-control policy against
 * the ceiling and each other. The gateway's console states the order as "not greater than": AppDefault ≤
 * UserDefault ≤ ApiDefault; UserDefault and AppDefault may be left empty.
 */
export function checkFlowControl({ apiDefault, userDefault = null, appDefault = null }: FlowControlInput) {
  const problems: CheckProblem[] = [];
  const values = { apiDefault, userDefault, appDefault };
  for (const [name, value] of Object.entries(values)) {
    if (value !== null && (!Number.isInteger(value) || value < 1))
      problems.push(problem("not_positive", `${name} must be a whole number of 1 or more`, { name }));
  }
  if (apiDefault > FLOW_CONTROL_CEILING)
    problems.push(
      problem("api_over_ceiling", `ApiDefault ${apiDefault} is over the ceiling of ${FLOW_CONTROL_CEILING}`, {
        apiDefault,
        ceiling: FLOW_CONTROL_CEILING,
      }),
    );
  if (userDefault !== null && userDefault > apiDefault)
    problems.push(
      problem("user_over_api", `UserDefault ${userDefault} is greater than ApiDefault ${apiDefault}`, { userDefault, apiDefault }),
    );
  if (appDefault !== null && userDefault !== null && appDefault > userDefault)
    problems.push(
      problem("app_over_user", `AppDefault ${appDefault} is greater than UserDefault ${userDefault}`, { appDefault, userDefault }),
    );
  if (appDefault !== null && appDefault > apiDefault)
    problems.push(problem("app_over_api", `AppDefault ${appDefault} is greater than ApiDefault ${apiDefault}`, { appDefault, apiDefault }));
  return resultOf("flowControl", problems, { ...values, ceiling: FLOW_CONTROL_CEILING });
}
