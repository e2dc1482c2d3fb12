package dev.stepwise.it.expand;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Random;

/**
 * An application instance writing and reading its own lane of orders in autocommit, in turn:
 * insert a new order, update one it wrote, read one back and check it against the ledger.
 */
final class Writer extends Client {

    private final Transition transition;
    private final Version version;
    private final Ledger ledger;
    private final Ledger.Lane lane;
    private final Random random;

    Writer(String name, String url, String user, Transition transition, Version version, Ledger ledger,
           Ledger.Lane lane, long seed) {
        super(name, url, user);
        this.transition = transition;
        this.version = version;
        this.ledger = ledger;
        this.lane = lane;
        this.random = new Random(seed);
    }

    @Override
    void operate(Connection c, long n) throws SQLException {
        Shape shape = transition.shape(version);
        long id = lane.pick(random);
        if (n % 3 == 0 || id < 0) {
            long fresh = lane.nextId();
            Value v = shape.next(random);
            shape.insert(c, fresh, v);
            ledger.record(fresh, new Write(version, v));
        } else if (n % 3 == 1) {
            Value v = shape.next(random);
            shape.update(c, id, v);
            ledger.record(id, new Write(version, v));
        } else {
            Value expected = transition.seenBy(version, ledger.last(id));
            Value read = shape.read(c, id);
            if (!expected.matches(read)) {
                throw new AssertionError(version + " read " + read + " from " + shape + " of order " + id
                        + ", expected " + expected + " (last write " + ledger.last(id) + ")");
            }
        }
    }
}
