package dev.stepwise.reliability.input;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Tuple;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws mutants of the corpus: jqwik arbitraries choose the file and the edits (with their edge
 * cases: a cut at byte 0 or at the end, an edit on the first line), and a {@link Random} seeded
 * per mutant drives them, so one seed rebuilds one mutant exactly.
 *
 * <p>Most mutants carry one edit, some a mix of two to four, and some a mix of line endings and
 * a BOM only (which must still read exactly like the original).
 */
final class Mutants {

    /** jqwik's "genSize": how far its arbitraries reach (list sizes, number spread). */
    private static final int GEN_SIZE = 1000;
    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)?\\$");
    private static final byte[][] INVALID_UTF8 = {
            {(byte) 0x80},                                    // a continuation byte with no lead
            {(byte) 0xBF, (byte) 0xBF},
            {(byte) 0xC0, (byte) 0xAF},                       // overlong '/'
            {(byte) 0xC3},                                    // a two-byte lead, cut
            {(byte) 0xE2, (byte) 0x82},                       // a three-byte sequence, cut
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},          // a UTF-16 surrogate
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xEF, (byte) 0xBB},                       // half a BOM
            {(byte) 0xFE}, {(byte) 0xFF}};
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** What a huge line is made of. */
    private enum HugeLine {
        COMMENT, PRINTABLE, STRING_LITERAL, IDENTIFIER, DOLLAR_TAG, NESTED_COMMENT_OPENERS, PARENTHESES
    }

    private enum LineEndingStyle { CRLF, CR, MIXED }

    /** Whether an edit adds its piece or takes an existing one away (or, for bad UTF-8, overwrites a byte). */
    private enum Splice { INSERT, REMOVE }

    private record Recipe(Corpus.File file, List<Edit> edits) {
    }

    private final int hugeLineChars;
    private final RandomGenerator<Recipe> generator;

    /**
     * @param kinds         the kinds of edit to draw from
     * @param hugeLineChars how long a huge line is
     */
    Mutants(List<Corpus.File> files, Set<Mutation> kinds, int hugeLineChars) {
        this.hugeLineChars = hugeLineChars;
        this.generator = Combinators.combine(Arbitraries.of(files), edits(kinds))
                .as(Recipe::new)
                .generator(GEN_SIZE, true);
    }

    /** The mutant of this seed. */
    Mutant draw(long seed) {
        Recipe recipe = generator.next(new Random(seed)).value();
        return Mutant.of(recipe.file(), recipe.edits(), seed);
    }

    private Arbitrary<List<Edit>> edits(Set<Mutation> kinds) {
        List<Arbitrary<? extends Edit>> each = new ArrayList<>();
        kinds.forEach(kind -> each.add(edit(kind)));
        Arbitrary<Edit> any = Arbitraries.oneOf(each);
        List<Arbitrary<? extends Edit>> keeping = new ArrayList<>();
        kinds.stream().filter(Mutation::keepsMeaning).forEach(kind -> keeping.add(edit(kind)));
        Arbitrary<List<Edit>> single = any.map(List::of);
        Arbitrary<List<Edit>> mix = any.list().ofMinSize(2).ofMaxSize(4);
        if (keeping.isEmpty()) {
            return Arbitraries.frequencyOf(Tuple.of(9, single), Tuple.of(3, mix));
        }
        Arbitrary<List<Edit>> keepingMix = Arbitraries.<Edit>oneOf(keeping).list().ofSize(2);
        return Arbitraries.frequencyOf(Tuple.of(9, single), Tuple.of(3, mix), Tuple.of(2, keepingMix));
    }

    private Arbitrary<Edit> edit(Mutation kind) {
        return switch (kind) {
            case TRUNCATED -> position().map(Mutants::truncated);
            case BINARY_GARBAGE -> Combinators.combine(position(), garbage()).as(Mutants::garbage);
            case QUOTE -> quote(Mutation.QUOTE, (byte) '\'');
            case DOUBLE_QUOTE -> quote(Mutation.DOUBLE_QUOTE, (byte) '"');
            case DOLLAR_TAG -> dollarTag();
            case HUGE_LINE -> Combinators.combine(position(), Arbitraries.of(HugeLine.class), Arbitraries.longs())
                    .as(this::hugeLine);
            case INVALID_UTF8 -> Combinators.combine(position(), Arbitraries.of(INVALID_UTF8),
                    Arbitraries.of(Splice.class)).as(Mutants::invalidUtf8);
            case LINE_ENDINGS -> Combinators.combine(Arbitraries.of(LineEndingStyle.class), Arbitraries.longs())
                    .as(Mutants::lineEndings);
            case BOM -> Arbitraries.just(Edit.of(Mutation.BOM, Mutants::bom));
        };
    }

    /** Where in the file, as a fraction of its length (edge cases 0 and 1: its start and its end). */
    private static Arbitrary<Double> position() {
        return Arbitraries.doubles().between(0, 1).ofScale(6);
    }

    private static Arbitrary<byte[]> garbage() {
        Arbitrary<Byte> controls = Arbitraries.of((byte) 0, (byte) 1, (byte) 7, (byte) 8, (byte) 0x0b, (byte) 0x0c,
                (byte) '\r', (byte) 0x1b, (byte) 0x7f);
        return Arbitraries.oneOf(Arbitraries.bytes(), controls).list().ofMinSize(1).ofMaxSize(64).map(list -> {
            byte[] bytes = new byte[list.size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = list.get(i);
            }
            return bytes;
        });
    }

    private static Edit truncated(double where) {
        return Edit.of(Mutation.TRUNCATED, bytes -> {
            int at = FileBytes.at(where, bytes.length);
            return new Edit.Changed(FileBytes.truncate(bytes, at), "cut to " + at + " of " + bytes.length
                    + " bytes (in line " + FileBytes.lineOf(bytes, at) + ")");
        });
    }

    private static Edit garbage(double where, byte[] garbage) {
        return Edit.of(Mutation.BINARY_GARBAGE, bytes -> inserted(bytes, where, garbage,
                garbage.length + " garbage bytes [" + FileBytes.hex(garbage) + "]"));
    }

    private static Arbitrary<Edit> quote(Mutation kind, byte quote) {
        String shown = "`" + (char) quote + "`";
        return Combinators.combine(position(), Arbitraries.of(Splice.class)).as((where, splice) ->
                Edit.of(kind, bytes -> {
                    List<Integer> quotes = FileBytes.offsetsOf(bytes, quote);
                    if (splice == Splice.INSERT || quotes.isEmpty()) {
                        return inserted(bytes, where, new byte[] {quote}, shown);
                    }
                    int at = quotes.get(Math.min(quotes.size() - 1, FileBytes.at(where, quotes.size())));
                    return new Edit.Changed(FileBytes.remove(bytes, at, at + 1),
                            "removed the " + shown + " at byte " + at + " (line " + FileBytes.lineOf(bytes, at) + ")");
                }));
    }

    private static Arbitrary<Edit> dollarTag() {
        return Combinators.combine(position(), Arbitraries.of("$$", "$q$", "$fn$", "$f$", "$body$", "$x1$", "$"),
                Arbitraries.of(Splice.class)).as((where, tag, splice) -> Edit.of(Mutation.DOLLAR_TAG, bytes -> {
                    List<int[]> tags = new ArrayList<>();
                    Matcher m = DOLLAR_TAG.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
                    while (m.find()) {
                        tags.add(new int[] {m.start(), m.end()});
                    }
                    if (splice == Splice.INSERT || tags.isEmpty()) {
                        return inserted(bytes, where, tag.getBytes(StandardCharsets.US_ASCII), "`" + tag + "`");
                    }
                    int[] span = tags.get(Math.min(tags.size() - 1, FileBytes.at(where, tags.size())));
                    return new Edit.Changed(FileBytes.remove(bytes, span[0], span[1]), "removed the dollar tag `"
                            + new String(bytes, span[0], span[1] - span[0], StandardCharsets.ISO_8859_1) + "` at byte "
                            + span[0] + " (line " + FileBytes.lineOf(bytes, span[0]) + ")");
                }));
    }

    private Edit hugeLine(double where, HugeLine shape, long contentSeed) {
        int size = hugeLineChars;
        return Edit.of(Mutation.HUGE_LINE, bytes -> {
            List<Integer> starts = FileBytes.lineStarts(bytes);
            int at = starts.get(Math.min(starts.size() - 1, FileBytes.at(where, starts.size())));
            byte[] line = hugeLine(shape, size, new Random(contentSeed));
            return new Edit.Changed(FileBytes.insert(bytes, at, line), "a line of " + line.length + " bytes ("
                    + shape.name().toLowerCase() + ") before line " + FileBytes.lineOf(bytes, at));
        });
    }

    private static byte[] hugeLine(HugeLine shape, int size, Random random) {
        StringBuilder line = new StringBuilder(size + 32);
        switch (shape) {
            case COMMENT -> line.append("-- ").append(printable(size, random));
            case PRINTABLE -> line.append(printable(size, random));
            case STRING_LITERAL -> line.append("SELECT '").append(letters(size, random)).append("' AS huge;");
            case IDENTIFIER -> line.append(letters(size, random));
            case DOLLAR_TAG -> line.append('$').append(letters(size, random)).append('$');
            case NESTED_COMMENT_OPENERS -> line.append("/*".repeat(size / 2));
            case PARENTHESES -> line.append("SELECT ").append("(".repeat(size));
        }
        return line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String printable(int size, Random random) {
        StringBuilder s = new StringBuilder(size);
        for (int i = 0; i < size; i++) {
            s.append((char) (0x20 + random.nextInt(0x7f - 0x20)));
        }
        return s.toString();
    }

    private static String letters(int size, Random random) {
        StringBuilder s = new StringBuilder(size);
        for (int i = 0; i < size; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    private static Edit invalidUtf8(double where, byte[] sequence, Splice splice) {
        return Edit.of(Mutation.INVALID_UTF8, bytes -> {
            int at = FileBytes.at(where, bytes.length);
            String what = "invalid UTF-8 [" + FileBytes.hex(sequence) + "]";
            if (splice == Splice.INSERT || at == bytes.length) {
                return inserted(bytes, where, sequence, what);
            }
            return new Edit.Changed(FileBytes.insert(FileBytes.remove(bytes, at, at + 1), at, sequence),
                    what + " in place of byte " + at + " (line " + FileBytes.lineOf(bytes, at) + ")");
        });
    }

    private static Edit lineEndings(LineEndingStyle style, long mixSeed) {
        return Edit.of(Mutation.LINE_ENDINGS, bytes -> {
            Random mix = new Random(mixSeed);
            byte[] crlf = {'\r', '\n'};
            byte[] cr = {'\r'};
            byte[] lf = {'\n'};
            FileBytes.LineEnding ending = switch (style) {
                case CRLF -> afterLoneCr -> crlf;
                case CR -> afterLoneCr -> cr;
                case MIXED -> afterLoneCr -> {
                    int choice = mix.nextInt(afterLoneCr ? 2 : 3);
                    return choice == 0 ? crlf : choice == 1 ? cr : lf;
                };
            };
            return new Edit.Changed(FileBytes.withLineEndings(bytes, ending),
                    "line endings " + style.name()
                            + (style == LineEndingStyle.MIXED ? " (mix seed " + mixSeed + ")" : ""));
        });
    }

    private static Edit.Changed bom(byte[] bytes) {
        if (bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2]) {
            return new Edit.Changed(bytes, "a BOM (already there)");
        }
        return new Edit.Changed(FileBytes.insert(bytes, 0, BOM), "a BOM");
    }

    private static Edit.Changed inserted(byte[] bytes, double where, byte[] piece, String what) {
        int at = FileBytes.at(where, bytes.length);
        return new Edit.Changed(FileBytes.insert(bytes, at, piece),
                what + " inserted at byte " + at + " (line " + FileBytes.lineOf(bytes, at) + ")");
    }
}
