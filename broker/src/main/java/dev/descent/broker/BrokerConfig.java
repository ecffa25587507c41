package dev.descent.broker;

import java.nio.file.Path;

/**
 * The folders, ports and heap of a local Kafka broker.
 *
 * @param dataDir the folder for the broker's log segments, KRaft metadata, config and console log; created on demand
 * @param port the PLAINTEXT listener's port on 127.0.0.1
 * @param controllerPort the KRaft CONTROLLER listener's port on 127.0.0.1
 * @param kafkaLib the folder of jars that make up Kafka's classpath (this module's {@code target/kafka-lib})
 * @param heapMegabytes the broker JVM's maximum heap
 */
public record BrokerConfig(Path dataDir, int port, int controllerPort, Path kafkaLib, int heapMegabytes) {

    /** Returns the broker's address for clients, {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }
}
