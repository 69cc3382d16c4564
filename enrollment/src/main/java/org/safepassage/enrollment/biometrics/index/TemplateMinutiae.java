package org.safepassage.enrollment.biometrics.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.IOException;

/**
 * The minutiae of a serialised SourceAFIS template: positions in pixels (500 DPI) and directions in radians, in
 * SourceAFIS's own convention (image coordinates, y down).
 *
 * <p>SourceAFIS keeps minutiae private; its documented persistent CBOR form lists them as parallel arrays
 * {@code positionsX}, {@code positionsY}, {@code directions}. Reading those is the one stable way to reach them
 * without re-extracting: the same bytes are what the vault stores and the commitment covers.
 */
record TemplateMinutiae(int[] x, int[] y, double[] direction, boolean[] bifurcation) {
    private static final CBORMapper CBOR = new CBORMapper();

    static TemplateMinutiae parse(final byte[] serialized) {
        final JsonNode root;
        try {
            root = CBOR.readTree(serialized);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a SourceAFIS template", e);
        }
        final JsonNode xs = root.path("positionsX");
        final JsonNode ys = root.path("positionsY");
        final JsonNode directions = root.path("directions");
        final String types = root.path("types").asText("");
        final int count = xs.isArray() ? xs.size() : 0;
        if (ys.size() != count || directions.size() != count) {
            throw new IllegalArgumentException("SourceAFIS template with inconsistent minutia arrays");
        }
        final int[] x = new int[count];
        final int[] y = new int[count];
        final double[] direction = new double[count];
        final boolean[] bifurcation = new boolean[count];
        for (int i = 0; i < count; i++) {
            x[i] = xs.get(i).asInt();
            y[i] = ys.get(i).asInt();
            direction[i] = directions.get(i).asDouble();
            bifurcation[i] = i < types.length() && types.charAt(i) == 'B';
        }
        return new TemplateMinutiae(x, y, direction, bifurcation);
    }

    int size() {
        return x.length;
    }
}
