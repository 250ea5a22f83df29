package org.sqm.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders every overlay with kubectl kustomize and checks the result as a platform engineer would:
 * known fields only, every container hardened, probed and sized, every Service selecting pods, every
 * referenced ConfigMap and Secret key defined, and ports that agree.
 */
class KubernetesManifestsTest {

    private static final Path K8S =
            Path.of(System.getProperty("sqm.home", "..")).resolve("k8s");
    /**
     * Secrets that production gets from the CloudNativePG operator or the platform, not from manifests:
     * database credentials, the identity provider's key for verifying bearer tokens and the secret that
     * seals page tokens.
     */
    private static final Set<String> EXTERNAL_SECRETS = Set.of(
            "standards-db-app",
            "inspection-db-app",
            "complaint-db-app",
            "scoring-db-app",
            "sqm-jwt",
            "sqm-page-tokens");

    private static List<HasMetadata> render(String kustomization) throws IOException, InterruptedException {
        boolean kubectl;
        try {
            kubectl =
                    new ProcessBuilder("kubectl", "version", "--client").start().waitFor() == 0;
        } catch (IOException e) {
            kubectl = false;
        }
        assumeTrue(kubectl, "kubectl is not on the PATH: the manifests are not rendered here");
        Process p = new ProcessBuilder(
                        "kubectl", "kustomize", K8S.resolve(kustomization).toString())
                .redirectErrorStream(false)
                .start();
        String yaml = new String(p.getInputStream().readAllBytes());
        String errors = new String(p.getErrorStream().readAllBytes());
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), "kubectl kustomize " + kustomization + " failed: " + errors);
        KubernetesSerialization serialization = new KubernetesSerialization();
        List<HasMetadata> objects = new ArrayList<>();
        for (String doc : yaml.split("(?m)^---\\s*$")) {
            if (!doc.isBlank()) {
                objects.add(serialization.unmarshal(doc, HasMetadata.class));
            }
        }
        assertFalse(objects.isEmpty());
        return objects;
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", "examples/prod-with-components"})
    void renderedManifestsAreSound(String kustomization) throws Exception {
        List<HasMetadata> objects = render(kustomization);
        boolean prod = !kustomization.equals("overlays/dev");

        for (HasMetadata o : objects) {
            if (!(o instanceof GenericKubernetesResource)) {
                List<String> unknown = new ArrayList<>();
                unknownFields(o, kind(o), unknown, new IdentityHashMap<>());
                assertTrue(unknown.isEmpty(), "unknown fields: " + unknown);
            }
        }

        List<Deployment> deployments = of(objects, Deployment.class);
        assertEquals(5, deployments.size(), kustomization);
        for (Deployment d : deployments) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            String where = kind(d);
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), where + " runAsNonRoot");
            if (prod) {
                assertTrue(d.getSpec().getReplicas() >= 2, where + " replicas");
            }
            for (Container c : pod.getContainers()) {
                String at = where + "/" + c.getName();
                assertNotNull(c.getImage(), at + " image");
                assertFalse(c.getImage().isBlank(), at + " image");
                assertNotNull(c.getResources().getRequests().get("memory"), at + " memory request");
                assertNotNull(c.getResources().getLimits().get("memory"), at + " memory limit");
                assertNotNull(c.getResources().getRequests().get("cpu"), at + " cpu request");
                var sc = c.getSecurityContext();
                assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), at + " allowPrivilegeEscalation");
                assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem(), at + " readOnlyRootFilesystem");
                assertEquals(List.of("ALL"), sc.getCapabilities().getDrop(), at + " capabilities");
                assertTrue(
                        c.getVolumeMounts().stream()
                                .anyMatch(m -> m.getMountPath().equals("/tmp")),
                        at + " writable /tmp");
                for (Probe probe : List.of(c.getStartupProbe(), c.getReadinessProbe(), c.getLivenessProbe())) {
                    assertNotNull(probe, at + " probes");
                    assertTrue(probe.getHttpGet().getPath().startsWith("/q/health/"), at + " probe path");
                    assertTrue(portExists(c.getPorts(), probe.getHttpGet().getPort()), at + " probe port");
                }
                referencesAreDefined(objects, c, at, prod);
                // The JVM runs as in the local run: one list of options, stated in Suite.
                assertEquals(
                        String.join(" ", Suite.JVM_OPTIONS),
                        c.getEnvFrom().stream()
                                .filter(from -> from.getConfigMapRef() != null)
                                .map(from -> find(
                                        objects,
                                        ConfigMap.class,
                                        from.getConfigMapRef().getName()))
                                .filter(map -> map != null && map.getData().containsKey("JAVA_TOOL_OPTIONS"))
                                .map(map -> map.getData().get("JAVA_TOOL_OPTIONS"))
                                .findFirst()
                                .orElse(null),
                        at + " JAVA_TOOL_OPTIONS");
                // And with the local run's environment (MALLOC_ARENA_MAX), in the container's own env.
                for (Map.Entry<String, String> variable : Suite.ENVIRONMENT.entrySet()) {
                    assertEquals(
                            variable.getValue(),
                            c.getEnv().stream()
                                    .filter(e -> e.getName().equals(variable.getKey()))
                                    .map(e -> e.getValue())
                                    .findFirst()
                                    .orElse(null),
                            at + " env " + variable.getKey());
                }
            }
        }
        for (StatefulSet s : of(objects, StatefulSet.class)) {
            for (Container c : s.getSpec().getTemplate().getSpec().getContainers()) {
                referencesAreDefined(objects, c, kind(s) + "/" + c.getName(), prod);
            }
        }

        for (Service s : of(objects, Service.class)) {
            Map<String, String> selector = s.getSpec().getSelector();
            List<Container> selected = Stream.concat(
                            of(objects, Deployment.class).stream()
                                    .filter(d -> d.getSpec()
                                            .getTemplate()
                                            .getMetadata()
                                            .getLabels()
                                            .entrySet()
                                            .containsAll(selector.entrySet()))
                                    .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream()),
                            of(objects, StatefulSet.class).stream()
                                    .filter(d -> d.getSpec()
                                            .getTemplate()
                                            .getMetadata()
                                            .getLabels()
                                            .entrySet()
                                            .containsAll(selector.entrySet()))
                                    .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream()))
                    .toList();
            assertFalse(selected.isEmpty(), kind(s) + " selects no pods");
            for (ServicePort port : s.getSpec().getPorts()) {
                assertTrue(
                        selected.stream().anyMatch(c -> portExists(c.getPorts(), port.getTargetPort())),
                        kind(s) + " targetPort " + port.getTargetPort() + " is no container port");
            }
        }
    }

    private static void referencesAreDefined(List<HasMetadata> objects, Container c, String at, boolean prod) {
        for (var from : c.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                assertTrue(
                        find(objects, ConfigMap.class, from.getConfigMapRef().getName()) != null,
                        at + " envFrom ConfigMap " + from.getConfigMapRef().getName());
            }
        }
        for (var env : c.getEnv()) {
            if (env.getValueFrom() == null) {
                continue;
            }
            var cm = env.getValueFrom().getConfigMapKeyRef();
            if (cm != null) {
                ConfigMap map = find(objects, ConfigMap.class, cm.getName());
                assertTrue(map != null && map.getData().containsKey(cm.getKey()), at + " ConfigMap key " + cm.getKey());
            }
            var sk = env.getValueFrom().getSecretKeyRef();
            if (sk != null) {
                Secret secret = find(objects, Secret.class, sk.getName());
                if (secret == null && prod && EXTERNAL_SECRETS.contains(sk.getName())) {
                    continue;
                }
                assertNotNull(secret, at + " Secret " + sk.getName());
                boolean hasKey = (secret.getData() != null && secret.getData().containsKey(sk.getKey()))
                        || (secret.getStringData() != null
                                && secret.getStringData().containsKey(sk.getKey()));
                assertTrue(hasKey, at + " Secret key " + sk.getName() + "/" + sk.getKey());
            }
        }
    }

    private static boolean portExists(List<ContainerPort> ports, IntOrString port) {
        return ports.stream()
                .anyMatch(p -> port.getStrVal() != null
                        ? port.getStrVal().equals(p.getName())
                        : port.getIntVal().equals(p.getContainerPort()));
    }

    private static <T extends HasMetadata> List<T> of(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> T find(List<HasMetadata> objects, Class<T> type, String name) {
        return of(objects, type).stream()
                .filter(o -> o.getMetadata().getName().equals(name))
                .findFirst()
                .orElse(null);
    }

    private static String kind(HasMetadata o) {
        return o.getKind() + "/" + o.getMetadata().getName();
    }

    /** Every field the model did not know lands in an additionalProperties map; none may be there. */
    private static void unknownFields(Object node, String path, List<String> unknown, Map<Object, Boolean> seen)
            throws IllegalAccessException {
        if (node == null || seen.put(node, true) != null) {
            return;
        }
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                unknownFields(list.get(i), path + "[" + i + "]", unknown, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            for (var e : map.entrySet()) {
                unknownFields(e.getValue(), path + "." + e.getKey(), unknown, seen);
            }
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Class<?> type = node.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object value = field.get(node);
                if (field.getName().equals("additionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(path + " " + extra.keySet());
                    }
                } else {
                    unknownFields(value, path + "." + field.getName(), unknown, seen);
                }
            }
        }
    }
}
