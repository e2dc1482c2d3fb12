package dev.stepwise.postgres.diff;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which type changes autogenerate may put in an expand migration: the widenings, and nothing else. */
class PostgresColumnTypesTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "character varying(20)|character varying(40)|true",
            "character varying(40)|text|true",
            "character(3)|text|true",
            "text|character varying(40)|false",
            "character varying(40)|character varying(20)|false",
            "character varying(10)|character(10)|false",
            "smallint|bigint|true",
            "bigint|integer|false",
            "numeric(12,2)|numeric(14,4)|true",
            "numeric(12,2)|numeric|true",
            "numeric(12,2)|numeric(12,4)|false",
            "numeric|numeric(12,2)|false",
            "real|double precision|true",
            "double precision|real|false",
            "timestamp(3) without time zone|timestamp without time zone|true",
            "timestamp without time zone|timestamp(3) without time zone|false",
            "timestamp without time zone|timestamp with time zone|false",
            "integer|text|false",
            "integer|numeric|false",
            "integer[]|bigint|false",
            "cidr|inet|true"})
    void widens_onlyForTypeChangesThatKeepEveryValue(String from, String to, boolean widens) {
        assertThat(new PostgresColumnTypes().widens(from, to)).isEqualTo(widens);
    }
}
