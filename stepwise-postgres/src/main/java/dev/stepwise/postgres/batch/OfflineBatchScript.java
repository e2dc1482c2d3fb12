package dev.stepwise.postgres.batch;

import dev.stepwise.dialect.BatchRefusedException;
import dev.stepwise.postgres.statement.PostgresIdentifiers;

/**
 * A batched statement as one {@code DO} block for {@code --sql}: without a database to ask, the
 * block finds the table's primary key itself, walks the keys present when it starts in batches
 * of the given size, committing after each (PostgreSQL 11+, outside a transaction block), then
 * makes up to three catch-up passes over rows that still match and fails if their number does
 * not fall, as the runner does.
 */
final class OfflineBatchScript {

    private static final String BODY_TAG = "$stepwise_batch$";
    private static final String TEXT_TAG = "$stepwise_sql$";

    private OfflineBatchScript() {
    }

    static String render(BatchedDml dml, int size, String flag) {
        String table = String.join("", dml.tableTokens);
        String from = (dml.only ? "ONLY " : "") + table;
        String condition = dml.where.isEmpty() ? "true" : BatchedDml.sql(dml.where);
        String change = dml.verb == BatchedDml.Verb.UPDATE
                ? "UPDATE " + dml.target() + " SET " + BatchedDml.sql(dml.set)
                + (dml.from.isEmpty() ? "" : " FROM " + BatchedDml.sql(dml.from)) + " WHERE (" + condition + ")"
                : "DELETE FROM " + dml.target() + (dml.from.isEmpty() ? "" : " USING " + BatchedDml.sql(dml.from))
                + " WHERE (" + condition + ")";
        String matching = "SELECT " + dml.qualifier() + ".* FROM " + from + (dml.alias == null ? "" : " AS " + dml.alias)
                + (dml.from.isEmpty() ? "" : ", " + BatchedDml.sql(dml.from)) + " WHERE (" + condition + ")";
        String count = "SELECT count(*) FROM (" + matching + ") stepwise_matching";
        for (String text : new String[] {change, matching}) {
            if (text.contains(BODY_TAG) || text.contains(TEXT_TAG)) {
                throw new BatchRefusedException("the statement contains " + BODY_TAG + " or " + TEXT_TAG
                        + ", which the offline script uses to quote it");
            }
        }
        // the flag lasts to the next COMMIT: set again in every batch's transaction
        String setFlag = flag == null ? "" : "PERFORM " + PostgresBatchStatement.flagSql(flag).substring("SELECT ".length())
                + "; ";
        String tableLiteral = PostgresIdentifiers.literal(table);
        String qualifier = PostgresIdentifiers.literal(dml.qualifier() + ".");
        String selectFrom = PostgresIdentifiers.literal("SELECT * FROM " + from);
        String selectFromWhere = PostgresIdentifiers.literal("SELECT * FROM " + from + " WHERE (");
        String orderBy = PostgresIdentifiers.literal(" ORDER BY ");
        return "DO " + BODY_TAG + "\n"
                + "DECLARE\n"
                + "  k text; k_desc text; qk text; last_k text; bound_k text;\n"
                + "  last_row " + table + "%ROWTYPE; bound_row " + table + "%ROWTYPE; upper_row " + table + "%ROWTYPE;\n"
                + "  have_last boolean := false; got bigint; remaining bigint; before bigint;\n"
                + "BEGIN\n"
                + "  SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY x.ord),\n"
                + "         string_agg(quote_ident(a.attname) || ' DESC', ', ' ORDER BY x.ord),\n"
                + "         string_agg(" + qualifier + " || quote_ident(a.attname), ', ' ORDER BY x.ord),\n"
                + "         string_agg('($1).' || quote_ident(a.attname), ', ' ORDER BY x.ord),\n"
                + "         string_agg('($2).' || quote_ident(a.attname), ', ' ORDER BY x.ord)\n"
                + "    INTO k, k_desc, qk, last_k, bound_k\n"
                + "    FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS x(attnum, ord)\n"
                + "    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = x.attnum\n"
                + "   WHERE i.indrelid = " + tableLiteral + "::regclass AND i.indisprimary;\n"
                + "  IF k IS NULL THEN\n"
                + "    RAISE EXCEPTION 'stepwise: % has no primary key to walk in batches', " + tableLiteral + ";\n"
                + "  END IF;\n"
                + "  -- the keys present now, in batches of " + size + ", each committed\n"
                + "  EXECUTE " + selectFrom + " || " + orderBy + " || k_desc || ' LIMIT 1' INTO upper_row;\n"
                + "  GET DIAGNOSTICS got = ROW_COUNT;\n"
                + "  WHILE got > 0 LOOP\n"
                + "    EXECUTE " + selectFromWhere + " || k || ') <= (' || bound_k || ')'\n"
                + "      || CASE WHEN have_last THEN ' AND (' || k || ') > (' || last_k || ')' ELSE '' END\n"
                + "      || ' ORDER BY ' || k || ' OFFSET " + (size - 1) + " LIMIT 1' INTO bound_row USING last_row, upper_row;\n"
                + "    GET DIAGNOSTICS got = ROW_COUNT;\n"
                + "    IF got = 0 THEN bound_row := upper_row; END IF;\n"
                + "    " + setFlag + "EXECUTE " + TEXT_TAG + change + TEXT_TAG + "\n"
                + "      || CASE WHEN have_last THEN ' AND (' || qk || ') > (' || last_k || ')' ELSE '' END\n"
                + "      || ' AND (' || qk || ') <= (' || bound_k || ')' USING last_row, bound_row;\n"
                + "    COMMIT;\n"
                + "    last_row := bound_row; have_last := true;\n"
                + "  END LOOP;\n"
                + "  -- rows written meanwhile that still match: up to three catch-up passes\n"
                + "  EXECUTE " + TEXT_TAG + count + TEXT_TAG + " INTO remaining;\n"
                + "  FOR pass IN 1..3 LOOP\n"
                + "    EXIT WHEN remaining = 0;\n"
                + "    -- each pass ends at the largest key when it begins, however fast writers add keys\n"
                + "    EXECUTE " + selectFrom + " || " + orderBy + " || k_desc || ' LIMIT 1' INTO upper_row;\n"
                + "    have_last := false; got := 1;\n"
                + "    WHILE got > 0 LOOP\n"
                + "      EXECUTE " + TEXT_TAG + matching + TEXT_TAG + "\n"
                + "        || ' AND (' || qk || ') <= (' || replace(bound_k, '$2', '$3') || ')'\n"
                + "        || CASE WHEN have_last THEN ' AND (' || qk || ') > (' || last_k || ')' ELSE '' END\n"
                + "        || ' ORDER BY ' || qk || ' OFFSET " + (size - 1) + " LIMIT 1' INTO bound_row\n"
                + "        USING last_row, bound_row, upper_row;\n"
                + "      GET DIAGNOSTICS got = ROW_COUNT;\n"
                + "      IF got = 0 THEN bound_row := upper_row; END IF;\n"
                + "      " + setFlag + "EXECUTE " + TEXT_TAG + change + TEXT_TAG + "\n"
                + "        || CASE WHEN have_last THEN ' AND (' || qk || ') > (' || last_k || ')' ELSE '' END\n"
                + "        || ' AND (' || qk || ') <= (' || bound_k || ')'\n"
                + "        USING last_row, bound_row;\n"
                + "      COMMIT;\n"
                + "      last_row := bound_row; have_last := true;\n"
                + "    END LOOP;\n"
                + "    before := remaining;\n"
                + "    EXECUTE " + TEXT_TAG + count + TEXT_TAG + " INTO remaining;\n"
                + "    IF remaining >= before THEN\n"
                + "      RAISE EXCEPTION 'stepwise: % rows of % still match after a catch-up pass: writers keep adding"
                + " them; set a default or a trigger for new rows first', remaining, " + tableLiteral + ";\n"
                + "    END IF;\n"
                + "  END LOOP;\n"
                + "  IF remaining > 0 THEN\n"
                + "    RAISE EXCEPTION 'stepwise: % rows of % still match after three catch-up passes; set a default or"
                + " a trigger for new rows first', remaining, " + tableLiteral + ";\n"
                + "  END IF;\n"
                + "END " + BODY_TAG;
    }
}
