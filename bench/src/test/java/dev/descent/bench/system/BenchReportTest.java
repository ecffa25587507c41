package dev.descent.bench.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BenchReportTest {

    @Test
    void smallFractionsKeepFourDigits() {
        assertEquals(0.007823, BenchReport.reported(0.0078231234));
        assertEquals(-0.01235, BenchReport.reported(-0.012345678));
        assertEquals(0.0, BenchReport.reported(0.0));
    }

    @Test
    void largerValuesKeepTwoDecimals() {
        assertEquals(2183.46, BenchReport.reported(2183.4567));
        assertEquals(1.0, BenchReport.reported(0.99999));
        assertEquals(Double.NaN, BenchReport.reported(Double.NaN));
    }
}
