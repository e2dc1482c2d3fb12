package dev.stepwise.backfill;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a batched statement has got to, stored in its step's history row in each batch's own
 * transaction, so a killed run resumes after the last committed batch.
 *
 * @param pass      0 while walking the keys present at the start, 1 to 3 for the catch-up passes
 * @param last      the last key done in this pass (one string per key column), or null before the first batch
 * @param upTo      the largest key when the pass began: where it ends, so writers adding keys
 *                  cannot keep a pass going; null when the table was empty
 * @param remaining rows that still matched when this catch-up pass began (-1 in pass 0)
 * @param keysDone  keys covered in this pass
 * @param rows      rows changed, all passes together
 * @param batches   batches committed, all passes together
 */
public record BatchCursor(int pass, List<String> last, List<String> upTo, long remaining, long keysDone, long rows,
                          long batches) {

    public BatchCursor {
        last = last == null ? null : List.copyOf(last);
        upTo = upTo == null ? null : List.copyOf(upTo);
    }

    /** The start of a walk up to {@code upTo} (null for an empty table). */
    public static BatchCursor start(List<String> upTo) {
        return new BatchCursor(0, null, upTo, -1, 0, 0, 0);
    }

    /** After one more batch of this pass. */
    public BatchCursor after(List<String> bound, long keys, long changed) {
        return new BatchCursor(pass, bound, upTo, remaining, keysDone + keys, rows + changed, batches + 1);
    }

    /** The start of the next catch-up pass, with the rows that still match and the largest key now. */
    public BatchCursor nextPass(long stillMatching, List<String> largestKey) {
        return new BatchCursor(pass + 1, null, largestKey, stillMatching, 0, rows, batches);
    }

    /** The text stored in the history row. */
    public String encode() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("v", "1");
        fields.put("pass", String.valueOf(pass));
        fields.put("remaining", String.valueOf(remaining));
        fields.put("keys", String.valueOf(keysDone));
        fields.put("rows", String.valueOf(rows));
        fields.put("batches", String.valueOf(batches));
        if (last != null) {
            fields.put("last", key(last));
        }
        if (upTo != null) {
            fields.put("upto", key(upTo));
        }
        StringBuilder text = new StringBuilder();
        fields.forEach((k, v) -> text.append(text.length() == 0 ? "" : "&").append(k).append('=').append(v));
        return text.toString();
    }

    /** The cursor a history row stored, or null when it stored none (or not a batch cursor). */
    public static BatchCursor decode(String text) {
        if (text == null || !text.startsWith("v=1&")) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return new BatchCursor(Integer.parseInt(fields.get("pass")), keyOf(fields.get("last")), keyOf(fields.get("upto")),
                Long.parseLong(fields.get("remaining")), Long.parseLong(fields.get("keys")),
                Long.parseLong(fields.get("rows")), Long.parseLong(fields.get("batches")));
    }

    private static String key(List<String> values) {
        List<String> encoded = new ArrayList<>();
        for (String v : values) {
            // primary-key values are never null
            encoded.add(URLEncoder.encode(v, StandardCharsets.UTF_8));
        }
        return String.join(",", encoded);
    }

    private static List<String> keyOf(String text) {
        if (text == null) {
            return null;
        }
        return Arrays.stream(text.split(",", -1)).map(v -> URLDecoder.decode(v, StandardCharsets.UTF_8)).toList();
    }
}
