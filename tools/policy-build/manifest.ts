import { parse as parseYaml, stringify as stringifyYaml } from "yaml";

/** The fields of a package.json this build reads. */
export interface PackageJson {
  readonly name?: string;
  readonly version?: string;
  readonly description?: string;
  readonly license?: string;
  readonly engines?: Readonly<Record<string, string>>;
  readonly dependencies?: Readonly<Record<string, string>>;
}

/** The fields of a package-lock.json (lockfileVersion 2 or 3) this build reads. */
export interface PackageLock {
  readonly packages?: Readonly<Record<string, { readonly version?: string }>>;
}

/** The file the bundle is written to, and the `main` of the built pack. */
export const BUNDLE_FILE = "index.js";

/** A build that cannot be made as asked: one line saying what is wrong and how to fix it. */
export class PackBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackBuildError";
  }
}

/**
 * The packages the built pack leaves to `npm install`: exactly the in-repository pack's declared dependencies
 * (@pulumi/policy and @pulumi/pulumi). Everything else it imports (the catalog, the filter-pattern engine,
 * re2js, zod) is bundled in.
 */
export function externalPackages(packPackage: PackageJson): string[] {
  return Object.keys(packPackage.dependencies ?? {}).sort();
}

/**
 * The built pack's package.json. The version is the repository's, which `@pulumi/policy` reports to the CLI as
 * the pack's version and `pulumi policy publish` uses as its version tag; each dependency is pinned to the
 * version the root lock file installed, which is the version every test ran against.
 */
export function packManifest(
  rootPackage: PackageJson,
  packPackage: PackageJson,
  lock: PackageLock,
): Record<string, unknown> {
  if (!rootPackage.version) {
    throw new PackBuildError("package.json has no version; add one, the built pack is published under it");
  }
  const dependencies = Object.fromEntries(
    externalPackages(packPackage).map((name) => [name, lockedVersion(lock, name)]),
  );
  return {
    name: packPackage.name ?? `${rootPackage.name}-policy-pack`,
    version: rootPackage.version,
    description: packPackage.description ?? rootPackage.description,
    license: rootPackage.license,
    // Publishing to an npm registry by mistake is refused; `pulumi policy publish` runs `npm pack`, which is not.
    private: true,
    main: BUNDLE_FILE,
    ...(rootPackage.engines ? { engines: rootPackage.engines } : {}),
    dependencies,
  };
}

function lockedVersion(lock: PackageLock, name: string): string {
  const version = lock.packages?.[`node_modules/${name}`]?.version;
  if (!version) {
    throw new PackBuildError(
      `package-lock.json does not pin ${name}, which policy-pack/package.json depends on; run npm install`,
    );
  }
  return version;
}

/**
 * The built pack's PulumiPolicy.yaml: the in-repository one (description, runtime) with the version written
 * out, so that the version the CLI reads from the project file and the one the pack reports agree.
 */
export function packProjectFile(sourceYaml: string, version: string): string {
  const project = parseYaml(sourceYaml) as Record<string, unknown> | null;
  if (project === null || typeof project !== "object" || Array.isArray(project)) {
    throw new PackBuildError("policy-pack/PulumiPolicy.yaml is not a mapping; restore it from git");
  }
  const runtime = typeof project.runtime === "string" ? project.runtime : undefined;
  if (runtime !== "nodejs") {
    throw new PackBuildError(
      `policy-pack/PulumiPolicy.yaml: runtime ${JSON.stringify(project.runtime)} is not nodejs; the build bundles a Node.js pack`,
    );
  }
  return stringifyYaml({ ...project, version }, { lineWidth: 0 });
}

/** Import paths a bundle may leave to Node: built-in modules and the declared packages (and their subpaths). */
export function isAllowedExternal(
  path: string,
  externals: readonly string[],
  builtins: readonly string[],
): boolean {
  const bare = path.startsWith("node:") ? path.slice("node:".length) : path;
  if (builtins.includes(bare) || builtins.includes(bare.split("/")[0])) return true;
  return externals.some((name) => path === name || path.startsWith(`${name}/`));
}
