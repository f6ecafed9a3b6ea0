import assert from "node:assert/strict";
import fc from "fast-check";
import {
  ARCHIVE_SIG,
  ASSET_SIG,
  OUTPUT_VALUE_SIG,
  RESOURCE_REFERENCE_SIG,
  SECRET_SIG,
  SIG_KEY,
  toWireProperties,
  UNKNOWN_STRING_VALUE,
  WireValueError,
} from "../../../tools/policy-check/wire-properties";

const secretWithPlaintext = (value: unknown) => ({ [SIG_KEY]: SECRET_SIG, plaintext: JSON.stringify(value) });
const wireSecret = (value: unknown) => ({ [SIG_KEY]: SECRET_SIG, value });

describe("toWireProperties", () => {
  it("passes plain JSON through unchanged", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string().filter((key) => !key.startsWith("__") && key !== SIG_KEY),
          fc.jsonValue().filter((value) => !JSON.stringify(value).includes(SIG_KEY)),
        ),
        (properties) => {
          assert.deepEqual(toWireProperties(properties), { ...properties });
        },
      ),
    );
  });

  it("drops internal keys at the top level only, as the engine does", () => {
    const wire = toWireProperties({
      __defaults: ["name"],
      __meta: "{}",
      tags: { __kept: "yes" },
      name: "trail",
    });
    assert.deepEqual(wire, { tags: { __kept: "yes" }, name: "trail" });
  });

  it("sends a decrypted secret as a secret holding the parsed plaintext", () => {
    const wire = toWireProperties({ password: secretWithPlaintext({ user: "audit", rotate: true }) });
    assert.deepEqual(wire.password, wireSecret({ user: "audit", rotate: true }));
  });

  it("takes a plaintext that is not JSON text as the string itself", () => {
    const wire = toWireProperties({ token: { [SIG_KEY]: SECRET_SIG, plaintext: "s3cr3t" } });
    assert.deepEqual(wire.token, wireSecret("s3cr3t"));
  });

  it("sends an encrypted secret as unknown, because it cannot be read without the stack's key", () => {
    const wire = toWireProperties({ kmsKeyId: { [SIG_KEY]: SECRET_SIG, ciphertext: "v1:AAAA:BBBB" } });
    assert.equal(wire.kmsKeyId, UNKNOWN_STRING_VALUE);
  });

  it("converts secrets nested in arrays and objects", () => {
    const wire = toWireProperties({ rules: [{ key: secretWithPlaintext("k-1") }] });
    assert.deepEqual(wire.rules, [{ key: wireSecret("k-1") }]);
  });

  it("sends a resource reference as the referenced ID, or a component's URN", () => {
    const urn = "urn:pulumi:test::org-governance::aws:kms/key:Key::trail-key";
    const wire = toWireProperties({
      custom: { [SIG_KEY]: RESOURCE_REFERENCE_SIG, urn, id: "key-1234" },
      component: { [SIG_KEY]: RESOURCE_REFERENCE_SIG, urn },
    });
    assert.deepEqual(wire, { custom: "key-1234", component: urn });
  });

  it("sends an output value as its value, secret if it is, and unknown without one", () => {
    const wire = toWireProperties({
      known: { [SIG_KEY]: OUTPUT_VALUE_SIG, value: "arn:aws:sns:eu-west-1:111122223333:alerts" },
      secret: { [SIG_KEY]: OUTPUT_VALUE_SIG, value: "hunter2", secret: true },
      pending: { [SIG_KEY]: OUTPUT_VALUE_SIG, dependencies: [] },
    });
    assert.deepEqual(wire, {
      known: "arn:aws:sns:eu-west-1:111122223333:alerts",
      secret: wireSecret("hunter2"),
      pending: UNKNOWN_STRING_VALUE,
    });
  });

  it("keeps assets and archives in their signed form for the policy SDK to rebuild", () => {
    const asset = { [SIG_KEY]: ASSET_SIG, hash: "abc", text: "print('hi')" };
    const archive = { [SIG_KEY]: ARCHIVE_SIG, assets: { "index.py": asset } };
    assert.deepEqual(toWireProperties({ code: archive }), { code: archive });
  });

  it("leaves unknown sentinels from a plan as they are", () => {
    assert.deepEqual(toWireProperties({ arn: UNKNOWN_STRING_VALUE }), { arn: UNKNOWN_STRING_VALUE });
  });

  it("rejects an unrecognized signature with the path to it", () => {
    assert.throws(
      () => toWireProperties({ settings: [{ odd: { [SIG_KEY]: "0123" } }] }),
      (error: unknown) => {
        assert.ok(error instanceof WireValueError);
        assert.deepEqual(error.path, ["settings", 0, "odd"]);
        assert.match(error.problem, /unrecognized Pulumi value signature "0123"/);
        return true;
      },
    );
  });

  it("rejects a secret that holds neither plaintext nor ciphertext", () => {
    assert.throws(
      () => toWireProperties({ key: { [SIG_KEY]: SECRET_SIG } }),
      /neither plaintext nor ciphertext/,
    );
  });
});
