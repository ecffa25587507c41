package dev.descent.model.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * The message mapper converts doubles with Jackson's own code and the canonical mapper with the JDK's. Both must
 * read back the exact double they wrote, and the canonical text must not change, because trial ids hash it.
 */
class JsonNumbersTest {

    private static final TypeReference<List<LossPoint>> POINTS = new TypeReference<>() {
    };

    @Test
    void messagesRoundTripDoublesExactly() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        List<LossPoint> points = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(value)) {
                points.add(new LossPoint(i, value));
            }
        }
        points.add(new LossPoint(1, 1e23));
        points.add(new LossPoint(2, Double.MIN_VALUE));
        points.add(new LossPoint(3, 0.001));

        List<LossPoint> read = Json.messages().readValue(Json.messages().writeValueAsString(points), POINTS);

        assertEquals(points.size(), read.size());
        for (int i = 0; i < points.size(); i++) {
            assertEquals(Double.doubleToLongBits(points.get(i).loss()), Double.doubleToLongBits(read.get(i).loss()),
                    "point " + i);
        }
    }

    @Test
    void canonicalKeepsJdkText() throws Exception {
        // Java 17 prints 1e23 as 9.999999999999999E22, where Jackson's fast writer prints 1.0E23.
        assertEquals(Double.toString(1e23), Json.canonical().writeValueAsString(1e23));
        assertEquals("1.0E23", Json.messages().writeValueAsString(1e23));
    }
}
