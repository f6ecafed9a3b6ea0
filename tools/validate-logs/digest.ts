import { createHash, createPublicKey, createVerify, type KeyObject } from "node:crypto";
import { z } from "zod";

/**
 * A digest file as CloudTrail writes it ("CloudTrail digest file structure"). Only the fields the
 * validation reads are required; the rest pass through.
 */
const logFileEntry = z.looseObject({
  s3Bucket: z.string().min(1),
  s3Object: z.string().min(1),
  hashValue: z.string().regex(/^[0-9a-f]{64}$/i, "hex SHA-256"),
  hashAlgorithm: z.string().optional(),
});

const digestSchema = z.looseObject({
  awsAccountId: z.string(),
  digestStartTime: z.string(),
  digestEndTime: z.string(),
  digestS3Bucket: z.string(),
  digestS3Object: z.string(),
  digestPublicKeyFingerprint: z.string(),
  digestSignatureAlgorithm: z.string().optional(),
  previousDigestS3Bucket: z.string().nullable(),
  previousDigestS3Object: z.string().nullable(),
  previousDigestHashValue: z.string().nullable(),
  previousDigestHashAlgorithm: z.string().nullable().optional(),
  previousDigestSignature: z.string().nullable(),
  logFiles: z.array(logFileEntry),
});

export type DigestDocument = z.infer<typeof digestSchema>;
export type LogFileEntry = z.infer<typeof logFileEntry>;

/** The only algorithm CloudTrail signs digests with ("Custom implementations of ... validation"). */
export const SIGNATURE_ALGORITHM = "SHA256withRSA";

export type ParsedDigest = { ok: true; digest: DigestDocument } | { ok: false; reason: string };

/** Parses the uncompressed digest; a reason (one line) when it is not a digest document. */
export function parseDigest(uncompressed: Buffer): ParsedDigest {
  let json: unknown;
  try {
    json = JSON.parse(uncompressed.toString("utf8"));
  } catch {
    return { ok: false, reason: "not JSON" };
  }
  const result = digestSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    return {
      ok: false,
      reason: `not a digest document (${issue.path.join(".") || "root"}: ${issue.message})`,
    };
  }
  return { ok: true, digest: result.data };
}

export function sha256Hex(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * The data-signing string ("Custom implementations of CloudTrail log file integrity validation"):
 * digest end time, `bucket/key`, hex SHA-256 of the uncompressed digest, and the previous digest's hex
 * signature, or `null` for the first digest of a chain; joined by newlines.
 */
export function stringToSign(digest: DigestDocument, uncompressed: Buffer): string {
  return [
    digest.digestEndTime,
    `${digest.digestS3Bucket}/${digest.digestS3Object}`,
    sha256Hex(uncompressed),
    digest.previousDigestSignature ?? "null",
  ].join("\n");
}

/**
 * A public key as `ListPublicKeys` returns it: DER, PKCS#1 `RSAPublicKey` (what CloudTrail serves) or
 * SPKI `SubjectPublicKeyInfo`. Undefined when it is neither.
 */
export function publicKeyFromDer(der: Uint8Array): KeyObject | undefined {
  for (const type of ["pkcs1", "spki"] as const) {
    try {
      return createPublicKey({ key: Buffer.from(der), format: "der", type });
    } catch {
      // try the next encoding
    }
  }
  return undefined;
}

/** SHA256withRSA (PKCS#1 v1.5) over the string to sign, with the hex signature from the object metadata. */
export function verifyDigestSignature(
  digest: DigestDocument,
  uncompressed: Buffer,
  signatureHex: string,
  key: KeyObject,
): boolean {
  if (!/^(?:[0-9a-f]{2})+$/i.test(signatureHex)) return false;
  return createVerify("RSA-SHA256")
    .update(stringToSign(digest, uncompressed))
    .verify(key, Buffer.from(signatureHex, "hex"));
}
