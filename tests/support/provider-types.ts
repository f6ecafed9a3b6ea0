import * as path from "node:path";
import ts from "typescript";
import type { PlannedResource } from "../../tools/plan/capture";

/**
 * Checks planned resource inputs against the provider's own TypeScript declarations (`@pulumi/aws` ships
 * no schema JSON, but every resource's `<Name>Args` interface and the nested `types/input.d.ts` shapes
 * are generated from that schema). A property the declarations do not know is one the provider drops or
 * rejects: `notStartsWith` for `notStartsWiths` compiles only through a loosely typed value.
 */

const AWS_PACKAGE = path.dirname(require.resolve("@pulumi/aws/package.json"));

/** `aws:s3/bucketPolicy:BucketPolicy` → `s3/bucketPolicy.d.ts`, interface `BucketPolicyArgs`. */
function declarationOf(type: string): { file: string; args: string } | undefined {
  if (type === "pulumi:providers:aws")
    return { file: path.join(AWS_PACKAGE, "provider.d.ts"), args: "ProviderArgs" };
  const match = /^aws:([^/]+)\/([^:]+):(.+)$/.exec(type);
  if (!match) return undefined;
  const [, module, file, name] = match;
  const directory = module === "index" ? AWS_PACKAGE : path.join(AWS_PACKAGE, module);
  return { file: path.join(directory, `${file}.d.ts`), args: `${name}Args` };
}

/** Pulumi's wrappers around a value: `Input<T> = T | Promise<T> | OutputInstance<T>`. */
const WRAPPERS = new Set(["Promise", "OutputInstance", "Output"]);

export class ProviderTypes {
  private readonly checker: ts.TypeChecker;
  private readonly program: ts.Program;

  /** Loads the declarations of the given resource types: one program, parsed once. */
  constructor(types: readonly string[]) {
    const files = [
      ...new Set(
        types
          .map(declarationOf)
          .filter((d) => d !== undefined)
          .map((d) => d.file),
      ),
    ];
    this.program = ts.createProgram(files, { noEmit: true, skipLibCheck: true, types: [] });
    this.checker = this.program.getTypeChecker();
  }

  private argsType(type: string): ts.Type | undefined {
    const declaration = declarationOf(type);
    if (!declaration) return undefined;
    const source = this.program.getSourceFile(declaration.file);
    if (!source) throw new Error(`no declarations for ${type} at ${declaration.file}`);
    const node = source.statements.find(
      (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === declaration.args,
    );
    if (!node) throw new Error(`no interface ${declaration.args} in ${declaration.file}`);
    return this.checker.getTypeAtLocation(node);
  }

  /** The plain shapes a value of `type` may take, Pulumi's wrappers and `undefined` removed. */
  private plainShapes(type: ts.Type): ts.Type[] {
    const parts = type.isUnion() ? type.types : [type];
    return parts.filter((part) => {
      if (part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) return false;
      const name = part.getSymbol()?.getName() ?? part.aliasSymbol?.getName();
      return !(name && WRAPPERS.has(name));
    });
  }

  /** Problems of `value` against `type`, one line each, with the path of the unknown property. */
  private problemsOf(value: unknown, type: ts.Type, at: string): string[] {
    if (value === null || typeof value !== "object") return [];
    const shapes = this.plainShapes(type);
    if (Array.isArray(value)) {
      const elements = shapes
        .filter((shape) => this.checker.isArrayType(shape))
        .map((shape) => this.checker.getTypeArguments(shape as ts.TypeReference)[0]);
      if (elements.length === 0) return [];
      return value.flatMap((item, index) => {
        const problems = elements.map((element) => this.problemsOf(item, element, `${at}[${index}]`));
        return problems.find((p) => p.length === 0) ?? problems[0];
      });
    }
    const objects = shapes.filter(
      (shape) => shape.flags & ts.TypeFlags.Object && !this.checker.isArrayType(shape),
    );
    if (objects.length === 0) return [];
    if (objects.some((shape) => shape.getStringIndexType() !== undefined)) return [];
    const problems: string[] = [];
    for (const [key, item] of Object.entries(value)) {
      const property = objects.map((shape) => shape.getProperty(key)).find((p) => p !== undefined);
      if (!property) {
        problems.push(`${at}.${key}: not a property the provider knows`);
        continue;
      }
      problems.push(...this.problemsOf(item, this.checker.getTypeOfSymbol(property), `${at}.${key}`));
    }
    return problems;
  }

  /**
   * Properties of a resource's inputs that the provider's declarations do not know. Provider inputs are
   * checked at the top level only: Pulumi serializes their nested values as JSON text.
   */
  unknownProperties(resource: Pick<PlannedResource, "type" | "urn" | "inputs" | "custom">): string[] {
    if (!resource.custom) return [];
    const args = this.argsType(resource.type);
    if (!args) return [`${resource.type}: no provider declarations found`];
    const name = resource.urn.slice(resource.urn.lastIndexOf("::") + 2);
    if (resource.type.startsWith("pulumi:providers:")) {
      return Object.keys(resource.inputs)
        .filter((key) => args.getProperty(key) === undefined)
        .map((key) => `${name}.${key}: not a property the provider knows`);
    }
    return this.problemsOf(resource.inputs, args, name);
  }
}
