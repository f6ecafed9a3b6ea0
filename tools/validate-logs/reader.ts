/**
 * What the validation reads from AWS, as an interface: the walk and the verdicts never import an SDK.
 * `aws-reader.ts` implements it with S3 and CloudTrail.
 */
export type FetchedObject =
  | {
      found: true;
      body: AsyncIterable<Uint8Array>;
      /** User metadata (`x-amz-meta-*`), names lower-case without the prefix. */
      metadata: Record<string, string>;
      versionId?: string;
      /** Reads the body to a buffer (digests are small; logs are streamed). */
      bytes(): Promise<Buffer>;
    }
  | {
      found: false;
      /** The delete marker's version id, when the bucket is versioned. */
      versionId?: string;
    };

export interface PublicKeyRecord {
  fingerprint: string;
  /** DER bytes, PKCS#1 or SPKI. */
  value: Uint8Array;
  validFrom?: Date;
  validTo?: Date;
}

export interface ArchiveReader {
  /** Every key under `prefix`, in S3's (lexicographic) order. */
  listKeys(bucket: string, prefix: string): AsyncIterable<string>;
  /** The "folders" directly under `prefix` (`Delimiter: "/"`), each ending with `/`. */
  listFolders(bucket: string, prefix: string): Promise<string[]>;
  getObject(bucket: string, key: string): Promise<FetchedObject>;
  /** CloudTrail's public keys for `region` valid at some time in `[from, to]`. */
  publicKeys(region: string, from: Date, to: Date): Promise<PublicKeyRecord[]>;
}
