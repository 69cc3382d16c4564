package org.safepassage.enrollment.biometrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Minutia;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005MinutiaType;
import com.machinezoo.fingerprintio.iso19794p2v2005.Iso19794p2v2005Template;
import com.machinezoo.sourceafis.FingerprintCompatibility;
import com.machinezoo.sourceafis.FingerprintMatcher;
import com.machinezoo.sourceafis.FingerprintTemplate;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IsoMinutiaRecordTest {
    private static final Logger LOG = Logger.getLogger(IsoMinutiaRecordTest.class.getName());
    private static final double ISO_STEP = 2 * Math.PI / 256;

    private final MinutiaFinger finger = MinutiaFinger.generate(42);
    private final List<SyntheticMinutia> impression = finger.impression(1, MinutiaFinger.Capture.gentle());

    @Nested
    class Format {
        @Test
        void writes_an_iso_19794_2_2005_header_and_one_finger_view() {
            final byte[] record = IsoMinutiaRecord.write(320, 400, impression, 60);
            final ByteBuffer buffer = ByteBuffer.wrap(record);

            assertThat(new String(record, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("FMR\0 20\0");
            assertThat(buffer.getInt(8)).isEqualTo(record.length);
            assertThat(buffer.getShort(14)).isEqualTo((short) 320);
            assertThat(buffer.getShort(16)).isEqualTo((short) 400);
            assertThat(buffer.getShort(18)).isEqualTo((short) 197);
            assertThat(record[22]).isEqualTo((byte) 1);
            assertThat(record[27] & 0xff).isEqualTo(impression.size());
            assertThat(record.length).isEqualTo(24 + 4 + 6 * impression.size() + 2);
        }

        @Test
        void is_read_back_field_by_field_by_a_strict_parser() {
            // FingerprintIO (SourceAFIS's own parser, strict by default) as an independent reading of the bytes.
            final Iso19794p2v2005Template parsed =
                    new Iso19794p2v2005Template(IsoMinutiaRecord.write(320, 400, impression, 60));

            assertThat(parsed.width).isEqualTo(320);
            assertThat(parsed.resolutionX).isEqualTo(197);
            assertThat(parsed.fingerprints).hasSize(1);
            final List<Iso19794p2v2005Minutia> minutiae = parsed.fingerprints.get(0).minutiae;
            assertThat(minutiae).hasSize(impression.size());
            for (int i = 0; i < minutiae.size(); i++) {
                final SyntheticMinutia expected = impression.get(i);
                assertThat(minutiae.get(i).positionX).isEqualTo((int) Math.round(expected.x()));
                assertThat(minutiae.get(i).positionY).isEqualTo((int) Math.round(expected.y()));
                assertThat(minutiae.get(i).angle).isEqualTo(IsoMinutiaRecord.isoAngle(expected.direction()));
                assertThat(minutiae.get(i).type).isEqualTo(expected.type() == SyntheticMinutia.Type.ENDING
                        ? Iso19794p2v2005MinutiaType.ENDING : Iso19794p2v2005MinutiaType.BIFURCATION);
            }
        }

        @Test
        void counts_angles_counter_clockwise_on_screen_in_steps_of_360_256ths() {
            // Image y grows downwards: a minutia pointing to the top of the image points at -90 degrees clockwise.
            assertThat(IsoMinutiaRecord.isoAngle(0)).isZero();
            assertThat(IsoMinutiaRecord.isoAngle(-Math.PI / 2)).isEqualTo(64);
            assertThat(IsoMinutiaRecord.isoAngle(Math.PI)).isEqualTo(128);
            assertThat(IsoMinutiaRecord.isoAngle(Math.PI / 2)).isEqualTo(192);
            assertThat(IsoMinutiaRecord.isoAngle(Math.toRadians(-1.40625))).isEqualTo(1);
        }
    }

    @Nested
    class Import {
        @Test
        void sourceafis_reads_positions_and_directions_as_generated() throws IOException {
            final FingerprintTemplate imported =
                    FingerprintCompatibility.importTemplate(IsoMinutiaRecord.write(320, 400, impression, 60));

            // SourceAFIS keeps its minutiae private; its serialised form lists them (in its own order).
            final JsonNode features = new CBORMapper().readTree(imported.toByteArray());
            final JsonNode xs = features.get("positionsX");
            final JsonNode ys = features.get("positionsY");
            final JsonNode directions = features.get("directions");
            assertThat(xs.size()).isEqualTo(impression.size());
            for (final SyntheticMinutia expected : impression) {
                int found = -1;
                for (int i = 0; i < xs.size(); i++) {
                    if (Math.abs(xs.get(i).asInt() - expected.x()) <= 1.5
                            && Math.abs(ys.get(i).asInt() - expected.y()) <= 1.5) {
                        found = i;
                    }
                }
                assertThat(found).as("minutia at %.0f,%.0f", expected.x(), expected.y()).isNotNegative();
                final double error = Math.abs(Math.IEEEremainder(directions.get(found).asDouble()
                        - expected.direction(), 2 * Math.PI));
                assertThat(error).as("direction error").isLessThanOrEqualTo(ISO_STEP);
            }
        }

        @Test
        void an_impression_rotated_by_30_degrees_still_matches() {
            final List<SyntheticMinutia> turned = MinutiaFinger.rotated(impression, 30);

            final double score = score(impression, turned);

            assertThat(score).isGreaterThan(3 * FingerprintSearch.DEFAULT_THRESHOLD);
        }

        @Test
        void angles_written_the_wrong_way_round_score_far_lower() {
            // A writer that forgot ISO's counter-clockwise convention mirrors every direction. Unrotated templates
            // still agree with each other; once the finger turns, positions and directions turn opposite ways.
            final List<SyntheticMinutia> turned = MinutiaFinger.rotated(impression, 30);

            final double right = score(impression, turned);
            final double wrong = score(mirrored(impression), mirrored(turned));

            LOG.info(String.format(Locale.ROOT, "rotated 30 degrees: %.1f with ISO angles, %.1f mirrored", right,
                    wrong));
            assertThat(wrong).isLessThan(FingerprintSearch.DEFAULT_THRESHOLD).isLessThan(right / 5);
        }

        private static List<SyntheticMinutia> mirrored(final List<SyntheticMinutia> minutiae) {
            return minutiae.stream()
                    .map(m -> new SyntheticMinutia(m.x(), m.y(), -m.direction(), m.type()))
                    .toList();
        }

        private static double score(final List<SyntheticMinutia> enrolled, final List<SyntheticMinutia> probe) {
            return new FingerprintMatcher(FingerprintCompatibility.importTemplate(IsoMinutiaRecord.write(
                            MinutiaFinger.SENSOR_WIDTH, MinutiaFinger.SENSOR_HEIGHT, probe, 60)))
                    .match(FingerprintCompatibility.importTemplate(IsoMinutiaRecord.write(
                            MinutiaFinger.SENSOR_WIDTH, MinutiaFinger.SENSOR_HEIGHT, enrolled, 60)));
        }
    }
}
