import type { ServiceError } from "@grpc/grpc-js";
import type { JavaScriptValue } from "google-protobuf/google/protobuf/struct_pb";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import {
  AnalyzeRequest,
  AnalyzeStackRequest,
  AnalyzerPropertyDependencies,
  AnalyzerProviderResource,
  AnalyzerResource,
  AnalyzerResourceOptions,
  ConfigureAnalyzerRequest,
  EnforcementLevel as ProtoEnforcementLevel,
  PolicyConfig as ProtoPolicyConfig,
  type AnalyzeDiagnostic,
  type AnalyzerInfo,
  type AnalyzeResponse,
} from "@pulumi/pulumi/proto/analyzer_pb";
import type {
  AnalyzeTarget,
  AnalyzerProviderData,
  AnalyzerResourceOptionsData,
  StackTarget,
} from "./analyzer-resources";
import type { EnforcementLevel, PolicyConfig, PolicyConfigEntry } from "./policy-config-file";
import { Empty, grpc, MAX_MESSAGE_BYTES, Struct } from "./pulumi-rpc";
import type { PolicyMetadata } from "./reconcile-policy-config";

/** GetAnalyzerInfo, in plain data. */
export interface AnalyzerInfoData {
  readonly name: string;
  readonly version: string;
  readonly supportsConfig: boolean;
  readonly policies: readonly PolicyMetadata[];
  readonly initialConfig: PolicyConfig;
}

/** One AnalyzeDiagnostic, in plain data. */
export interface Diagnostic {
  readonly policyName: string;
  readonly description: string;
  readonly message: string;
  readonly enforcementLevel: EnforcementLevel;
  readonly urn?: string;
}

const TO_LEVEL: Record<ProtoEnforcementLevel, EnforcementLevel> = {
  [ProtoEnforcementLevel.ADVISORY]: "advisory",
  [ProtoEnforcementLevel.MANDATORY]: "mandatory",
  [ProtoEnforcementLevel.DISABLED]: "disabled",
  [ProtoEnforcementLevel.REMEDIATE]: "remediate",
};

const FROM_LEVEL: Record<EnforcementLevel, ProtoEnforcementLevel> = {
  advisory: ProtoEnforcementLevel.ADVISORY,
  mandatory: ProtoEnforcementLevel.MANDATORY,
  disabled: ProtoEnforcementLevel.DISABLED,
  remediate: ProtoEnforcementLevel.REMEDIATE,
};

type Callback<Response> = (error: ServiceError | null, response: Response) => void;
type UnaryMethod<Request, Response> = (
  request: Request,
  metadata: InstanceType<typeof grpc.Metadata>,
  options: { deadline: number },
  callback: Callback<Response>,
) => unknown;

/** The Analyzer service of a running pack, every call bounded by a deadline so a hung pack cannot hang us. */
export class AnalyzerConnection {
  private readonly client: AnalyzerClient;

  constructor(
    address: string,
    private readonly callTimeoutMs: number,
  ) {
    this.client = new AnalyzerClient(address, grpc.credentials.createInsecure(), {
      "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
      "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
    });
  }

  async getAnalyzerInfo(): Promise<AnalyzerInfoData> {
    return analyzerInfoData(await this.call(this.client.getAnalyzerInfo, new Empty()));
  }

  /** The version of the policy SDK serving the pack. */
  async getPluginVersion(): Promise<string> {
    return (await this.call(this.client.getPluginInfo, new Empty())).getVersion();
  }

  async configure(config: Readonly<Record<string, PolicyConfigEntry>>): Promise<void> {
    const request = new ConfigureAnalyzerRequest();
    const map = request.getPolicyconfigMap();
    for (const [name, entry] of Object.entries(config)) {
      const properties = { ...entry.properties } as { [key: string]: JavaScriptValue };
      const policyConfig = new ProtoPolicyConfig().setProperties(Struct.fromJavaScript(properties));
      if (entry.enforcementLevel !== undefined)
        policyConfig.setEnforcementlevel(FROM_LEVEL[entry.enforcementLevel]);
      map.set(name, policyConfig);
    }
    await this.call(this.client.configure, request);
  }

  async analyze(target: AnalyzeTarget): Promise<Diagnostic[]> {
    const request = new AnalyzeRequest()
      .setUrn(target.urn)
      .setType(target.type)
      .setName(target.name)
      .setProperties(Struct.fromJavaScript(target.properties))
      .setOptions(optionsMessage(target.options));
    if (target.provider) request.setProvider(providerMessage(target.provider));
    return diagnosticsOf(await this.call(this.client.analyze, request));
  }

