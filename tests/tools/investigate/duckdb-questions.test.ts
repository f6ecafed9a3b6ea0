import { strict as assert } from "node:assert";
import { rmSync } from "node:fs";
import { CORPUS_DIR } from "../../support/corpus";
import { cloudTrailRecord, writeArchive } from "../../support/investigation/archive";
import { ask } from "./helpers";

// Every question of the catalog, answered by DuckDB over real attack records (Stratus Red Team).
describe("investigate (DuckDB) on the Stratus Red Team corpus", () => {
  const dir = ["--dir", CORPUS_DIR];

  it("principal: the user that stopped a trail, and everything it did", async () => {
    const answer = await ask("principal", "arn:aws:iam::143434273843:user/christophe", ...dir);
    assert.equal(answer.code, 0);
    assert.ok(answer.rows.every((r) => r.principal === "arn:aws:iam::143434273843:user/christophe"));
    const stop = answer.rows.find((r) => r.event === "cloudtrail.amazonaws.com:StopLogging");
    assert.equal(stop?.target, "stratus-red-team-ct-stop-trail-buykxbqejv");
    assert.match(stop?.source ?? "", /aws\.defense-evasion\.cloudtrail-stop\.json$/);
  });

  it("principal: a role ARN finds the sessions of that role", async () => {
    const answer = await ask(
      "principal",
      "arn:aws:iam::457448411975:role/stratus-red-team-ec2-get-password-data-role",
      ...dir,
    );
    assert.ok(answer.rows.length > 0);
    assert.ok(
      answer.rows.every((r) =>
        r.principal?.startsWith(
          "arn:aws:sts::457448411975:assumed-role/stratus-red-team-ec2-get-password-data-role/",
        ),
      ),
    );
  });

  it("access-key: a backdoor user's key traced to the principal that created it", async () => {
    const answer = await ask("access-key", "AKIAL80DWDVKKEXAMPLE", ...dir);
    assert.equal(answer.lineage?.[0].key, "AKIAL80DWDVKKEXAMPLE");
    assert.equal(answer.lineage?.[0].issuedBy?.event, "iam.amazonaws.com:CreateAccessKey");
    assert.equal(answer.lineage?.[0].issuedBy?.principal, "arn:aws:iam::946986569305:user/christophe");
    assert.equal(answer.lineage?.[0].issuedBy?.target, "stratus-red-team-backdoor-u-user");
    // The creator's own key is long-term and was created before the recording began.
    assert.deepEqual(answer.lineage?.[1], { key: "AKIA30BEZSJBVEXAMPLE" });
  });

  it("access-key: an AssumeRole session's calls, and the user whose key assumed the role", async () => {
    const answer = await ask("access-key", "ASIANQQHHS551EXAMPLE", ...dir);
    const denied = answer.rows.filter((r) => r.event === "ec2.amazonaws.com:GetPasswordData");
    assert.ok(denied.length > 0 && denied.every((r) => r.error === "Client.UnauthorizedOperation"));
    assert.equal(answer.lineage?.[0].issuedBy?.event, "sts.amazonaws.com:AssumeRole");
    assert.equal(answer.lineage?.[0].issuedBy?.access_key, "AKIAWOGXN38MFEXAMPLE");
    assert.equal(answer.lineage?.[1].key, "AKIAWOGXN38MFEXAMPLE");
  });

  it("access-key: a federation token traced to the user that called GetFederationToken", async () => {
    const answer = await ask("access-key", "ASIASTJKC5GCMEXAMPLE", ...dir);
    assert.ok(
      answer.rows.some(
        (r) =>
          r.principal === "arn:aws:sts::742491224508:federated-user/stratus_red_team" &&
          r.event === "sts.amazonaws.com:GetCallerIdentity",
      ),
    );
    assert.equal(answer.lineage?.[0].issuedBy?.event, "sts.amazonaws.com:GetFederationToken");
    assert.equal(
      answer.lineage?.[0].issuedBy?.principal,
      "arn:aws:iam::742491224508:user/stratus-red-team-user-federation-user",
    );
  });

  it("ip: an address and the CIDR block around it find the same calls", async () => {
    const single = await ask("ip", "86.245.153.234", ...dir);
    const block = await ask("ip", "86.245.0.0/16", ...dir);
    assert.ok(single.rows.some((r) => r.event === "cloudtrail.amazonaws.com:StopLogging"));
    assert.deepEqual(
      block.rows.map((r) => r.event_id),
      single.rows.map((r) => r.event_id),
    );
    const none = await ask("ip", "192.0.2.0/24", ...dir);
    assert.equal(none.code, 1);
  });

  it("resource: the principal that stopped a trail, by the trail's ARN", async () => {
    const arn =
      "arn:aws:cloudtrail:apiso-centralnorth-2r:143434273843:trail/stratus-red-team-ct-stop-trail-buykxbqejv";
    const answer = await ask("resource", arn, ...dir);
    const stop = answer.rows.find((r) => r.event === "cloudtrail.amazonaws.com:StopLogging");
    assert.equal(stop?.principal, "arn:aws:iam::143434273843:user/christophe");
  });

  it("event: the same principal's calls around one event", async () => {
    const answer = await ask("event", "c64c4ded-ef03-4e5c-81eb-153b118d72f2", ...dir);
    assert.ok(answer.rows.some((r) => r.event_id === "c64c4ded-ef03-4e5c-81eb-153b118d72f2"));
    assert.ok(answer.rows.every((r) => r.principal === "arn:aws:iam::946986569305:user/christophe"));
    assert.ok(
      answer.rows.every((r) => r.time! >= "2024-07-30T21:38:13Z" && r.time! <= "2024-07-30T22:08:13Z"),
    );
  });

  it("denied: refused calls, grouped by principal", async () => {
    const answer = await ask("denied", ...dir);
    assert.ok(answer.rows.length > 0 && answer.rows.every((r) => r.error !== null));
    const principals = answer.rows.map((r) => r.principal ?? "");
    assert.deepEqual(principals, [...principals].sort());
    const one = await ask("denied", "arn:aws:iam::457448411975:user/christophe", ...dir);
    assert.ok(one.rows.some((r) => r.event === "sts.amazonaws.com:AssumeRole" && r.error === "AccessDenied"));
  });

  it("changes: writes inside the window only", async () => {
    const answer = await ask(
      "changes",
      ...dir,
      "--from",
      "2024-07-31T13:00:00Z",
      "--to",
      "2024-07-31T13:10:00Z",
    );
    assert.ok(answer.rows.some((r) => r.event === "cloudtrail.amazonaws.com:StopLogging"));
    assert.ok(
      answer.rows.every((r) => r.time! >= "2024-07-31T13:00:00Z" && r.time! < "2024-07-31T13:10:00Z"),
    );
  });

  it("sign-ins: a console sign-in without MFA", async () => {
    const answer = await ask("sign-ins", ...dir);
    const login = answer.rows.find((r) => r.event === "signin.amazonaws.com:ConsoleLogin");
    assert.equal(login?.principal, "arn:aws:iam::562283505220:user/stratus-red-team-nmfalu-jfzdtsvchl");
  });
});

