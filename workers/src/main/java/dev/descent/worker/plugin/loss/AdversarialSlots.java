package dev.descent.worker.plugin.loss;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds each trial's {@link AdversarialState} by a key that {@link LossAdversarial} carries in its serialised
 * configuration. The loss cannot hold the state itself: DL4J copies and serialises loss functions with the network's
 * configuration.
 *
 * <p>Thread-safe.
 */
final class AdversarialSlots {

    private static final Map<String, AdversarialState> SLOTS = new ConcurrentHashMap<>();

    private AdversarialSlots() {
    }

    /** Stores a trial's state and returns its new key. */
    static String put(AdversarialState state) {
        String key = UUID.randomUUID().toString();
        SLOTS.put(key, state);
        return key;
    }

    /** Returns the state of a key, if it was not removed. */
    static Optional<AdversarialState> get(String key) {
        return Optional.ofNullable(SLOTS.get(key));
    }

    /** Forgets a trial's state when the trial ends. */
    static void remove(String key) {
        SLOTS.remove(key);
    }
}
