import assert from "node:assert/strict";
import {
  FilterPatternSyntaxError,
  compileFilterPattern,
  parseFilterPattern,
  splitDelimitedEvent,
} from "../../../lib/filter-pattern";

// Test vectors are the examples of the CloudWatch Logs user guide, "Filter and Pattern Syntax"
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html, sections
// "OR Pattern Matching" and "Using Metric Filters to Extract Values from Space-Delimited Log Events").
const APACHE = [
  '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 200 1534',
  '127.0.0.1 - frank [10/Oct/2000:13:35:22 -0700] "GET /apache_pb.gif HTTP/1.0" 500 5324',
  '127.0.0.1 - frank [10/Oct/2000:13:50:35 -0700] "GET /apache_pb.gif HTTP/1.0" 200 4355',
];
// The page prints this event with its quotes escaped (\"), as in a JSON string; this is the event itself.
const INDEX_404 = '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /index.html HTTP/1.0" 404 1534';
const WORDS = ["ERROR WARN message", "ERROR message", "WARN message"];

/** Which of `events` the pattern matches, by 1-based position, as the page numbers them. */
function matching(pattern: string, events: readonly string[]): number[] {
  const matcher = compileFilterPattern(pattern);
  assert.equal(matcher.kind, "delimited");
  return events.flatMap((event, i) => (matcher.matchesMessage(event) ? [i + 1] : []));
}

describe("space-delimited filter patterns (CloudWatch Logs user guide, Filter and Pattern Syntax)", () => {
  it('splits an event on spaces, keeping [bracketed] and "quoted" text as one field', () => {
    assert.deepEqual(splitDelimitedEvent(INDEX_404), [
      "127.0.0.1",
      "-",
      "frank",
      "10/Oct/2000:13:25:15 -0700",
      "GET /index.html HTTP/1.0",
      "404",
      "1534",
    ]);
  });

  it("[ip, user, username, timestamp, request, status_code, bytes] names all seven fields", () => {
    assert.deepEqual(
      matching("[ip, user, username, timestamp, request, status_code, bytes]", APACHE),
      [1, 2, 3],
    );
    assert.deepEqual(matching("[ip, user, username, timestamp, request, status_code]", APACHE), []);
  });

  it("an ellipsis stands for the fields you do not name", () => {
    for (const pattern of [
      "[..., status_code, bytes]",
      "[ip, user, ..., status_code, bytes]",
      "[ip, user, ...]",
    ]) {
      assert.deepEqual(matching(pattern, APACHE), [1, 2, 3], pattern);
    }
  });

  it("conditions on fields: numbers, wildcards and equality", () => {
    const all = "[ip, user, username, timestamp, request, status_code";
    assert.deepEqual(matching(`${all}, bytes > 1000]`, APACHE), [1, 2, 3]);
    assert.deepEqual(matching(`${all}, bytes > 5000]`, APACHE), [2]);
    assert.deepEqual(matching(`${all} = 200, bytes]`, APACHE), [1, 3]);
    assert.deepEqual(matching(`${all} = 4*, bytes]`, [...APACHE, INDEX_404]), [4]);
    assert.deepEqual(
      matching("[ip, user, username, timestamp, request = *html*, status_code = 4*, bytes]", [
        ...APACHE,
        INDEX_404,
      ]),
      [4],
    );
  });

  it("&& and || join conditions", () => {
    assert.deepEqual(
      matching("[ip, user, username, timestamp, request, status_code = 403 || status_code = 404, bytes]", [
        ...APACHE,
        INDEX_404,
      ]),
      [4],
    );
    // The page's && example names six fields; the sample events have seven, so it matches none of them.
    assert.deepEqual(
      matching("[ip, user, username, timestamp, request, status_code = 4* && bytes > 1000]", [
        ...APACHE,
        INDEX_404,
      ]),
      [],
    );
    assert.deepEqual(
      matching("[ip, user, username, timestamp, request, status_code = 4* && bytes > 1000, bytes]", [
        ...APACHE,
        INDEX_404,
      ]),
      [4],
    );
  });

  it("[..., request=*.html*, status_code=4*,] matches the page's 404 event, its trailing comma an unnamed field", () => {
    assert.deepEqual(matching("[..., request=*.html*, status_code=4*,]", [...APACHE, INDEX_404]), [4]);
  });

  it("OR pattern matching: [w1=ERROR, w2] and [w1=ERROR || w1=WARN, w2]", () => {
    assert.deepEqual(matching("[w1=ERROR, w2]", WORDS), [2]);
    assert.deepEqual(matching("[w1=ERROR || w1=WARN, w2]", WORDS), [2, 3]);
    // The page says [w1!=ERROR&&w1!=WARN, w2] "matches lines containing both ERROR and WARN (pattern 1)",
    // but pattern 1 has three words for two fields, and the other two start with ERROR or WARN: by the
    // page's own field rules it matches none of them, and a two-word line starting with neither.
    assert.deepEqual(matching("[w1!=ERROR&&w1!=WARN, w2]", [...WORDS, "INFO message"]), [4]);
  });

  it("regexes in fields, at most two per pattern", () => {
    assert.deepEqual(matching("[ip, ..., status_code = %5[0-9]{2}%, bytes]", APACHE), [2]);
    assert.throws(() => parseFilterPattern("[a = %x%, b = %y%, c = %z%]"), /at most 2 regexes/);
  });

  it("refuses malformed patterns with the column and the fix", () => {
    const error = (pattern: string) => {
      try {
        parseFilterPattern(pattern);
      } catch (caught) {
        assert.ok(caught instanceof FilterPatternSyntaxError);
        return caught.message;
      }
      assert.fail(`${pattern} parsed`);
    };
    assert.match(error("[ip, user"), /^column 10: expected ',' or ']' after a field/);
    assert.match(error("[bytes > big]"), /^column 10: expected a number after '>'/);
    assert.match(error("[a = 1 &&]"), /expected a field name after '&&' or '\|\|'/);
    assert.match(error("[a] b"), /expected end of pattern after '\]'/);
  });

  it("matches a CloudTrail record's JSON text as one field, so only a one-field pattern fits it", () => {
    const matcher = compileFilterPattern("[line]");
    assert.equal(matcher.matchesRecord({ a: 1 }), true);
    assert.equal(compileFilterPattern("[a, b]").matchesRecord({ a: 1 }), false);
  });
});