describe("investigate (DuckDB) on an organization archive", () => {
  // A key created in account A, turned into a session token, used to assume a role in account B,
  // which then deletes the trail: the lineage crosses accounts back to the creator.
  const admin = "arn:aws:iam::111111111111:user/admin";
  const intruderUser = "arn:aws:iam::111111111111:user/intruder";
  const roleSession = "arn:aws:sts::222222222222:assumed-role/Breakglass/s1";
  let root: string;
  before(() => {
    root = writeArchive([
      {
        account: "111111111111",
        records: [
          cloudTrailRecord({
            eventTime: "2024-07-30T10:00:00Z",
            eventName: "CreateAccessKey",
            account: "111111111111",
            arn: admin,
            accessKeyId: "AKIAADMINEXAMPLE0001",
            requestParameters: { userName: "intruder" },
            responseElements: { accessKey: { accessKeyId: "AKIAINTRUDEREXAMPLE1", userName: "intruder" } },
          }),
          cloudTrailRecord({
            eventTime: "2024-07-30T11:00:00Z",
            eventName: "GetSessionToken",
            eventSource: "sts.amazonaws.com",
            account: "111111111111",
            arn: intruderUser,
            accessKeyId: "AKIAINTRUDEREXAMPLE1",
            responseElements: { credentials: { accessKeyId: "ASIASESSIONEXAMPLE01" } },
          }),
        ],
      },
      {
        account: "222222222222",
        records: [
          cloudTrailRecord({
            eventTime: "2024-07-30T11:05:00Z",
            eventName: "AssumeRole",
            eventSource: "sts.amazonaws.com",
            account: "222222222222",
            arn: intruderUser,
            accessKeyId: "ASIASESSIONEXAMPLE01",
            responseElements: { credentials: { accessKeyId: "ASIAROLEEXAMPLE00001" } },
          }),
          cloudTrailRecord({
            eventTime: "2024-07-30T11:06:00Z",
            eventName: "DeleteTrail",
            eventSource: "cloudtrail.amazonaws.com",
            account: "222222222222",
            arn: roleSession,
            accessKeyId: "ASIAROLEEXAMPLE00001",
            requestParameters: { name: "audit" },
          }),
        ],
      },
    ]);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it("access-key: follows AssumeRole and GetSessionToken hops across accounts to CreateAccessKey", async () => {
    const answer = await ask("access-key", "ASIAROLEEXAMPLE00001", "--dir", root);
    assert.deepEqual(
      answer.lineage?.map((hop) => [hop.key, hop.issuedBy?.event ?? null, hop.issuedBy?.account ?? null]),
      [
        ["ASIAROLEEXAMPLE00001", "sts.amazonaws.com:AssumeRole", "222222222222"],
        ["ASIASESSIONEXAMPLE01", "sts.amazonaws.com:GetSessionToken", "111111111111"],
        ["AKIAINTRUDEREXAMPLE1", "iam.amazonaws.com:CreateAccessKey", "111111111111"],
        ["AKIAADMINEXAMPLE0001", null, null],
      ],
    );
    assert.ok(
      answer.rows.some(
        (r) =>
          r.event === "cloudtrail.amazonaws.com:DeleteTrail" &&
          /CloudTrail\/us-east-1\/2024\/07\/30\/.*\.json\.gz$/.test(r.source ?? ""),
      ),
    );
  });

  it('reads gzipped {"Records":[…]} files and never the digests beside them', async () => {
    const answer = await ask("changes", "--dir", root);
    assert.equal(answer.rows.length, 4);
    assert.ok(answer.rows.every((r) => !r.source?.includes("CloudTrail-Digest")));
  });
});
