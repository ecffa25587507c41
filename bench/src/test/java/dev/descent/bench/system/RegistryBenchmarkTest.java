package dev.descent.bench.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RegistryBenchmarkTest {

    @Test
    void pollDelayFollowsRemainingTime() {
        // Nothing stored yet: a fixed first delay.
        assertEquals(250, RegistryBenchmark.pollDelayMillis(0, 10_000, 1_000_000_000L));
        // 1,000 of 10,000 in 1 s: 9 s remain, and a third of that is capped at 1 s.
        assertEquals(1000, RegistryBenchmark.pollDelayMillis(1_000, 10_000, 1_000_000_000L));
        // 9,900 of 10,000 in 3 s: about 30 ms remain, so the floor of 50 ms applies.
        assertEquals(50, RegistryBenchmark.pollDelayMillis(9_900, 10_000, 3_000_000_000L));
        // 5,000 of 6,000 in 5 s: 1 s remains, and a third of it is 333 ms.
        assertEquals(333, RegistryBenchmark.pollDelayMillis(5_000, 6_000, 5_000_000_000L));
    }
}
