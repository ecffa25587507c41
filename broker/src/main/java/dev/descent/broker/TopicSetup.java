package dev.descent.broker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.descent.model.message.Topics;

/** Creates Descent's topics explicitly, since the local broker does not auto-create them. */
public final class TopicSetup {

    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

    /** Partitions of the event and result topics: they carry small messages, so a few suffice. */
    private static final int EVENT_PARTITIONS = 6;

    private TopicSetup() {
    }

    /** Returns the topics every Descent deployment needs, each with replication factor 1. */
    public static List<NewTopic> descentTopics() {
        return List.of(
                new NewTopic(Topics.TRIALS, Topics.TRIAL_PARTITIONS, (short) 1),
                new NewTopic(Topics.TRIAL_EVENTS, EVENT_PARTITIONS, (short) 1),
                new NewTopic(Topics.RESULTS, EVENT_PARTITIONS, (short) 1),
                new NewTopic(Topics.RESULT_LINKS, EVENT_PARTITIONS, (short) 1),
                new NewTopic(Topics.DEAD_LETTER, 1, (short) 1),
                // Compaction keeps the latest record per experiment id, so a worker reading from the start learns
                // every cancellation however old.
                new NewTopic(Topics.CONTROL, 1, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                // Compaction keeps each worker's latest catalog, and drops it after the worker's tombstone, so a
                // reader that starts from the beginning learns every live worker's plug-ins.
                new NewTopic(Topics.WORKER_CATALOGS, 1, (short) 1).configs(Map.of("cleanup.policy", "compact")));
    }

    /** Creates each of {@link #descentTopics()} that does not exist yet; existing topics are left as they are. */
    public static void ensureTopics(String bootstrapServers) {
        Map<String, Object> settings = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(settings)) {
            for (NewTopic topic : descentTopics()) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                    LOG.info("Created topic {} with {} partitions", topic.name(), topic.numPartitions());
                }
                catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name() + " on "
                                + bootstrapServers + ": " + e.getCause(), e.getCause());
                    }
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics on " + bootstrapServers, e);
        }
        catch (TimeoutException e) {
            throw new IllegalStateException("creating topics on " + bootstrapServers + " timed out after 30 s; "
                    + "check that the broker is up", e);
        }
    }
}
