package dev.descent.bench.profile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The clock that the profiler reads, in nanoseconds.
 *
 * <p>{@link #CPU} counts the calling thread's CPU time only. With {@code OMP_NUM_THREADS=1} ND4J and oneDNN run
 * every op on the calling thread, so CPU time then covers all the work and, unlike wall time, does not grow while
 * other processes hold the core. With more threads it misses the work of the other threads, so use {@link #WALL}.
 */
enum StepClock {

    /** Elapsed time, {@link System#nanoTime()}. */
    WALL {
        @Override
        long nanos() {
            return System.nanoTime();
        }
    },

    /** The calling thread's CPU time, {@link ThreadMXBean#getCurrentThreadCpuTime()}. */
    CPU {
        @Override
        long nanos() {
            return THREADS.getCurrentThreadCpuTime();
        }
    };

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    abstract long nanos();
}
