import { strict as assert } from "node:assert";
import {
  duckdbDialect,
  findQuestion,
  KEY_ORIGIN,
  parseIpv4Cidr,
  type Question,
  type QuestionName,
} from "../../../lib/investigation";

const duckdb = duckdbDialect();

function question(name: QuestionName): Question {
  const found = findQuestion(name);
  assert.ok(found, `no question ${name}`);
  return found;
}

/** The predicates a question puts on the rows for a literal value (or none). */
function where(q: Question, value?: string): readonly string[] {
  return q.select(duckdb, value === undefined ? undefined : { literal: value }).where;
}

// The catalog is the help of `investigate` and the text of its usage errors ("KEY (an access key id
// ...), e.g. AKIA..."): each entry must say what it answers, what it takes and give a usable example.
describe("investigation question catalog", () => {
  const catalog: Record<
    QuestionName | "key-origin",
    { purpose: RegExp; name: string; description: RegExp; required: boolean; example: RegExp }
  > = {
    principal: {
      purpose: /everything a principal did/,
      name: "PRINCIPAL",
      description: /ARN, principal id or user name/,
      required: true,
      example: /^arn:aws:iam::\d{12}:user\/\w+$/,
    },
    "access-key": {
      purpose: /what an access key did/,
      name: "KEY",
      description: /access key id/,
      required: true,
      example: /^AKIA[A-Z0-9]{16}$/,
    },
    ip: {
      purpose: /source IP address or IPv4 CIDR block/,
      name: "IP",
      description: /IP address or an IPv4 CIDR block/,
      required: true,
      example: /^\d+\.\d+\.\d+\.\d+$/,
    },
    resource: {
      purpose: /created, changed or deleted a resource/,
      name: "RESOURCE",
      description: /resource ARN or name/,
      required: true,
      example: /^stratus-red-team-/,
    },
    event: {
      purpose: /15 minutes either side/,
      name: "EVENT_ID",
      description: /CloudTrail event id/,
      required: true,
      example: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    },
    denied: {
      purpose: /refused for lack of permission/,
      name: "PRINCIPAL",
      description: /^optional: only this principal$/,
      required: false,
      example: /^arn:aws:iam::\d{12}:user\/\w+$/,
    },
    changes: {
      purpose: /every write in the window/,
      name: "ACCOUNT",
      description: /^optional: only this account id$/,
      required: false,
      example: /^\d{12}$/,
    },
    "sign-ins": {
      purpose: /console sign-ins/,
      name: "PRINCIPAL",
      description: /^optional: only this principal$/,
      required: false,
      example: /^stratus-red-team-/,
    },
    "key-origin": {
      purpose: /the call that issued an access key/,
      name: "KEY",
      description: /access key id/,
      required: true,
      example: /^ASIA[A-Z0-9]{16}$/,
    },
  };
  for (const [name, expected] of Object.entries(catalog)) {
    it(`${name}: says what it answers, names its parameter and gives a usable example`, () => {
      const q = name === "key-origin" ? KEY_ORIGIN : question(name as QuestionName);
      assert.match(q.purpose, expected.purpose);
      assert.equal(q.parameter.name, expected.name);
      assert.match(q.parameter.description, expected.description);
      assert.equal(q.parameter.required, expected.required);
      assert.match(q.parameter.example, expected.example);
    });
  }

  for (const q of [
    ...["principal", "access-key", "ip", "resource", "event"].map((n) => question(n as QuestionName)),
    KEY_ORIGIN,
  ]) {
    it(`${q.name}${q === KEY_ORIGIN ? " (key origin)" : ""}: without its value, the error names the question`, () => {
      assert.throws(
        () => q.select(duckdb, undefined),
        new RegExp(`^Error: the ${q.name} question needs a value$`),
      );
    });
  }
});

