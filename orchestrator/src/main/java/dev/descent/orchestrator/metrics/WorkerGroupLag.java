package dev.descent.orchestrator.metrics;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.descent.model.message.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Computes the consumer lag of the workers' group {@value Topics#WORKER_GROUP} on {@value Topics#TRIALS} with a Kafka
 * {@link Admin} client: the number of trial records that no worker has committed yet.
 *
 * <p>A partition without a committed offset counts all its retained records, because the workers start such a
 * partition from the earliest offset. The same sum is what KEDA's Kafka scaler reads to scale the workers.
 */
@ApplicationScoped
public class WorkerGroupLag {

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    @ConfigProperty(name = "descent.metrics.kafka-timeout", defaultValue = "3s")
    Duration timeout;

    private Admin admin;

    /**
     * Returns the group's total lag on the trials topic.
     *
     * @throws KafkaLagException when the broker does not respond within {@code descent.metrics.kafka-timeout} or
     *     the request fails
     */
    public long totalLag() {
        try {
            return computeLag(admin());
        }
        catch (ExecutionException e) {
            throw new KafkaLagException("reading the offsets of group " + Topics.WORKER_GROUP + " on "
                    + Topics.TRIALS + " from " + bootstrapServers + " failed: " + e.getCause(), e.getCause());
        }
        catch (TimeoutException e) {
            throw new KafkaLagException("reading the offsets of group " + Topics.WORKER_GROUP + " on "
                    + Topics.TRIALS + " from " + bootstrapServers + " timed out after " + timeout, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaLagException("interrupted while reading consumer group offsets", e);
        }
    }

    private long computeLag(Admin client) throws ExecutionException, TimeoutException, InterruptedException {
        long millis = timeout.toMillis();
        TopicDescription topic = client.describeTopics(List.of(Topics.TRIALS)).allTopicNames()
                .get(millis, TimeUnit.MILLISECONDS).get(Topics.TRIALS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        topic.partitions().forEach(partition -> {
            TopicPartition key = new TopicPartition(Topics.TRIALS, partition.partition());
            latest.put(key, OffsetSpec.latest());
            earliest.put(key, OffsetSpec.earliest());
        });
        Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(Topics.WORKER_GROUP)
                .partitionsToOffsetAndMetadata().get(millis, TimeUnit.MILLISECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> ends = client.listOffsets(latest).all()
                .get(millis, TimeUnit.MILLISECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> starts = client.listOffsets(earliest).all()
                .get(millis, TimeUnit.MILLISECONDS);
        long lag = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : ends.entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            long position = offset != null ? offset.offset() : starts.get(end.getKey()).offset();
            lag += Math.max(0, end.getValue().offset() - position);
        }
        return lag;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Properties properties = new Properties();
            properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "descent-orchestrator-metrics");
            properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            admin = Admin.create(properties);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }
}
