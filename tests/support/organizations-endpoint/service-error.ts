/** An error the endpoint answers with, in the AWS JSON 1.1 shape `{"__type": ..., "Message": ...}`. */
export class ServiceError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ServiceError";
  }

  body(): Record<string, string> {
    return { __type: this.type, Message: this.message, ...this.extra };
  }
}

export const invalidInput = (message: string) =>
  new ServiceError("InvalidInputException", message, 400, { Reason: "INVALID_INPUT" });
