package dev.dcforge.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.validate.ManifestSet;
import dev.dcforge.validate.PodTemplates;

import java.util.Set;

/**
 * A rule written as data: a JSON Schema that every target must satisfy (as Polaris does).
 * The target is the object, its pod template (metadata and spec), its pod spec, its pod template metadata,
 * or each of its containers.
 */
public final class SchemaRule implements Rule {
    public enum Target { OBJECT, POD_TEMPLATE, POD_SPEC, POD_METADATA, CONTAINER }

    private final RuleInfo info;
    private final Target target;
    private final JsonSchema condition;
    private final String message;
    private final boolean includeInitContainers;

    public SchemaRule(RuleInfo info, Target target, JsonSchema condition, String message, boolean includeInitContainers) {
        this.info = info;
        this.target = target;
        this.condition = condition;
        this.message = message;
        this.includeInitContainers = includeInitContainers;
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject o : set.objects()) {
            if (!info.kinds().isEmpty() && !info.kinds().contains(o.kind())) {
                continue;
            }
            if (info.pack().equals("best-practice") && PodTemplates.isHelmTest(o)) {
                continue; // operational advice does not apply to pods that only run on helm test
            }
            switch (target) {
                case OBJECT -> evaluate(o.json(), o, null, sink);
                case POD_TEMPLATE -> PodTemplates.podTemplate(o).ifPresent(t -> evaluate(t, o, null, sink));
                case POD_SPEC -> PodTemplates.podSpec(o).ifPresent(spec -> evaluate(spec, o, null, sink));
                case POD_METADATA -> PodTemplates.podTemplate(o).ifPresent(t -> evaluate(t.path("metadata"), o, null, sink));
                case CONTAINER -> {
                    for (PodTemplates.Container c : PodTemplates.containers(o)) {
                        if (!c.isInit() || includeInitContainers) {
                            evaluate(c.json(), o, c, sink);
                        }
                    }
                }
            }
        }
    }

    private void evaluate(JsonNode node, ManifestObject o, PodTemplates.Container container, FindingSink sink) {
        Set<ValidationMessage> errors = condition.validate(node);
        if (!errors.isEmpty()) {
            String where = container == null ? "" : "container '" + container.name() + "': ";
            sink.report(o, where + message);
        }
    }
}
