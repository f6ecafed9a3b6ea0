import type { SelectorStep } from "./ast";

export type NodeTest = (node: unknown) => boolean;
/** The node a wildcard-free selector reaches in a record, or `undefined` when it reaches nothing. */
export type Resolver = (root: unknown) => unknown;

type ObjectNode = Record<string, unknown>;

function isObjectNode(node: unknown): node is ObjectNode {
  return typeof node === "object" && node !== null && !Array.isArray(node);
}

/**
 * Key lookups are plain property reads (no allocation, no `hasOwn`), except for keys that also name
 * something on Object.prototype ("constructor", "__proto__", ...), which must not resolve to it.
 */
export function compileResolver(steps: readonly SelectorStep[]): Resolver {
  const keys = plainKeys(steps);
  if (keys?.length === 1) return keyResolver1(keys[0]);
  if (keys?.length === 2) return keyResolver2(keys[0], keys[1]);
  if (keys?.length === 3) return keyResolver3(keys[0], keys[1], keys[2]);
  const moves = steps.map(stepMove);
  return (root) => {
    let node = root;
    for (let i = 0; i < moves.length && node !== undefined; i++) node = moves[i](node);
    return node;
  };
}

/**
 * `test` applied to the node a wildcard-free selector reaches (`undefined` when none). Short key paths,
 * the usual CloudTrail shape, read the keys inline instead of calling a separate resolver.
 */
export function compileSelectorTest(
  steps: readonly SelectorStep[],
  test: NodeTest,
): (root: unknown) => boolean {
  const keys = plainKeys(steps);
  if (keys?.length === 1) {
    const [a] = keys;
    return (root) => test(isObjectNode(root) ? root[a] : undefined);
  }
  if (keys?.length === 2) {
    const [a, b] = keys;
    return (root) => {
      const first = isObjectNode(root) ? root[a] : undefined;
      return test(isObjectNode(first) ? first[b] : undefined);
    };
  }
  const resolve = compileResolver(steps);
  return (root) => test(resolve(root));
}

/** For a selector with one wildcard: true when `test` holds for the node under any child it selects. */
export function compileAnyNode(steps: readonly SelectorStep[], test: NodeTest): (root: unknown) => boolean {
  const at = steps.findIndex((step) => step.kind === "wildcard");
  const toParent = compileResolver(steps.slice(0, at));
  const fromChild = compileResolver(steps.slice(at + 1));
  const check = (child: unknown): boolean => {
    const node = fromChild(child);
    return node !== undefined && test(node);
  };
  return (root) => {
    const parent = toParent(root);
    if (Array.isArray(parent)) return parent.some(check);
    if (!isObjectNode(parent)) return false;
    for (const key in parent) {
      if (Object.hasOwn(parent, key) && check(parent[key])) return true;
    }
    return false;
  };
}

/** The keys of a path made only of keys that plain property reads may use, else undefined. */
function plainKeys(steps: readonly SelectorStep[]): string[] | undefined {
  const keys: string[] = [];
  for (const step of steps) {
    if (step.kind !== "key" || step.key in Object.prototype) return undefined;
    keys.push(step.key);
  }
  return keys;
}

function stepMove(step: SelectorStep): Resolver {
  if (step.kind === "index") {
    const index = step.index;
    return (node) => (Array.isArray(node) ? node[index] : undefined);
  }
  if (step.kind === "wildcard") throw new Error("compileResolver: wildcard steps go through compileAnyNode");
  const key = step.key;
  if (key in Object.prototype) {
    return (node) => (isObjectNode(node) && Object.hasOwn(node, key) ? node[key] : undefined);
  }
  return (node) => (isObjectNode(node) ? node[key] : undefined);
}

function keyResolver1(a: string): Resolver {
  return (root) => (isObjectNode(root) ? root[a] : undefined);
}

function keyResolver2(a: string, b: string): Resolver {
  return (root) => {
    if (!isObjectNode(root)) return undefined;
    const first = root[a];
    return isObjectNode(first) ? first[b] : undefined;
  };
}

function keyResolver3(a: string, b: string, c: string): Resolver {
  return (root) => {
    if (!isObjectNode(root)) return undefined;
    const first = root[a];
    if (!isObjectNode(first)) return undefined;
    const second = first[b];
    return isObjectNode(second) ? second[c] : undefined;
  };
}
