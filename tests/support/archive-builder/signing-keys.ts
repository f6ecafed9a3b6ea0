import { createHash, generateKeyPairSync, type KeyObject } from "node:crypto";

/** A test stand-in for one of CloudTrail's regional signing keys. */
export interface SigningKey {
  region: string;
  /** Hex MD5 of the DER public key: 32 hex digits, like `digestPublicKeyFingerprint`. */
  fingerprint: string;
  privateKey: KeyObject;
  /** PKCS#1 `RSAPublicKey` DER, as `ListPublicKeys` returns it. */
  publicDer: Buffer;
  validFrom: Date;
  validTo: Date;
}

const cache = new Map<string, { privateKey: KeyObject; publicDer: Buffer }>();

/**
 * RSA-2048 key number `index` for `region`, generated once per process (key generation is the slow part
 * of building an archive).
 */
export function testSigningKey(region: string, index: number, validFrom: Date, validTo: Date): SigningKey {
  const id = `${region}#${index}`;
  if (!cache.has(id)) {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    cache.set(id, { privateKey, publicDer: publicKey.export({ format: "der", type: "pkcs1" }) });
  }
  const { privateKey, publicDer } = cache.get(id)!;
  return {
    region,
    fingerprint: createHash("md5").update(publicDer).digest("hex"),
    privateKey,
    publicDer,
    validFrom,
    validTo,
  };
}
