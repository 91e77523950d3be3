package dev.dcforge.validate.rules;

import dev.dcforge.model.Severity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Base of the rules written in Java: holds the rule's description; subclasses implement the check. */
public abstract class JavaRule implements Rule {
    private final RuleInfo info;

    /**
     * @param equivalents alternating tool key and check id, e.g. "kubeLinter", "dangling-service"
     */
    protected JavaRule(String id, Severity severity, String pack, String title, String rationale, String remediation,
                       String... equivalents) {
        Map<String, String> eq = new LinkedHashMap<>();
        for (int i = 0; i + 1 < equivalents.length; i += 2) {
            eq.put(equivalents[i], equivalents[i + 1]);
        }
        this.info = new RuleInfo(id, severity, title, rationale, remediation, pack, List.of(), List.of(), Map.copyOf(eq),
                "java:" + getClass().getSimpleName());
    }

    @Override
    public final RuleInfo info() {
        return info;
    }
}