describe("investigation questions: which rows each one asks for", () => {
  it("access-key: rows made with the key and the row that issued it", () => {
    const [predicate] = where(question("access-key"), "ASIAEXAMPLE");
    assert.match(predicate, /e\.useridentity\.accesskeyid = 'ASIAEXAMPLE' OR /);
    assert.match(predicate, /COALESCE\(.*credentials.*accessKey.*\) = 'ASIAEXAMPLE'/);
  });

  // CloudTrail's errorCode differs by service: IAM and S3 say AccessDenied, KMS and most JSON APIs
  // AccessDeniedException, EC2 Client.UnauthorizedOperation (EC2 API reference, "Error codes").
  it("denied: every service's refusal code counts, not only IAM's", () => {
    const [codes] = where(question("denied"));
    for (const code of [
      "AccessDenied",
      "AccessDeniedException",
      "Client.UnauthorizedOperation",
      "UnauthorizedOperation",
      "Client.AccessDenied",
    ]) {
      assert.ok(codes.includes(`'${code}'`), `${code} missing from ${codes}`);
    }
  });

  it("denied, sign-ins: a principal narrows the rows to that principal; without one, everyone's", () => {
    for (const name of ["denied", "sign-ins"] as const) {
      assert.equal(where(question(name)).length, 1, name);
      const narrowed = where(question(name), "alice");
      assert.equal(narrowed.length, 2, name);
      assert.match(narrowed[1], /e\.useridentity\.arn = 'alice' OR /);
    }
    assert.match(where(question("sign-ins"))[0], /eventsource = 'signin\.amazonaws\.com'/);
  });

  it("changes: only writes, and an account id narrows them to that account", () => {
    assert.deepEqual(where(question("changes")), ["e.readonly = 'false'"]);
    assert.deepEqual(where(question("changes"), "111122223333"), [
      "e.readonly = 'false'",
      "e.recipientaccountid = '111122223333'",
    ]);
  });

  it("resource: an ARN matches writes naming the ARN or the resource's own name", () => {
    const [write, match] = where(question("resource"), "arn:aws:iam::111122223333:user/alice");
    assert.equal(write, "e.readonly = 'false'");
    assert.match(match, /e\.resources\[1\]\.arn IN \('arn:aws:iam::111122223333:user\/alice', 'alice'\)/);
    assert.match(match, /contains\(CAST\(e\.requestparameters AS VARCHAR\), 'alice'\)/);
  });

  it("resource: a plain name with a slash is one name, not split like an ARN", () => {
    const [, match] = where(question("resource"), "reports/2024");
    assert.match(match, /IN \('reports\/2024'\)/);
    assert.doesNotMatch(match, /'2024'/);
  });

  // An ARN that ends in a delimiter has no name of its own: matching an empty name would match every row.
  it("resource: an ARN ending in a slash matches only itself", () => {
    const [, match] = where(question("resource"), "arn:aws:s3:::bucket/");
    assert.match(match, /IN \('arn:aws:s3:::bucket\/'\)/);
    assert.doesNotMatch(match, /''/);
  });
});

describe("parseIpv4Cidr", () => {
  it("a block with multi-digit octets is a range", () => {
    assert.deepEqual(parseIpv4Cidr("10.0.100.0/24"), { first: 167797760, last: 167798015 });
  });

  it("255 is a valid octet", () => {
    assert.deepEqual(parseIpv4Cidr("255.255.255.255/32"), { first: 4294967295, last: 4294967295 });
  });

  it("a prefix longer than 32 bits is refused", () => {
    assert.throws(
      () => parseIpv4Cidr("10.0.0.0/33"),
      /10\.0\.0\.0\/33 is not an IPv4 CIDR block; .* n at most 32/,
    );
  });

  it("an octet over 255 is refused with the expected form", () => {
    assert.throws(
      () => parseIpv4Cidr("256.0.0.0/8"),
      /256\.0\.0\.0\/8 is not an IPv4 CIDR block; use a\.b\.c\.d\/n/,
    );
  });

  it("text around a block is not a block", () => {
    assert.equal(parseIpv4Cidr("x10.0.0.0/8"), undefined);
    assert.equal(parseIpv4Cidr("10.0.0.0/8x"), undefined);
  });
});
