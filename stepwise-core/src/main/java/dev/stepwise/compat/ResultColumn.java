package dev.stepwise.compat;

/**
 * One column of a statement's result as the server describes it.
 *
 * @param name   the column's label ({@code ?column?} for an unnamed expression)
 * @param origin {@code table.column} when the column is a table's or view's column, else null
 * @param type   how the type is shown: the catalog's exact {@code format_type} (modifier
 *               included, {@code character varying(100)}) for a table's column, the driver's
 *               name with the modifier it decoded ({@code varchar(50)}) for an expression
 * @param driverType the driver's type name with its precision and scale, {@code varchar(100,0)}:
 *               comparable for any column, however it is shown
 */
public record ResultColumn(String name, String origin, String type, String driverType) {

    /** Whether two descriptions of a column name the same type and modifier. */
    public boolean sameTypeAs(ResultColumn other) {
        if (!driverType.equals(other.driverType)) {
            return false;
        }
        // the catalog's text is exact where the driver's precision and scale are not (interval fields, arrays)
        return origin == null || other.origin == null || type.equals(other.type);
    }

    /** How a report names it: {@code orders.note}, or the label of an expression. */
    public String shown() {
        return origin != null ? origin : name;
    }
}
