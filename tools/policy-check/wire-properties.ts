/**
 * Converts property values as a `pulumi stack export` stores them into what the engine puts on the wire for
 * Analyze and AnalyzeStack: `MarshalProperties` with KeepUnknowns, KeepSecrets and SkipInternalKeys, without
 * KeepResources or KeepOutputValues (pulumi/pulumi sdk/go/common/resource/plugin/rpc.go).
 */

export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
export const ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";
export const RESOURCE_REFERENCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
export const OUTPUT_VALUE_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

/** The engine's sentinel for a value it cannot know; the policy SDK raises UnknownValueError when it is read. */
export const UNKNOWN_STRING_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export type WireValue = null | boolean | number | string | WireValue[] | { [key: string]: WireValue };
export type WireProperties = { [key: string]: WireValue };

type PathKey = string | number;

/** A value the engine could not marshal either; `path` leads to it from the property bag. */
export class WireValueError extends Error {
  constructor(
    readonly path: readonly PathKey[],
    readonly problem: string,
  ) {
    super(problem);
    this.name = "WireValueError";
  }
}

/** Converts a resource's property bag; like the engine, drops top-level internal keys such as `__defaults`. */
export function toWireProperties(properties: Record<string, unknown> | undefined): WireProperties {
  return Object.fromEntries(
    Object.entries(properties ?? {})
      .filter(([key]) => !key.startsWith("__"))
      .map(([key, value]) => [key, toWireValue(value, [key])]),
  );
}

function toWireValue(value: unknown, path: PathKey[]): WireValue {
  if (
    value === null ||
    typeof value === "boolean" ||
    typeof value === "number" ||
    typeof value === "string"
  ) {
    return value;
  }
  if (Array.isArray(value)) return value.map((element, index) => toWireValue(element, [...path, index]));
  if (typeof value !== "object") {
    throw new WireValueError(path, `expected a JSON value, got ${typeof value}`);
  }
  const object = value as Record<string, unknown>;
  const signature = object[SIG_KEY];
  if (signature === undefined) return mapObject(object, path);
  switch (signature) {
    case SECRET_SIG:
      return secretToWire(object, path);
    case ASSET_SIG:
      return { ...(object as { [key: string]: WireValue }) };
    case ARCHIVE_SIG:
      return archiveToWire(object, path);
    case RESOURCE_REFERENCE_SIG:
      return resourceReferenceToWire(object, path);
    case OUTPUT_VALUE_SIG:
      return outputValueToWire(object, path);
    default:
      throw new WireValueError(
        path,
        `unrecognized Pulumi value signature ${JSON.stringify(signature)}; re-export the state with a current Pulumi CLI`,
      );
  }
}

// fromEntries defines own properties, so a `__proto__` key in a state file stays a key instead of
// replacing the prototype of the copy.
function mapObject(object: Record<string, unknown>, path: PathKey[]): { [key: string]: WireValue } {
  return Object.fromEntries(
    Object.entries(object).map(([key, element]) => [key, toWireValue(element, [...path, key])]),
  );
}

function secretOf(value: WireValue): WireValue {
  return { [SIG_KEY]: SECRET_SIG, value };
}

/**
 * Exports hold secrets either decrypted (`plaintext`, a JSON text, from `--show-secrets`) or encrypted
 * (`ciphertext`). A decrypted secret travels as a secret, which the policy SDK unwraps for policies; an
 * encrypted one cannot be read without the stack's key, so it travels as unknown, as computed values do.
 */
function secretToWire(secret: Record<string, unknown>, path: PathKey[]): WireValue {
  if (typeof secret.plaintext === "string")
    return secretOf(toWireValue(parsePlaintext(secret.plaintext), path));
  if ("value" in secret) return secretOf(toWireValue(secret.value, [...path, "value"]));
  if (typeof secret.ciphertext === "string") return UNKNOWN_STRING_VALUE;
  throw new WireValueError(path, "secret has neither plaintext nor ciphertext; re-export the state");
}

function parsePlaintext(plaintext: string): unknown {
  try {
    return JSON.parse(plaintext) as unknown;
  } catch {
    // Hand-written files sometimes hold the bare text rather than its JSON encoding.
    return plaintext;
  }
}

function archiveToWire(archive: Record<string, unknown>, path: PathKey[]): WireValue {
  const wire = { ...(archive as { [key: string]: WireValue }) };
  if (archive.assets !== undefined) wire.assets = toWireValue(archive.assets, [...path, "assets"]);
  return wire;
}

/** Without KeepResources the engine sends a custom resource's ID, or a component's URN. */
function resourceReferenceToWire(reference: Record<string, unknown>, path: PathKey[]): WireValue {
  if (typeof reference.id === "string") return reference.id;
  if (typeof reference.urn === "string") return reference.urn;
  throw new WireValueError(path, "resource reference has no urn; re-export the state");
}

/** Without KeepOutputValues the engine sends an output's value, unknown when it has none yet. */
function outputValueToWire(output: Record<string, unknown>, path: PathKey[]): WireValue {
  if (!("value" in output)) return UNKNOWN_STRING_VALUE;
  const value = toWireValue(output.value, [...path, "value"]);
  return output.secret === true ? secretOf(value) : value;
}
