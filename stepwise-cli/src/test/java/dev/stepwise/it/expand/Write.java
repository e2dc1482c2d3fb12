package dev.stepwise.it.expand;

/** The last write to a row: which version made it, and what it wrote. */
record Write(Version by, Value value) {
}
