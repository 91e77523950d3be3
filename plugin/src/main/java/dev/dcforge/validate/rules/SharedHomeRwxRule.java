package dev.dcforge.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;
import dev.dcforge.validate.PodTemplates;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** With more than one replica every node must see the same shared home: a ReadWriteMany volume. */
public final class SharedHomeRwxRule extends JavaRule {
    public SharedHomeRwxRule() {
        super("atlassian-shared-home-rwx", Severity.ERROR, "atlassian", "Shared home is not shared between replicas",
                "Atlassian DC nodes keep attachments, indexes snapshots and plugins in the shared home; with more than one "
                        + "replica it must be one ReadWriteMany volume. A ReadWriteOnce claim keeps the second pod Pending "
                        + "(or, on a single node, hides the problem until a reschedule); emptyDir or per-pod claims give "
                        + "every node its own copy and the cluster diverges.",
                "Back the shared home with a ReadWriteMany PersistentVolumeClaim (NFS, EFS, Azure Files), "
                        + "e.g. volumes.sharedHome.persistentVolumeClaim.create with accessModes [ReadWriteMany].");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject w : set.workloads()) {
            int replicas = Objects.maxReplicas(set, w);
            if (replicas < 2) {
                continue;
            }
            for (String volumeName : sharedHomeVolumes(w)) {
                JsonNode volume = null;
                for (JsonNode v : PodTemplates.podSpec(w).orElseThrow().path("volumes")) {
                    if (v.path("name").asText().equals(volumeName)) {
                        volume = v;
                    }
                }
                String prefix = "runs up to " + replicas + " replicas but shared home volume '" + volumeName + "' ";
                if (volume == null) {
                    for (JsonNode t : w.json().path("spec").path("volumeClaimTemplates")) {
                        if (t.path("metadata").path("name").asText().equals(volumeName)) {
                            sink.report(w, prefix + "is a volumeClaimTemplate: every pod gets its own claim");
                        }
                    }
                } else if (volume.has("emptyDir")) {
                    sink.report(w, prefix + "is an emptyDir: every pod gets its own empty directory");
                } else if (volume.has("hostPath")) {
                    sink.report(w, prefix + "is a hostPath: pods on different nodes see different directories");
                } else if (volume.has("persistentVolumeClaim")) {
                    String claim = volume.path("persistentVolumeClaim").path("claimName").asText();
                    Optional<ManifestObject> pvc = Objects.find(set, "PersistentVolumeClaim", claim, Objects.namespace(set, w));
                    if (pvc.isPresent() && !ClusterAdminBindingRule.has(pvc.get().json().path("spec").path("accessModes"), "ReadWriteMany")) {
                        sink.report(w, prefix + "uses PersistentVolumeClaim/" + claim + " with accessModes "
                                + pvc.get().json().path("spec").path("accessModes") + ", not ReadWriteMany");
                    }
                }
            }
        }
    }

    /** Volumes mounted at a shared-home path (or named shared-home, or at ATL_PRODUCT_HOME_SHARED). */
    static Set<String> sharedHomeVolumes(ManifestObject w) {
        Set<String> names = new LinkedHashSet<>();
        for (PodTemplates.Container c : PodTemplates.containers(w)) {
            if (c.isInit()) {
                continue;
            }
            String sharedPath = "";
            for (JsonNode e : c.json().path("env")) {
                if (e.path("name").asText().matches("ATL_PRODUCT_HOME_SHARED|SHARED_HOME")) {
                    sharedPath = e.path("value").asText("");
                }
            }
            for (JsonNode m : c.json().path("volumeMounts")) {
                String path = m.path("mountPath").asText("");
                if (m.path("name").asText().equals("shared-home") || path.endsWith("/shared-home")
                        || (!sharedPath.isEmpty() && path.equals(sharedPath))) {
                    names.add(m.path("name").asText());
                }
            }
        }
        return names;
    }
}
