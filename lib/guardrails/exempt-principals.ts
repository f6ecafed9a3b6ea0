/**
 * Exempt principals are matched with `ArnNotLike` on `aws:PrincipalArn` ("IAM JSON policy elements:
 * Condition operators"): `*` and `?` are wildcards. One too broad, such as every role of an account,
 * exempts the very administrators the guardrail is for and so disables it.
 */

/** `arn:<partition>:iam::<account id or *>:role/<path and name>` or `...:user/...`. */
const PRINCIPAL_ARN =
  /^arn:aws(?:-cn|-us-gov|-iso|-iso-b)?:iam::(?:\d{12}|\*):(?:role|user)\/[\w+=,.@\-/*?]+$/;

/**
 * Whether a pattern matches whole groups of principals rather than a named role or user: `*`, `arn:*`,
 * or a role or user name made of wildcards only (`arn:aws:iam::*:role/*`,
 * `arn:aws:iam::222233334444:role/*`). Used by the config and by the policy pack.
 */
export function isWildcardPrincipal(pattern: string): boolean {
  const parts = pattern.split(":");
  if (parts.length < 6) return /^[*?]*$/.test(pattern) || pattern.includes("*");
  const resource = parts.slice(5).join(":");
  const name = resource.replace(/^(role|user)\//, "");
  return /^[*?/]*$/.test(name);
}

/** One line per pattern that is not a role or user ARN pattern, or that exempts everyone. */
export function exemptPrincipalProblems(patterns: readonly string[], key: string): string[] {
  return patterns.flatMap((pattern, i) => {
    if (isWildcardPrincipal(pattern)) {
      return [
        `${key}[${i}]: "${pattern}" exempts every principal it matches, which disables the guardrail; name the deployment role, like arn:aws:iam::111122223333:role/OrgGovernanceDeployer`,
      ];
    }
    if (!PRINCIPAL_ARN.test(pattern)) {
      return [
        `${key}[${i}]: expected an IAM role or user ARN pattern like arn:aws:iam::111122223333:role/OrgGovernanceDeployer (got "${pattern}")`,
      ];
    }
    return [];
  });
}

/** `ArnLike` matching: `*` any run of characters, `?` exactly one. */
export function arnLikeMatches(pattern: string, arn: string): boolean {
  const regex = [...pattern]
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${regex}$`).test(arn);
}
