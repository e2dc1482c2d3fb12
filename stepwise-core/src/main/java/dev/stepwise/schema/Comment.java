package dev.stepwise.schema;

/**
 * A comment on an object, which PostgreSQL identifies by kind and identity
 * ({@code table}, {@code public.orders}; {@code table column}, {@code public.orders.note}).
 */
public record Comment(String objectKind, String identity, String text) {
}
