import assert from "node:assert/strict";
import type { ServiceError } from "@grpc/grpc-js";
import { EngineClient } from "@pulumi/pulumi/proto/engine_grpc_pb";
import {
  GetRootResourceRequest,
  type GetRootResourceResponse,
  LogRequest,
  LogSeverity,
  SetRootResourceRequest,
  StartDebuggingRequest,
} from "@pulumi/pulumi/proto/engine_pb";
import { startEngineServer, type EngineServer } from "../../../tools/policy-check/engine-server";
import { grpc } from "../../../tools/policy-check/pulumi-rpc";

/** Promisifies one unary call of the generated client. */
function call<Response>(
  invoke: (callback: (error: ServiceError | null, response: Response) => void) => void,
) {
  return new Promise<Response>((resolve, reject) =>
    invoke((error, response) => (error ? reject(error) : resolve(response))),
  );
}

describe("startEngineServer", () => {
  let engine: EngineServer;
  let client: EngineClient;

  before(async () => {
    engine = await startEngineServer();
    client = new EngineClient(engine.address, grpc.credentials.createInsecure());
  });

  after(() => {
    client.close();
    engine.close();
  });

  it("listens on loopback at a port the OS chose", () => {
    assert.match(engine.address, /^127\.0\.0\.1:\d+$/);
    assert.notEqual(engine.address, "127.0.0.1:0");
  });

  it("records what plugins log, with severity and resource", async () => {
    const urn = "urn:pulumi:test::org-governance::aws:cloudtrail/trail:Trail::org-trail";
    await call((done) =>
      client.log(
        new LogRequest().setSeverity(LogSeverity.WARNING).setMessage("trail looks odd").setUrn(urn),
        done,
      ),
    );
    await call((done) =>
      client.log(new LogRequest().setSeverity(LogSeverity.DEBUG).setMessage("detail"), done),
    );
    assert.deepEqual(engine.logs, [
      { severity: "warning", message: "trail looks odd", urn },
      { severity: "debug", message: "detail" },
    ]);
  });

  it("keeps the root resource a plugin sets", async () => {
    const urn = "urn:pulumi:test::org-governance::pulumi:pulumi:Stack::org-governance-test";
    await call((done) => client.setRootResource(new SetRootResourceRequest().setUrn(urn), done));
    const response = await call<GetRootResourceResponse>((done) =>
      client.getRootResource(new GetRootResourceRequest(), done),
    );
    assert.equal(response.getUrn(), urn);
  });

  it("answers UNIMPLEMENTED for what a policy check has no use for", async () => {
    await assert.rejects(
      call((done) => client.startDebugging(new StartDebuggingRequest(), done)),
      (error: ServiceError) => error.code === grpc.status.UNIMPLEMENTED,
    );
  });
});
