import { createRequire } from "node:module";

/**
 * The gRPC and protobuf runtime exactly as @pulumi/pulumi's generated stubs load it. Credentials, servers and
 * well-known messages must come from that same module instance: the stubs check `instanceof` on them, and
 * @grpc/grpc-js is only a transitive dependency, so it is resolved from @pulumi/pulumi rather than from here.
 */
const requireFromStubs = createRequire(require.resolve("@pulumi/pulumi/proto/analyzer_grpc_pb"));

export const grpc = requireFromStubs("@grpc/grpc-js") as typeof import("@grpc/grpc-js");

export const { Struct } = requireFromStubs(
  "google-protobuf/google/protobuf/struct_pb",
) as typeof import("google-protobuf/google/protobuf/struct_pb");

export const { Empty } = requireFromStubs(
  "google-protobuf/google/protobuf/empty_pb",
) as typeof import("google-protobuf/google/protobuf/empty_pb");

/** Raised message size limits, matching the policy SDK's server (large stacks exceed gRPC's 4 MB default). */
export const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;
