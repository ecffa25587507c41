package dev.descent.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import dev.descent.broker.TopicSetup;
import dev.descent.model.message.Topics;
import dev.descent.worker.WorkerConfig;
import dev.descent.worker.WorkerEnvironment;
import dev.descent.worker.metrics.MetricsPort;
import dev.descent.worker.metrics.MetricsPortEnvironment;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * Renders each Kustomize overlay with kubectl, parses every object into the fabric8 Kubernetes or Strimzi model
 * (failing on undeclared fields), and cross-checks the objects with the services' configuration.
 */
class ManifestTest {

    private static final String NAMESPACE = "descent";
    private static final String KAFKA = "descent-kafka";
    private static final String WORKER = "descent-worker";
    private static final Map<String, String> SERVICES = Map.of(
            "descent-orchestrator", "orchestrator",
            "descent-registry", "registry");

    /** Kinds the overlays may render, each with the typed model it is parsed into; ScaledObject has no model. */
    private static final Map<String, Class<?>> MODELS = Map.of(
            "Namespace", Namespace.class,
            "Secret", Secret.class,
            "Service", Service.class,
            "Deployment", Deployment.class,
            "StatefulSet", StatefulSet.class,
            "PodDisruptionBudget", PodDisruptionBudget.class,
            "Kafka", Kafka.class,
            "KafkaNodePool", KafkaNodePool.class,
            "KafkaTopic", KafkaTopic.class);

