package dev.dcforge.validate.rules;

import dev.dcforge.model.Severity;

import java.util.List;
import java.util.Map;

/**
 * What a rule is, independent of how it checks.
 *
 * @param pack        rule pack: pod-security, best-practice, rbac, cross-object, atlassian, schema, custom
 * @param profiles    Pod Security Standards profiles the rule belongs to (baseline, restricted); empty otherwise
 * @param kinds       object kinds it applies to; empty means every kind it can find a target in
 * @param equivalents matching checks in other tools: keys kubeLinter, polaris, kubeScore, checkov
 * @param origin      where the rule is defined (classpath resource, custom rule file, Java class)
 */
public record RuleInfo(String id, Severity severity, String title, String rationale, String remediation,
                       String pack, List<String> profiles, List<String> kinds, Map<String, String> equivalents,
                       String origin) {
}