  async analyzeStack(targets: readonly StackTarget[]): Promise<Diagnostic[]> {
    const request = new AnalyzeStackRequest().setResourcesList(targets.map(stackResourceMessage));
    return diagnosticsOf(await this.call(this.client.analyzeStack, request));
  }

  close(): void {
    this.client.close();
  }

  private call<Request, Response>(
    method: UnaryMethod<Request, Response>,
    request: Request,
  ): Promise<Response> {
    return new Promise((resolve, reject) => {
      method.call(
        this.client,
        request,
        new grpc.Metadata(),
        { deadline: Date.now() + this.callTimeoutMs },
        (error: ServiceError | null, response: Response) => (error ? reject(error) : resolve(response)),
      );
    });
  }
}

function optionsMessage(options: AnalyzerResourceOptionsData): AnalyzerResourceOptions {
  return new AnalyzerResourceOptions()
    .setProtect(options.protect)
    .setIgnorechangesList([...options.ignoreChanges])
    .setAdditionalsecretoutputsList([...options.additionalSecretOutputs])
    .setAliasesList([...options.aliases])
    .setCustomtimeouts(
      new AnalyzerResourceOptions.CustomTimeouts()
        .setCreate(options.customTimeouts.create)
        .setUpdate(options.customTimeouts.update)
        .setDelete(options.customTimeouts.delete),
    )
    .setParent(options.parent);
}

function providerMessage(provider: AnalyzerProviderData): AnalyzerProviderResource {
  return new AnalyzerProviderResource()
    .setUrn(provider.urn)
    .setType(provider.type)
    .setName(provider.name)
    .setProperties(Struct.fromJavaScript(provider.properties));
}

function stackResourceMessage(target: StackTarget): AnalyzerResource {
  const message = new AnalyzerResource()
    .setUrn(target.urn)
    .setType(target.type)
    .setName(target.name)
    .setProperties(Struct.fromJavaScript(target.properties))
    .setOptions(optionsMessage(target.options))
    .setParent(target.parent)
    .setDependenciesList([...target.dependencies]);
  if (target.provider) message.setProvider(providerMessage(target.provider));
  const propertyDependencies = message.getPropertydependenciesMap();
  for (const [property, urns] of Object.entries(target.propertyDependencies)) {
    // The engine leaves out properties without dependencies.
    if (urns.length > 0)
      propertyDependencies.set(property, new AnalyzerPropertyDependencies().setUrnsList([...urns]));
  }
  return message;
}

/** A remediate-level diagnostic still reported by Analyze is counted as mandatory, as the CLI does. */
function diagnosticsOf(response: AnalyzeResponse): Diagnostic[] {
  return response.getDiagnosticsList().map((diagnostic: AnalyzeDiagnostic) => {
    const level = TO_LEVEL[diagnostic.getEnforcementlevel()] ?? "advisory";
    return {
      policyName: diagnostic.getPolicyname(),
      description: diagnostic.getDescription(),
      message: diagnostic.getMessage(),
      enforcementLevel: level === "remediate" ? "mandatory" : level,
      ...(diagnostic.getUrn() ? { urn: diagnostic.getUrn() } : {}),
    };
  });
}

function analyzerInfoData(info: AnalyzerInfo): AnalyzerInfoData {
  const initialConfig: Record<string, PolicyConfigEntry> = {};
  info.getInitialconfigMap().forEach((config: ProtoPolicyConfig, name: string) => {
    const properties = config.getProperties()?.toJavaScript();
    // Like the CLI, an unset level reads as the enum's zero value, advisory.
    initialConfig[name] = {
      enforcementLevel: TO_LEVEL[config.getEnforcementlevel()] ?? "advisory",
      ...(properties && Object.keys(properties).length > 0 ? { properties } : {}),
    };
  });
  return {
    name: info.getName(),
    version: info.getVersion(),
    supportsConfig: info.getSupportsconfig(),
    initialConfig,
    policies: info.getPoliciesList().map((policy) => {
      const schema = policy.getConfigschema();
      return {
        name: policy.getName(),
        description: policy.getDescription(),
        enforcementLevel: TO_LEVEL[policy.getEnforcementlevel()] ?? "advisory",
        ...(policy.getRemediationSteps() ? { remediationSteps: policy.getRemediationSteps() } : {}),
        ...(schema
          ? {
              configSchema: {
                properties: (schema.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown>,
                required: schema.getRequiredList(),
              },
            }
          : {}),
      };
    }),
  };
}
