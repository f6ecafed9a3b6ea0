import { z } from "zod";

const ACCOUNT_ID_DIGITS = 12;

/**
 * How a stack names an account: its 12-digit id, its name or its e-mail address. YAML reads unquoted
 * digits as a number, and `pulumi config set --path` writes digits unquoted, so a 12-digit number is taken
 * as the account id it spells. A shorter whole number is an id whose leading zero YAML dropped (AWS
 * account ids are exactly 12 digits and may begin with 0): the message says to quote it.
 */
export const accountReference = z.preprocess(
  (value, context) => {
    if (typeof value !== "number") return value;
    const digits = Number.isSafeInteger(value) && value >= 0 ? String(value) : undefined;
    if (digits?.length === ACCOUNT_ID_DIGITS) return digits;
    const message =
      digits !== undefined && digits.length < ACCOUNT_ID_DIGITS
        ? `YAML dropped a leading zero; quote the account id: account: "${digits.padStart(ACCOUNT_ID_DIGITS, "0")}"`
        : "a 12-digit account id (quoted), an account name or an e-mail address";
    context.addIssue({ code: "custom", message, input: value });
    return value;
  },
  z.string().trim().min(1, "an account id, name or e-mail address of a member account"),
);
