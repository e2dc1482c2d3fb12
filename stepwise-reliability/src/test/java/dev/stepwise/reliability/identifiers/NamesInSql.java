package dev.stepwise.reliability.identifiers;

import java.util.ArrayList;
import java.util.List;

/**
 * The identifiers a piece of SQL that Stepwise wrote spells out, quoted ones unescaped, read by a
 * lexer of the scenario's own: comments and string literals are skipped, a dollar-quoted body
 * is read as SQL too (a trigger function names columns inside it). A name over 63 bytes here is
 * one PostgreSQL would cut silently.
 */
final class NamesInSql {

    private NamesInSql() {
    }

    static List<String> identifiers(String sql) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                i++;
                while (i < n) {
                    if (sql.charAt(i) == '\'' && i + 1 < n && sql.charAt(i + 1) == '\'') {
                        i += 2;
                    } else if (sql.charAt(i) == '\'') {
                        i++;
                        break;
                    } else {
                        i++;
                    }
                }
            } else if (c == '"') {
                StringBuilder name = new StringBuilder();
                i++;
                while (i < n) {
                    if (sql.charAt(i) == '"' && i + 1 < n && sql.charAt(i + 1) == '"') {
                        name.append('"');
                        i += 2;
                    } else if (sql.charAt(i) == '"') {
                        i++;
                        break;
                    } else {
                        name.append(sql.charAt(i++));
                    }
                }
                out.add(name.toString());
            } else if (c == '$') {
                // a dollar-quote tag ($body$) or a parameter ($1): skipped, the body is read on
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                i = end < n && sql.charAt(end) == '$' ? end + 1 : end;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$')) {
                    i++;
                }
                out.add(sql.substring(start, i));
            } else {
                i++;
            }
        }
        return out;
    }

    /** The identifiers longer than PostgreSQL keeps, each with its length; empty when none. */
    static List<String> overlong(String sql) {
        return overlong(sql, List.of());
    }

    /** The same, leaving out names someone else wrote into the SQL ({@code --using} text is copied as given). */
    static List<String> overlong(String sql, List<String> given) {
        return identifiers(sql).stream().filter(name -> !given.contains(name))
                .filter(name -> HostileNames.bytes(name) > HostileNames.MAX_BYTES)
                .map(name -> name + " (" + HostileNames.bytes(name) + " bytes)").distinct().toList();
    }
}
