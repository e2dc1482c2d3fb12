package dev.stepwise.reliability.input;

import java.util.function.Function;

/** One change to a file's bytes, of one {@link Mutation} kind, saying what it did. */
interface Edit {

    /** The bytes after the change, and where and how they changed, for a failure message. */
    record Changed(byte[] bytes, String description) {
    }

    Mutation kind();

    Changed apply(byte[] bytes);

    static Edit of(Mutation kind, Function<byte[], Changed> change) {
        return new Edit() {
            @Override
            public Mutation kind() {
                return kind;
            }

            @Override
            public Changed apply(byte[] bytes) {
                return change.apply(bytes);
            }

            @Override
            public String toString() {
                return kind.word();
            }
        };
    }
}
