package dev.descent.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

import dev.descent.model.message.Topics;

class BrokerProcessTest {

    @Test
    void startsCreatesTopicsAndRestartsOnSameData() throws Exception {
        BrokerProcess broker = TestBroker.startFresh();
        try {
            long firstPid = broker.pid();
            assertTrue(firstPid > 0, "broker JVM should be running");
            assertEquals(Topics.TRIAL_PARTITIONS, partitions(broker, Topics.TRIALS));

            // A second start on the same folder must reuse the formatted storage and keep the topics.
            broker.stop();
            assertEquals(-1, broker.pid());
            broker.start(Duration.ofSeconds(90));
            assertEquals(Topics.TRIAL_PARTITIONS, partitions(broker, Topics.TRIALS));
            assertTrue(Topics.TRIAL_PARTITIONS >= 12, "workers scale only up to the partition count");
        }
        finally {
            broker.close();
        }
        assertTrue(!java.nio.file.Files.exists(broker.config().dataDir()), "close() should delete temporary data");
    }

    private static int partitions(BrokerProcess broker, String topic) throws Exception {
        Map<String, Object> settings = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.config().bootstrapServers());
        try (Admin admin = Admin.create(settings)) {
            Map<String, TopicDescription> topics = admin.describeTopics(Set.of(topic)).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            return topics.get(topic).partitions().size();
        }
    }
}
