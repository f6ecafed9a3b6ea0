import { invalidInput } from "./service-error";

/** The service's limit for every List* operation's MaxResults (API reference: valid range 1-20). */
export const MAX_RESULTS = 20;

interface Cursor {
  listing: string;
  offset: number;
}

function encodeToken(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeToken(token: unknown, listing: string): number {
  if (token === undefined || token === null) return 0;
  let cursor: unknown;
  try {
    cursor = JSON.parse(Buffer.from(String(token), "base64url").toString("utf8"));
  } catch {
    throw invalidInput("The NextToken is not valid.");
  }
  const { listing: tokenListing, offset } = (cursor ?? {}) as Partial<Cursor>;
  if (tokenListing !== listing || !Number.isSafeInteger(offset) || (offset as number) < 1) {
    throw invalidInput("The NextToken does not belong to this request.");
  }
  return offset as number;
}

/** MaxResults as sent, checked against the service's range; the service default when absent. */
export function pageSize(maxResults: unknown): number {
  if (maxResults === undefined || maxResults === null) return MAX_RESULTS;
  if (!Number.isInteger(maxResults) || (maxResults as number) < 1 || (maxResults as number) > MAX_RESULTS) {
    throw invalidInput(
      `1 validation error detected: Value '${String(maxResults)}' at 'maxResults' failed to satisfy constraint: ` +
        `Member must have value between 1 and ${MAX_RESULTS}`,
    );
  }
  return maxResults as number;
}

export interface PageRequest {
  /** Names the listing so a token from another listing is refused. */
  listing: string;
  nextToken: unknown;
  maxResults: unknown;
  /**
   * Start each later page with the previous page's last item, as a service that re-reads its cursor
   * inclusively would.
   */
  repeatLastItem?: boolean;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
  offset: number;
}

/** One page of `items`, with offset-based tokens (so items removed mid-listing shift later pages). */
export function pageOf<T>(items: readonly T[], request: PageRequest): Page<T> {
  const size = pageSize(request.maxResults);
  const offset = decodeToken(request.nextToken, request.listing);
  const start = request.repeatLastItem && offset > 0 ? offset - 1 : offset;
  const end = start + size;
  const page: Page<T> = { items: items.slice(start, end), offset };
  if (end < items.length) page.nextToken = encodeToken({ listing: request.listing, offset: end });
  return page;
}