    /** The ScaledObject spec fields and kafka trigger metadata keys that keda.sh documents for KEDA 2.13 and later. */
    private static final Set<String> KEDA_SPEC_FIELDS = Set.of("scaleTargetRef", "pollingInterval",
            "cooldownPeriod", "initialCooldownPeriod", "idleReplicaCount", "minReplicaCount", "maxReplicaCount",
            "fallback", "advanced", "triggers");
    private static final Set<String> KEDA_KAFKA_METADATA = Set.of("bootstrapServers", "consumerGroup", "topic",
            "lagThreshold", "activationLagThreshold", "offsetResetPolicy", "allowIdleConsumers",
            "scaleToZeroOnInvalidOffset", "excludePersistentLag", "limitToPartitionsWithLag", "version",
            "partitionLimitation", "sasl", "tls", "unsafeSsl");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "gpu"})
    void everyObjectParsesIntoItsModel(String overlay) throws Exception {
        RenderedOverlay rendered = RenderedOverlay.render(overlay);
        Set<String> kinds = rendered.objects().stream().map(object -> Maps.string(object, "kind"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("Deployment", "Kafka", "KafkaNodePool", "KafkaTopic", "Namespace",
                "PodDisruptionBudget", "ScaledObject", "Secret", "Service", "StatefulSet")), kinds);
        for (Map<String, Object> object : rendered.objects()) {
            String kind = Maps.string(object, "kind");
            String name = Maps.string(object, "metadata", "name");
            assertNotNull(name, kind + " without metadata.name");
            if (!kind.equals("Namespace")) {
                assertEquals(NAMESPACE, Maps.string(object, "metadata", "namespace"), kind + " " + name);
            }
            if (kind.equals("ScaledObject")) {
                continue;
            }
            Object model = rendered.typed(object, MODELS.get(kind));
            assertEquals(List.of(), UnknownFields.in(model), "fields that " + MODELS.get(kind).getSimpleName()
                    + " does not declare, in " + kind + " " + name);
            assertEquals(object.get("apiVersion"), ((HasMetadata) model).getApiVersion(), kind + " " + name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "gpu"})
    void kafkaRunsKraftWithNodePool(String overlay) throws Exception {
        RenderedOverlay rendered = RenderedOverlay.render(overlay);
        Kafka kafka = rendered.typed(rendered.get("Kafka", KAFKA), Kafka.class);
        assertEquals("enabled", kafka.getMetadata().getAnnotations().get("strimzi.io/kraft"));
        assertEquals("enabled", kafka.getMetadata().getAnnotations().get("strimzi.io/node-pools"));
        assertEquals(1, rendered.ofKind("KafkaNodePool").size());
        KafkaNodePool pool = rendered.typed(rendered.ofKind("KafkaNodePool").get(0), KafkaNodePool.class);
        assertEquals(KAFKA, pool.getMetadata().getLabels().get("strimzi.io/cluster"));
        assertTrue(pool.getSpec().getRoles().contains(ProcessRoles.CONTROLLER), "roles " + pool.getSpec().getRoles());
        assertTrue(pool.getSpec().getRoles().contains(ProcessRoles.BROKER), "roles " + pool.getSpec().getRoles());
        assertNotNull(kafka.getSpec().getEntityOperator().getTopicOperator(), "KafkaTopics need the topic operator");
        assertNotNull(bootstrap(kafka));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "gpu"})
    void topicsMatchTopicSetup(String overlay) throws Exception {
        RenderedOverlay rendered = RenderedOverlay.render(overlay);
        Map<String, KafkaTopic> rendereds = new TreeMap<>();
        for (Map<String, Object> object : rendered.ofKind("KafkaTopic")) {
            KafkaTopic topic = rendered.typed(object, KafkaTopic.class);
            assertEquals(KAFKA, topic.getMetadata().getLabels().get("strimzi.io/cluster"), topic.getSpec().getTopicName());
            rendereds.put(topic.getSpec().getTopicName(), topic);
        }
        Map<String, NewTopic> expected = new TreeMap<>();
        for (NewTopic topic : TopicSetup.descentTopics()) {
            expected.put(topic.name(), topic);
        }
        assertEquals(expected.keySet(), rendereds.keySet(), "KafkaTopic names against TopicSetup.descentTopics()");
        assertEquals(topicConstants(), rendereds.keySet(), "KafkaTopic names against the topic constants in Topics");
        for (NewTopic topic : expected.values()) {
            KafkaTopic actual = rendereds.get(topic.name());
            assertEquals(topic.numPartitions(), actual.getSpec().getPartitions(), topic.name() + " partitions");
            Map<String, String> configs = new TreeMap<>();
            if (actual.getSpec().getConfig() != null) {
                actual.getSpec().getConfig().forEach((key, value) -> configs.put(key, String.valueOf(value)));
            }
            Map<String, String> expectedConfigs = topic.configs() == null ? Map.of() : new TreeMap<>(topic.configs());
            assertEquals(expectedConfigs, configs, topic.name() + " configs");
        }
        assertEquals(Topics.TRIAL_PARTITIONS, rendereds.get(Topics.TRIALS).getSpec().getPartitions());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "gpu"})
    void servicesMatchTheirConfiguration(String overlay) throws Exception {
        RenderedOverlay rendered = RenderedOverlay.render(overlay);
        String bootstrap = bootstrap(rendered.typed(rendered.get("Kafka", KAFKA), Kafka.class));
        Map<String, Secret> secrets = secrets(rendered);
        for (Map.Entry<String, String> entry : SERVICES.entrySet()) {
            String name = entry.getKey();
            String module = entry.getValue();
            Deployment deployment = rendered.typed(rendered.get("Deployment", name), Deployment.class);
            Container container = onlyContainer(deployment.getSpec().getTemplate().getSpec(), name);
            Map<String, String> environment = environment(container, secrets, name);
            Path properties = RenderedOverlay.rootDir().resolve(module).resolve("src/main/resources/application.properties");
            ServiceConfig config = ServiceConfig.of(properties, environment);

            for (String variable : environment.keySet()) {
                assertNotNull(config.keyFor(variable), name + ": " + variable + " sets no property of " + properties
                        + " nor any of " + ServiceConfig.QUARKUS_KEYS);
            }
            int httpPort = Integer.parseInt(config.value("quarkus.http.port"));
            assertEquals(httpPort, containerPort(container, "http"), name + " container port http");
            assertEquals(bootstrap, config.value("kafka.bootstrap.servers"), name + " kafka.bootstrap.servers");
            assertEquals("true", config.value("quarkus.datasource.postgres.active"), name + " uses PostgreSQL");
            assertEquals("false", config.value("quarkus.datasource.h2.active"), name + " does not use H2");
            assertEquals(environment.get("DESCENT_POSTGRES_URL"), config.value("quarkus.datasource.postgres.jdbc.url"));
            assertTrue(config.value("quarkus.datasource.postgres.jdbc.url")
                    .startsWith("jdbc:postgresql://descent-postgres:5432/"), name + " points at the postgres Service");
            assertEquals(sampleSecret("descent-postgres", "password"),
                    config.value("quarkus.datasource.postgres.password"), name + " reads the password from the Secret");
            assertEquals("true", config.value("quarkus.log.console.json.enabled"), name + " logs JSON");

            assertEquals(config.value("quarkus.container-image.group") + "/" + config.value("quarkus.container-image.name")
                    + ":" + System.getProperty("descent.version"), container.getImage(), name + " image");

            assertProbe(container.getLivenessProbe(), "/q/health/live", name);
            assertProbe(container.getReadinessProbe(), "/q/health/ready", name);
            assertResources(container, name);
            Service service = rendered.typed(rendered.get("Service", name), Service.class);
            assertEquals(deployment.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                    .containsAll(service.getSpec().getSelector().entrySet()), true, name + " Service selects its pods");
            ServicePort port = service.getSpec().getPorts().get(0);
            assertEquals(httpPort, port.getPort(), name + " Service port");
            assertEquals("http", port.getTargetPort().getStrVal(), name + " Service targetPort");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "gpu"})
    void workerMatchesItsConfiguration(String overlay) throws Exception {
        RenderedOverlay rendered = RenderedOverlay.render(overlay);
        String bootstrap = bootstrap(rendered.typed(rendered.get("Kafka", KAFKA), Kafka.class));
        Deployment deployment = rendered.typed(rendered.get("Deployment", WORKER), Deployment.class);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container container = onlyContainer(pod, WORKER);
        Map<String, String> environment = environment(container, secrets(rendered), WORKER);

        Set<String> known = Set.of("DESCENT_KAFKA_BOOTSTRAP", "DESCENT_WORKER_ID", MetricsPort.VARIABLE,
                "JAVA_TOOL_OPTIONS", "DESCENT_WORKER_PLUGINS_DIR");
        assertTrue(known.containsAll(environment.keySet()), "worker environment " + environment.keySet()
                + " has names the worker does not read; it reads " + known);
        WorkerConfig config = WorkerEnvironment.read(environment);
        assertEquals(bootstrap, config.bootstrapServers());
        String plugins = config.pluginsDir().orElseThrow().toString();
        assertTrue(container.getVolumeMounts().stream().anyMatch(mount -> mount.getMountPath().equals(plugins)),
                "the plug-in folder " + plugins + " is a mounted volume");
        assertEquals("metadata.name", container.getEnv().stream().filter(env -> env.getName().equals("DESCENT_WORKER_ID"))
                .findFirst().orElseThrow().getValueFrom().getFieldRef().getFieldPath(), "worker id is the pod name");
        int metricsPort = MetricsPortEnvironment.read(environment);
        assertEquals(9400, metricsPort);
        assertEquals(metricsPort, containerPort(container, "metrics"));
        assertEquals(String.valueOf(metricsPort),
                deployment.getSpec().getTemplate().getMetadata().getAnnotations().get("prometheus.io/port"));
        assertProbe(container.getLivenessProbe(), "/metrics", WORKER);
        assertResources(container, WORKER);

        Map<String, String> images = workerImages();
        String version = System.getProperty("descent.version");
        Quantity gpus = container.getResources().getLimits().get("nvidia.com/gpu");
        if (overlay.equals("gpu")) {
            assertEquals(images.get("gpu") + ":" + version, container.getImage());
            assertEquals(new Quantity("1"), gpus, "the gpu overlay limits each worker to one GPU");
            assertEquals(new Quantity("1"), container.getResources().getRequests().get("nvidia.com/gpu"));
            assertTrue(pod.getTolerations().stream().anyMatch(t -> "nvidia.com/gpu".equals(t.getKey())),
                    "toleration for nvidia.com/gpu taints");
            assertFalse(pod.getNodeSelector() == null || pod.getNodeSelector().isEmpty(), "GPU node selector");
        }
        else {
            assertEquals(images.get("cpu") + ":" + version, container.getImage());
            assertEquals(null, gpus, "the " + overlay + " overlay runs workers on CPUs");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "gpu"})
    void scalerFollowsTrialLag(String overlay) throws Exception {
        RenderedOverlay rendered = RenderedOverlay.render(overlay);
        String bootstrap = bootstrap(rendered.typed(rendered.get("Kafka", KAFKA), Kafka.class));
        Map<String, Object> scaled = rendered.get("ScaledObject", WORKER);
        assertEquals("keda.sh/v1alpha1", Maps.string(scaled, "apiVersion"));
        Set<String> unknown = new TreeSet<>(Maps.map(scaled, "spec").keySet());
        unknown.removeAll(KEDA_SPEC_FIELDS);
        assertEquals(Set.of(), unknown, "ScaledObject spec fields that KEDA does not define");
        assertEquals("Deployment", Maps.string(scaled, "spec", "scaleTargetRef", "kind"));
        assertEquals(WORKER, Maps.string(scaled, "spec", "scaleTargetRef", "name"));
        rendered.get("Deployment", WORKER);
        int max = Integer.parseInt(Maps.string(scaled, "spec", "maxReplicaCount"));
        int min = Integer.parseInt(Maps.string(scaled, "spec", "minReplicaCount"));
        assertTrue(min >= 0, "minReplicaCount " + min);
        assertTrue(min <= max, "minReplicaCount " + min + " above maxReplicaCount " + max);
        assertTrue(max <= Topics.TRIAL_PARTITIONS, "more workers than trial partitions would sit idle: " + max);

        List<Map<String, Object>> triggers = Maps.list(scaled, "spec", "triggers");
        assertEquals(1, triggers.size());
        Map<String, Object> trigger = triggers.get(0);
        assertEquals("kafka", trigger.get("type"));
        Map<String, Object> metadata = Maps.map(trigger, "metadata");
        Set<String> unknownKeys = new TreeSet<>(metadata.keySet());
        unknownKeys.removeAll(KEDA_KAFKA_METADATA);
        assertEquals(Set.of(), unknownKeys, "kafka trigger metadata keys that KEDA does not define");
        metadata.values().forEach(value -> assertTrue(value instanceof String,
                "KEDA trigger metadata values must be strings: " + value));
        assertEquals(bootstrap, metadata.get("bootstrapServers"));
        assertEquals(Topics.WORKER_GROUP, metadata.get("consumerGroup"));
        assertEquals(Topics.TRIALS, metadata.get("topic"));
        assertEquals("earliest", metadata.get("offsetResetPolicy"), "workers start new partitions at the earliest offset");
        assertTrue(Integer.parseInt((String) metadata.get("lagThreshold")) >= 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "gpu"})
    void disruptionBudgetsSelectPods(String overlay) throws Exception {
        RenderedOverlay rendered = RenderedOverlay.render(overlay);
        Set<String> covered = new TreeSet<>();
        for (Map<String, Object> object : rendered.ofKind("PodDisruptionBudget")) {
            PodDisruptionBudget budget = rendered.typed(object, PodDisruptionBudget.class);
            Map<String, String> selector = budget.getSpec().getSelector().getMatchLabels();
            List<String> matching = rendered.ofKind("Deployment").stream()
                    .map(deployment -> rendered.typed(deployment, Deployment.class))
                    .filter(deployment -> deployment.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                            .containsAll(selector.entrySet()))
                    .map(deployment -> deployment.getMetadata().getName()).toList();
            assertEquals(1, matching.size(), "PodDisruptionBudget " + budget.getMetadata().getName() + " selects "
                    + matching);
            covered.add(matching.get(0));
        }
        assertEquals(new TreeSet<>(List.of("descent-orchestrator", "descent-registry", WORKER)), covered);
    }

    private static String bootstrap(Kafka kafka) {
        GenericKafkaListener plain = kafka.getSpec().getKafka().getListeners().stream()
                .filter(listener -> !listener.isTls()).findFirst()
                .orElseThrow(() -> new AssertionError("Kafka " + KAFKA + " has no plain listener"));
        return kafka.getMetadata().getName() + "-kafka-bootstrap:" + plain.getPort();
    }

    /** Returns the values of every String constant in {@link Topics} that names a topic. */
    private static Set<String> topicConstants() throws IllegalAccessException {
        Set<String> names = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String value = (String) field.get(null);
                if (value.startsWith("descent.")) {
                    names.add(value);
                }
            }
        }
        return names;
    }

    private static Map<String, Secret> secrets(RenderedOverlay rendered) {
        Map<String, Secret> secrets = new HashMap<>();
        for (Map<String, Object> object : rendered.ofKind("Secret")) {
            Secret secret = rendered.typed(object, Secret.class);
            secrets.put(secret.getMetadata().getName(), secret);
        }
        return secrets;
    }

    private static String sampleSecret(String secret, String key) {
        return "<" + secret + "/" + key + ">";
    }

    /** Returns a container's environment; a secret reference becomes a sample value once the key is found. */
    private static Map<String, String> environment(Container container, Map<String, Secret> secrets, String owner) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (EnvVar variable : container.getEnv()) {
            String value = variable.getValue();
            if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                String secretName = variable.getValueFrom().getSecretKeyRef().getName();
                String key = variable.getValueFrom().getSecretKeyRef().getKey();
                Secret secret = secrets.get(secretName);
                assertNotNull(secret, owner + " " + variable.getName() + " refers to a missing Secret " + secretName);
                assertTrue(secret.getStringData().containsKey(key), owner + " " + variable.getName()
                        + " refers to a missing key " + key + " of Secret " + secretName);
                value = sampleSecret(secretName, key);
            }
            else if (variable.getValueFrom() != null && variable.getValueFrom().getFieldRef() != null) {
                value = "<" + variable.getValueFrom().getFieldRef().getFieldPath() + ">";
            }
            assertNotNull(value, owner + " " + variable.getName() + " has no value");
            environment.put(variable.getName(), value);
        }
        return environment;
    }

    private static Container onlyContainer(PodSpec pod, String owner) {
        assertEquals(1, pod.getContainers().size(), owner + " containers");
        return pod.getContainers().get(0);
    }

    private static int containerPort(Container container, String name) {
        return container.getPorts().stream().filter(port -> name.equals(port.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no port named " + name))
                .getContainerPort();
    }

    private static void assertProbe(Probe probe, String path, String owner) {
        assertNotNull(probe, owner + " probe for " + path);
        assertEquals(path, probe.getHttpGet().getPath(), owner + " probe path");
    }

    private static void assertResources(Container container, String owner) {
        Map<String, Quantity> requests = container.getResources().getRequests();
        assertNotNull(requests.get("cpu"), owner + " requests cpu");
        assertNotNull(requests.get("memory"), owner + " requests memory");
        assertNotNull(container.getResources().getLimits().get("memory"), owner + " limits memory");
    }

    /** Reads the worker image names from workers/pom.xml: property worker.image, and in profile gpu its override. */
    private static Map<String, String> workerImages() throws Exception {
        Path pom = RenderedOverlay.rootDir().resolve("workers/pom.xml");
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        Map<String, String> images = new HashMap<>();
        NodeList properties = document.getElementsByTagName("worker.image");
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            Element owner = (Element) property.getParentNode().getParentNode();
            String profile = owner.getTagName().equals("profile")
                    ? owner.getElementsByTagName("id").item(0).getTextContent() : "cpu";
            images.put(profile, property.getTextContent().trim());
        }
        assertEquals(Set.of("cpu", "gpu"), images.keySet(), "worker.image in " + pom + " and its gpu profile");
        return images;
    }
}
