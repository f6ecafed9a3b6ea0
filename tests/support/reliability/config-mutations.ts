import fc from "fast-check";
import { LOG_RETENTION_DAYS } from "../../../lib/config/schema";
import { CONTROLS } from "../../../lib/controls";
import { readStackConfigFile } from "../../../tools/plan/stack-files";
import { PROJECT_DIR, stackConfig } from "../plan";

/**
 * A stack config decoded for mutation: fully qualified keys (`org-governance:trail`, `aws:region`) to
 * their JSON values. `RawText` values are written as they are, so a mutation can also hand the program
 * text that is not JSON at all, as a hand-edited stack file can.
 */
export type ConfigDocument = Record<string, unknown>;

class RawText {
  constructor(readonly text: string) {}
}

const NS = "org-governance:";
const REGION_KEY = "aws:region";

/** Pulumi hands the program strings: the region as it is, objects and arrays as JSON text. */
export function encodeConfig(document: ConfigDocument): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(document)) {
    if (value === undefined) continue;
    if (value instanceof RawText) raw[key] = value.text;
    else raw[key] = key === REGION_KEY && typeof value === "string" ? value : JSON.stringify(value);
  }
  return raw;
}

function decodeConfig(raw: Record<string, string>): ConfigDocument {
  return Object.fromEntries(
    Object.entries(raw).map(([key, text]) => [key, key === REGION_KEY ? text : JSON.parse(text)]),
  );
}

/** The valid configs every mutation starts from. */
export const BASE_CONFIGS: Record<string, () => ConfigDocument> = {
  // Pulumi.prod.yaml as shipped: every section set.
  "prod-like": () => decodeConfig(readStackConfigFile(PROJECT_DIR, "org-governance", "prod")),
  minimal: () => decodeConfig(stackConfig()),
  "monitoring only": () =>
    decodeConfig(
      stackConfig({
        logArchive: undefined,
        trail: { create: false },
        monitoring: { logGroupName: "aws-controltower/CloudTrailLogs", controls: "all" },
      }),
    ),
};

type Path = readonly string[];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof RawText);
}

/** Every key path of the document, top-level keys first: `["org-governance:logArchive", "objectLock"]`. */
function pathsOf(document: unknown, prefix: Path = []): Path[] {
  if (!isObject(document)) return [];
  return Object.entries(document).flatMap(([key, value]) => [
    [...prefix, key],
    ...pathsOf(value, [...prefix, key]),
  ]);
}

/** A deep copy; raw text stays raw (structuredClone would turn it into a plain object). */
function copyOf(document: ConfigDocument): ConfigDocument {
  return Object.fromEntries(
    Object.entries(document).map(([key, value]) => [
      key,
      value instanceof RawText ? value : structuredClone(value),
    ]),
  );
}

function valueAt(document: ConfigDocument, path: Path): unknown {
  let node: unknown = document;
  for (const key of path) node = isObject(node) ? node[key] : undefined;
  return node;
}

