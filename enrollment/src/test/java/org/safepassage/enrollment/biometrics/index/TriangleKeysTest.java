package org.safepassage.enrollment.biometrics.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Minutia types in the triangle keys: an enrolled triangle keyed with its three types must still be found by a probe
 * that reports one of them the other way (captures often do), and only then; untyped keys ignore types.
 */
class TriangleKeysTest {
    private static final TriangleParameters UNTYPED = TriangleParameters.defaults();
    private static final TriangleParameters TYPED = new TriangleParameters(UNTYPED.minSide(), UNTYPED.maxSide(),
            UNTYPED.sideBin(), UNTYPED.directionBins(), UNTYPED.orderTolerance(), UNTYPED.multiProbe(),
            UNTYPED.rotationCells(), UNTYPED.translationCell(), UNTYPED.minTriangles(), UNTYPED.votesPerEntry(), true);

    /* One triangle (sides 75, 55.6 and 46 px), sides and directions well inside their bins, so a probe asks one order
       and no neighbouring bin; types as E/B letters. */
    private static TemplateMinutiae triangle(final String types) {
        final boolean[] bifurcation = new boolean[3];
        for (int i = 0; i < 3; i++) {
            bifurcation[i] = types.charAt(i) == 'B';
        }
        return new TemplateMinutiae(new int[] {100, 175, 131}, new int[] {100, 100, 134},
                new double[] {0.3, 1.85, 4.0}, bifurcation);
    }

    private static long enrolledKey(final TriangleParameters parameters, final String types) {
        final long[] keys = new TriangleKeys(parameters).features(triangle(types), false).keys();
        assertEquals(1, keys.length, "one key per enrolled triangle");
        return keys[0];
    }

    private static boolean asks(final TriangleParameters parameters, final String probeTypes, final long key) {
        return Arrays.stream(new TriangleKeys(parameters).features(triangle(probeTypes), true).keys())
                .anyMatch(k -> k == key);
    }

    @Test
    void a_probe_finds_a_typed_triangle_with_its_own_types_or_one_reported_the_other_way() {
        final long enrolled = enrolledKey(TYPED, "EBE");
        assertEquals(4, new TriangleKeys(TYPED).features(triangle("EBE"), true).keys().length, "its own and 3 flips");
        assertTrue(asks(TYPED, "EBE", enrolled));
        for (final String oneFlipped : List.of("BBE", "EEE", "EBB")) {
            assertTrue(asks(TYPED, oneFlipped, enrolled), oneFlipped);
        }
        for (final String twoFlipped : List.of("BEE", "BBB", "EEB", "BEB")) {
            assertFalse(asks(TYPED, twoFlipped, enrolled), twoFlipped);
        }
    }

    @Test
    void typed_keys_tell_types_apart_and_untyped_keys_ignore_them() {
        assertNotEquals(enrolledKey(TYPED, "EBE"), enrolledKey(TYPED, "BBE"));
        assertEquals(enrolledKey(UNTYPED, "EBE"), enrolledKey(UNTYPED, "BBB"));
        assertEquals(enrolledKey(UNTYPED, "EBE"), enrolledKey(TYPED, "EEE") >>> 3, "the same shape, typed");
    }

    @Test
    void a_serialised_template_s_types_are_read_in_minutia_order() throws Exception {
        final byte[] cbor = new CBORMapper().writeValueAsBytes(Map.of("positionsX", new int[] {1, 2, 3},
                "positionsY", new int[] {4, 5, 6}, "directions", new double[] {0.1, 0.2, 0.3}, "types", "BEB"));
        final TemplateMinutiae parsed = TemplateMinutiae.parse(cbor);
        assertArrayEquals(new boolean[] {true, false, true}, parsed.bifurcation());
        assertArrayEquals(new int[] {1, 2, 3}, parsed.x());
    }
}
