/**
 * Tampering with a built archive, as an attacker (or an accident) would: each function changes one
 * object in a store the way the named attack does. The store is the loopback S3 endpoint's bucket
 * (every change a new version) or anything with the same three methods.
 */
import { generateKeyPairSync, createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { type BuiltArchive, buildLogKey, logContent, signDigest, type SigningKey } from "./index";

export interface MutableStore {
  put(key: string, body: Buffer, metadata?: Record<string, string>): unknown;
  delete(key: string): unknown;
  get(key: string): { body?: Buffer; metadata: Record<string, string> } | undefined;
}

function current(store: MutableStore, key: string): { body: Buffer; metadata: Record<string, string> } {
  const object = store.get(key);
  if (!object?.body) throw new Error(`mutation: no object ${key}`);
  return { body: object.body, metadata: object.metadata };
}

/** Changes one record of a log file and writes it back as a valid single-member gzip. */
export function modifyLog(store: MutableStore, key: string): void {
  const { body, metadata } = current(store, key);
  const text = gunzipSync(body).toString("utf8").replace("ListBuckets", "ListBucketz");
  store.put(key, gzipSync(text), metadata);
}

/** Appends a second gzip member with an injected record; the first member is untouched. */
export function appendGzipMember(store: MutableStore, key: string): void {
  const { body, metadata } = current(store, key);
  const injected = gzipSync(
    JSON.stringify({ Records: [{ eventName: "ConsoleLogin", sourceIPAddress: "203.0.113.66" }] }),
  );
  store.put(key, Buffer.concat([body, injected]), metadata);
}

/** Cuts the file short, as an interrupted copy would. */
export function truncateGzip(store: MutableStore, key: string): void {
  const { body, metadata } = current(store, key);
  store.put(key, body.subarray(0, Math.floor(body.length / 2)), metadata);
}

export function deleteObject(store: MutableStore, key: string): void {
  store.delete(key);
}

/** Writes a log file no digest lists, named as CloudTrail would name it. Returns its key. */
export function injectLog(
  store: MutableStore,
  archive: BuiltArchive,
  accountId: string,
  region: string,
  delivered: Date,
): string {
  const key = buildLogKey(archive.spec, accountId, region, delivered, "INJECTED0000000x");
  store.put(key, gzipSync(logContent(accountId, region, delivered, 1, "injected")));
  return key;
}

/** Edits the digest's JSON and writes it back with its original signature metadata. */
export function editDigest(
  store: MutableStore,
  key: string,
  edit: (document: Record<string, unknown>) => void,
): void {
  const { body, metadata } = current(store, key);
  const document = JSON.parse(gunzipSync(body).toString("utf8")) as Record<string, unknown>;
  edit(document);
  store.put(key, gzipSync(JSON.stringify(document)), metadata);
}

/** Replaces the digest's content with bytes that are not JSON, keeping its metadata. */
export function corruptDigest(store: MutableStore, key: string): void {
  const { metadata } = current(store, key);
  store.put(key, gzipSync("this is not JSON {"), metadata);
}

/** Replaces the `signature` metadata with a well-formed signature nobody made (a forger's guess). */
export function forgeSignature(store: MutableStore, key: string): void {
  const { body, metadata } = current(store, key);
  const forged = createHash("sha512")
    .update(metadata.signature ?? "")
    .digest("hex")
    .repeat(4);
  store.put(key, body, { ...metadata, signature: forged });
}

export function stripSignatureMetadata(store: MutableStore, key: string): void {
  const { body } = current(store, key);
  store.put(key, body, {});
}

/**
 * Re-signs the digest with a key CloudTrail never published, naming that key's fingerprint: the
 * signature is sound, but nothing vouches for the key.
 */
export function signWithUnknownKey(store: MutableStore, key: string, region: string): void {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const publicDer = publicKey.export({ format: "der", type: "pkcs1" });
  const unknown: SigningKey = {
    region,
    fingerprint: createHash("md5").update(publicDer).digest("hex"),
    privateKey,
    publicDer,
    validFrom: new Date(0),
    validTo: new Date(0),
  };
  const { body, metadata } = current(store, key);
  const document = JSON.parse(gunzipSync(body).toString("utf8")) as Record<string, unknown>;
  document.digestPublicKeyFingerprint = unknown.fingerprint;
  const json = JSON.stringify(document);
  store.put(key, gzipSync(json), { ...metadata, signature: signDigest(document, json, unknown) });
}