/** A copy with `value` at `path`, creating (or replacing non-objects with) the objects on the way. */
function setIn(document: ConfigDocument, path: Path, value: unknown): ConfigDocument {
  const copy = copyOf(document);
  let node = copy;
  for (const key of path.slice(0, -1)) {
    if (!isObject(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = value;
  return copy;
}

function removeIn(document: ConfigDocument, path: Path): ConfigDocument {
  const copy = copyOf(document);
  const parent = path.length === 1 ? copy : valueAt(copy, path.slice(0, -1));
  if (isObject(parent)) delete parent[path[path.length - 1]];
  return copy;
}

function renameIn(document: ConfigDocument, path: Path, newKey: string): ConfigDocument {
  const copy = copyOf(document);
  const parent = path.length === 1 ? copy : valueAt(copy, path.slice(0, -1));
  const oldKey = path[path.length - 1];
  if (!isObject(parent) || oldKey === newKey) return copy;
  parent[newKey] = parent[oldKey];
  delete parent[oldKey];
  return copy;
}

/** One-character typos, as fingers make them; never the key itself. */
function typo(key: string, kind: number, position: number): string {
  const at = position % Math.max(1, key.length);
  const candidates = [
    key.slice(0, at) + key.slice(at + 1),
    key.slice(0, at) + key[at] + key.slice(at),
    at + 1 < key.length ? key.slice(0, at) + key[at + 1] + key[at] + key.slice(at + 2) : `${key}s`,
    key.slice(0, at) +
      (key[at] === key[at]?.toUpperCase() ? key[at]?.toLowerCase() : key[at]?.toUpperCase()) +
      key.slice(at + 1),
    key.slice(0, at) + "x" + key.slice(at + 1),
  ];
  const typed = candidates[kind % candidates.length];
  return typed === key || typed === "" ? `${key}_` : typed;
}

/** The key path a mutation acts on: one of the document's paths, chosen by an index fast-check draws. */
function pick(paths: readonly Path[], index: number): Path | undefined {
  return paths.length === 0 ? undefined : paths[index % paths.length];
}

/** Typos inside the namespace keep the namespace, so they land in this program's keys. */
function typoOfPath(path: Path, kind: number, position: number): string {
  const key = path[path.length - 1];
  if (path.length === 1 && key.startsWith(NS)) return NS + typo(key.slice(NS.length), kind, position);
  if (path.length === 1 && key === REGION_KEY) return `aws:${typo("region", kind, position)}`;
  return typo(key, kind, position);
}

export interface Mutation {
  readonly kind: string;
  apply(document: ConfigDocument): ConfigDocument;
}

/** A mutation that fast-check prints by its kind and parameters when it reports a counterexample. */
function mutationOf(kind: string, parameters: unknown, apply: Mutation["apply"]): Mutation {
  const mutation = { kind, apply, [fc.toStringMethod]: () => `${kind} ${fc.stringify(parameters)}` };
  return mutation;
}

const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, true, false, 0, -1, "", [], {}, "COMPLIANCE", "365", "cis", "aws:x"),
);
const badNumbers = fc.oneof(
  fc.constantFrom(0, -1, -365, 1.5, 29, 3654, 1e21, Number.MAX_SAFE_INTEGER, -0.5, 2 ** 53 + 2),
  fc.integer({ min: -100_000, max: 100_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const NUMERIC_KEYS: Path[] = [
  [`${NS}logArchive`, "objectLock", "days"],
  [`${NS}logArchive`, "objectLock", "years"],
  [`${NS}logArchive`, "lifecycle", "infrequentAccessAfterDays"],
  [`${NS}logArchive`, "lifecycle", "glacierAfterDays"],
  [`${NS}logArchive`, "lifecycle", "deepArchiveAfterDays"],
  [`${NS}logArchive`, "lifecycle", "expireAfterDays"],
  [`${NS}trail`, "cloudWatchLogs", "retentionDays"],
];

const wrongType = fc.record({ index: fc.nat(), value: anyJson }).map((parameters) =>
  mutationOf("wrong type", parameters, (document) => {
    const path = pick(pathsOf(document), parameters.index);
    return path ? setIn(document, path, parameters.value) : document;
  }),
);

const outOfRange = fc
  .record({ index: fc.nat(), value: badNumbers })
  .map((parameters) =>
    mutationOf("out-of-range number", parameters, (document) =>
      setIn(document, NUMERIC_KEYS[parameters.index % NUMERIC_KEYS.length], parameters.value),
    ),
  );

const typoInKey = fc.record({ index: fc.nat(), kind: fc.nat(), position: fc.nat() }).map((parameters) =>
  mutationOf("typo in a key", parameters, (document) => {
    // Tag keys are the user's own: a typo there is another tag, not a mistake validation could see.
    const keys = pathsOf(document).filter((path) => !(path[0] === `${NS}tags` && path.length > 1));
    const path = pick(keys, parameters.index);
    return path ? renameIn(document, path, typoOfPath(path, parameters.kind, parameters.position)) : document;
  }),
);

const REQUIRED_PATHS: Path[] = [[REGION_KEY], [`${NS}logArchive`], [`${NS}logArchive`, "account"]];

const missingKey = fc.record({ index: fc.nat(), required: fc.boolean() }).map((parameters) =>
  mutationOf("missing key", parameters, (document) => {
    const path = parameters.required
      ? REQUIRED_PATHS[parameters.index % REQUIRED_PATHS.length]
      : pick(pathsOf(document), parameters.index);
    return path ? removeIn(document, path) : document;
  }),
);

const ARCHIVE = `${NS}logArchive`;

/** The log archive section, added with a valid account when a base has none (monitoring only). */
function withArchive(document: ConfigDocument): ConfigDocument {
  return valueAt(document, [ARCHIVE, "account"]) === undefined
    ? setIn(document, [ARCHIVE, "account"], "Log Archive")
    : document;
}

/** Settings that are each valid alone and contradict each other (or S3's own rules) together. */
const CONTRADICTIONS: Record<string, (a: number, b: number, document: ConfigDocument) => ConfigDocument> = {
  "expiry before the Object Lock retention (days)": (a, b, d) =>
    setIn(
      setIn(withArchive(d), [ARCHIVE, "objectLock"], { days: Math.max(a, b) + 1 }),
      [ARCHIVE, "lifecycle"],
      {
        expireAfterDays: Math.min(a, b),
      },
    ),
  "expiry before the Object Lock retention (years)": (a, b, d) => {
    const years = 1 + (a % 10);
    return setIn(setIn(withArchive(d), [ARCHIVE, "objectLock"], { years }), [ARCHIVE, "lifecycle"], {
      expireAfterDays: 1 + (b % (365 * years - 1)),
    });
  },
  "days and years together": (a, b, d) =>
    setIn(withArchive(d), [ARCHIVE, "objectLock"], { days: a, years: 1 + (b % 7) }),
  "Glacier sooner than 30 days after Standard-IA": (a, b, d) =>
    setIn(withArchive(d), [ARCHIVE, "lifecycle"], {
      infrequentAccessAfterDays: 30 + (a % 300),
      glacierAfterDays: 30 + (a % 300) + (b % 30),
    }),
  "Deep Archive not after Glacier": (a, b, d) =>
    setIn(withArchive(d), [ARCHIVE, "lifecycle"], {
      glacierAfterDays: 31 + Math.max(a, b),
      deepArchiveAfterDays: 30 + Math.min(a, b),
    }),
  "expiry not after the last transition": (a, b, d) =>
    setIn(setIn(withArchive(d), [ARCHIVE, "objectLock"], { days: 1 }), [ARCHIVE, "lifecycle"], {
      glacierAfterDays: 31 + Math.max(a, b),
      expireAfterDays: 30 + Math.min(a, b),
    }),
  "no trail and no log group to monitor": (_a, _b, d) =>
    removeIn(setIn(d, [`${NS}trail`, "create"], false), [`${NS}monitoring`, "logGroupName"]),
  "the same insight twice": (_a, _b, d) =>
    setIn(d, [`${NS}trail`, "insights"], ["ApiCallRateInsight", "ApiCallRateInsight"]),
};

const contradiction = fc
  .record({
    scenario: fc.constantFrom(...Object.keys(CONTRADICTIONS)),
    a: fc.integer({ min: 1, max: 4000 }),
    b: fc.integer({ min: 1, max: 4000 }),
  })
  .map(({ scenario, a, b }) =>
    mutationOf(`contradiction: ${scenario}`, { a, b }, (document) =>
      CONTRADICTIONS[scenario](a, b, document),
    ),
  );

const CONTROL_IDS = CONTROLS.map((control) => control.id);
const unknownControl = fc
  .record({
    known: fc.subarray(CONTROL_IDS, { maxLength: 3 }),
    unknown: fc.oneof(
      fc.string({ minLength: 1 }),
      fc.constantFrom(...CONTROL_IDS).map((id) => `${id}-typo`),
      fc.constantFrom("CIS", "All", "cis ", "root"),
    ),
  })
  .filter(({ unknown }) => !CONTROL_IDS.includes(unknown))
  .map((parameters) =>
    mutationOf("unknown control id", parameters, (document) =>
      setIn(document, [`${NS}monitoring`, "controls"], [...parameters.known, parameters.unknown]),
    ),
  );

const badEmail = fc
  .oneof(
    fc.constantFrom("secops", "@example.com", "secops@", "a b@example.com", "secops@@example.com", ""),
    fc.string().filter((text) => !text.includes("@")),
  )
  .map((email) =>
    mutationOf("bad e-mail", email, (document) =>
      setIn(document, [`${NS}monitoring`, "emails"], ["security@example.com", email]),
    ),
  );

const notJsonText = fc
  .record({
    key: fc.constantFrom("logArchive", "trail", "monitoring", "tags", "organization"),
    text: fc.oneof(
      fc.constantFrom("{", '{"account": "Log Archive"', "[1,", "undefined", "NaN", "{'a': 1}", ""),
      fc.string(),
    ),
  })
  .map((parameters) =>
    mutationOf("text that is not the JSON expected", parameters, (document) => ({
      ...document,
      [`${NS}${parameters.key}`]: new RawText(parameters.text),
    })),
  );

const badAccount = fc
  .oneof(
    fc.constantFrom("Management", "111122223333", "Legacy Marketing", "Log Archiv", "   ", "000000000000"),
    fc.string(),
  )
  .map((account) =>
    mutationOf("account that is not an active member", account, (document) =>
      setIn(document, [ARCHIVE, "account"], account),
    ),
  );

const badRegion = fc
  .oneof(fc.constantFrom("Europe", "EU-WEST-1", "eu-west", "eu-west-1a", "", " eu-west-1"), fc.string())
  .map((region) => mutationOf("bad region", region, (document) => ({ ...document, [REGION_KEY]: region })));

const validSetting = <T>(path: Path, values: fc.Arbitrary<T>) =>
  values.map((value) =>
    mutationOf("valid change", { path, value }, (document) => setIn(document, path, value)),
  );

/** Valid changes, so that the sweep also plans many configs that differ from the bases. */
const validChange = fc.oneof(
  validSetting([`${NS}trail`, "cloudWatchLogs", "retentionDays"], fc.constantFrom(...LOG_RETENTION_DAYS)),
  validSetting([`${NS}trail`, "dataEvents", "s3"], fc.constantFrom("none", "WriteOnly", "ReadOnly", "All")),
  validSetting([ARCHIVE, "protect"], fc.boolean()),
  validSetting(
    [ARCHIVE, "objectLock"],
    fc.integer({ min: 1, max: 3650 }).map((days) => ({ days })),
  ),
  validSetting([ARCHIVE, "objectLock", "mode"], fc.constantFrom("GOVERNANCE", "COMPLIANCE")),
  validSetting([REGION_KEY], fc.constantFrom("us-east-1", "eu-central-1", "cn-north-1", "us-gov-west-1")),
  validSetting(
    [`${NS}tags`],
    fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), fc.string({ maxLength: 30 }), { maxKeys: 4 }),
  ),
  validSetting([`${NS}monitoring`, "controls"], fc.constantFrom("cis", "all")),
);

/** Every kind of mutation, weighted so that about one mutated config in ten is still valid. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: wrongType, weight: 4 },
  { arbitrary: outOfRange, weight: 2 },
  { arbitrary: typoInKey, weight: 3 },
  { arbitrary: missingKey, weight: 2 },
  { arbitrary: contradiction, weight: 2 },
  { arbitrary: unknownControl, weight: 1 },
  { arbitrary: badEmail, weight: 1 },
  { arbitrary: notJsonText, weight: 1 },
  { arbitrary: badAccount, weight: 1 },
  { arbitrary: badRegion, weight: 1 },
  { arbitrary: validChange, weight: 4 },
);

export const invalidatingMutation = { contradiction, typoInKey, unknownControl, badEmail };

/** A base config and one to three mutations applied to it in order. */
export const mutatedConfig = fc.record({
  base: fc.constantFrom(...Object.keys(BASE_CONFIGS)),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
});

export function applyMutations(base: string, mutations: readonly Mutation[]): Record<string, string> {
  return encodeConfig(mutations.reduce((document, m) => m.apply(document), BASE_CONFIGS[base]()));
}
