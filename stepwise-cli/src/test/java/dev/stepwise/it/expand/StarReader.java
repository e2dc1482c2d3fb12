package dev.stepwise.it.expand;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The v1 instance that reads {@code SELECT *} inside explicit transactions with one prepared
 * statement for its whole life, the shape that meets "cached plan must not change result type"
 * when a column is added or dropped under it. It reads the fixture rows, which nobody writes.
 */
final class StarReader extends Client {

    private final Transition transition;
    private final Ledger ledger;
    private final List<Long> ids;
    private PreparedStatement select;

    StarReader(String name, String url, String user, Transition transition, Ledger ledger, List<Long> ids) {
        super(name, url, user);
        this.transition = transition;
        this.ledger = ledger;
        this.ids = ids;
    }

    @Override
    void operate(Connection c, long n) throws SQLException {
        if (select == null) {
            c.setAutoCommit(false);
            select = c.prepareStatement("SELECT * FROM " + transition.v1().table() + " WHERE id = ?");
        }
        long id = ids.get((int) (n % ids.size()));
        select.setLong(1, id);
        Value expected = transition.seenBy(Version.V1, ledger.last(id));
        try (ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                throw new AssertionError("SELECT * found no order " + id);
            }
            Value read = Value.of(rs.getBigDecimal(transition.v1().amountColumn()));
            if (!Value.of(expected.amount()).matches(read)) {
                throw new AssertionError("SELECT * read " + read + " of order " + id + ", expected " + expected);
            }
        }
        c.commit();
    }
}
