package dev.descent.worker.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.descent.model.message.LossPoint;

class LossCurveRecorderTest {

    @Test
    void shortRunKeepsEveryBatch() {
        LossCurveRecorder recorder = new LossCurveRecorder(3);
        recorder.add(10, 0.3);
        recorder.add(10, 0.2);
        recorder.add(5, 0.1);

        assertEquals(1, recorder.interval());
        assertEquals(List.of(new LossPoint(10, 0.3), new LossPoint(20, 0.2), new LossPoint(25, 0.1)),
                recorder.points());
    }

    @Test
    void longRunAveragesWindowsByImages() {
        LossCurveRecorder recorder = new LossCurveRecorder(1_000);
        assertEquals(10, recorder.interval());
        for (int batch = 0; batch < 1_000; batch++) {
            recorder.add(batch == 999 ? 4 : 8, batch < 10 ? 1.0 : 0.5);
        }
        recorder.add(8, 0.25);

        List<LossPoint> points = recorder.points();
        assertEquals(LossCurveRecorder.TARGET_POINTS + 1, points.size());
        assertEquals(new LossPoint(80, 1.0), points.get(0));
        assertEquals(8 * 999 + 4, points.get(99).images());
        assertEquals(0.5, points.get(99).loss(), 1e-12);
        assertEquals(new LossPoint(8 * 1_000 + 4, 0.25), points.get(100));
    }

    @Test
    void partialWindowWeightsByImages() {
        LossCurveRecorder recorder = new LossCurveRecorder(250);
        recorder.add(30, 1.0);
        recorder.add(10, 0.0);

        assertEquals(3, recorder.interval());
        assertEquals(List.of(new LossPoint(40, 0.75)), recorder.points());
    }
}
