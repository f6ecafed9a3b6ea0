/** Organizations returns at most 20 items per page on every List* operation the inventory uses. */
export const PAGE_SIZE = 20;

/**
 * The most successful calls an inventory without tags should need: a page of 20 per 20 accounts, two
 * listings (child OUs, accounts) per root and OU with room for a partial page each, two more per root
 * (its SCPs and RCPs), and five calls for the organization, its roots, trusted services and delegated
 * administrators. A parent with more than
 * 20 child OUs needs one more page per further 20, which only the account term's rounding absorbs.
 */
export function callBudget(accounts: number, ous: number, roots: number): number {
  return Math.ceil(accounts / PAGE_SIZE) + 2 * (ous + roots) + 2 * roots + 5;
}
