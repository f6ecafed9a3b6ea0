import { createHash, randomUUID } from "node:crypto";

export interface StoredVersion {
  versionId: string;
  /** Absent for a delete marker. */
  body?: Buffer;
  metadata: Record<string, string>;
  etag: string;
  lastModified: Date;
}

/** A versioned bucket's objects in memory: every put and delete adds a version, as S3 versioning does. */
export class VersionedBucket {
  private readonly versions = new Map<string, StoredVersion[]>();
  private sorted: string[] | undefined;

  constructor(readonly name: string) {}

  put(key: string, body: Buffer, metadata: Record<string, string> = {}): StoredVersion {
    const version: StoredVersion = {
      versionId: randomUUID().replace(/-/g, ""),
      body,
      metadata,
      etag: createHash("md5").update(body).digest("hex"),
      lastModified: new Date(),
    };
    this.add(key, version);
    return version;
  }

  /** DeleteObject without a version id: a delete marker becomes the current version. */
  delete(key: string): StoredVersion {
    const marker: StoredVersion = {
      versionId: randomUUID().replace(/-/g, ""),
      metadata: {},
      etag: "",
      lastModified: new Date(),
    };
    this.add(key, marker);
    return marker;
  }

  /** The current version (possibly a delete marker), or a given one. */
  get(key: string, versionId?: string): StoredVersion | undefined {
    const versions = this.versions.get(key);
    if (!versions) return undefined;
    return versionId === undefined ? versions.at(-1) : versions.find((v) => v.versionId === versionId);
  }

  versionsOf(key: string): readonly StoredVersion[] {
    return this.versions.get(key) ?? [];
  }

  /** Keys whose current version is an object (not a delete marker), in S3's order. */
  currentKeys(): string[] {
    if (!this.sorted) {
      this.sorted = [...this.versions.entries()]
        .filter(([, versions]) => versions.at(-1)!.body !== undefined)
        .map(([key]) => key)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    }
    return this.sorted;
  }

  private add(key: string, version: StoredVersion): void {
    const versions = this.versions.get(key) ?? [];
    versions.push(version);
    this.versions.set(key, versions);
    this.sorted = undefined;
  }
}
