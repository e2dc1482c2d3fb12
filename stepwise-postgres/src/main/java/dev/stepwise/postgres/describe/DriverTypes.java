package dev.stepwise.postgres.describe;

/**
 * How an expression's type is shown from what pgjdbc decodes of its modifier (its precision and
 * scale); a table's column is shown by the catalog instead, exactly.
 */
final class DriverTypes {

    /** pgjdbc's precision for a character type without a length. */
    private static final int UNBOUNDED = 10_485_760;

    /** pgjdbc's scale for a time type without a precision. */
    private static final int DEFAULT_FRACTION = 6;

    private DriverTypes() {
    }

    static String shown(String typeName, int precision, int scale) {
        switch (typeName) {
            case "varchar", "bpchar", "bit", "varbit":
                return precision > 0 && precision < UNBOUNDED ? typeName + "(" + precision + ")" : typeName;
            case "numeric":
                return precision > 0 ? typeName + "(" + precision + "," + scale + ")" : typeName;
            case "time", "timetz", "timestamp", "timestamptz", "interval":
                return scale != DEFAULT_FRACTION ? typeName + "(" + scale + ")" : typeName;
            default:
                return typeName;
        }
    }
}
