package dev.dcforge.validate;

import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.Finding;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.OverrideOrigins;
import dev.dcforge.support.Secrets;
import dev.dcforge.support.Yaml;
import dev.dcforge.validate.rules.Rule;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Stage 3: parses rendered manifests into typed objects and runs the rule set over them. */
public final class Validator {

    /**
     * One rendered manifest file to validate.
     *
     * @param chartDir  the chart it came from, to map Helm's "# Source:" back to a template file; may be null
     * @param namespace   the release namespace
     * @param kubeVersion target Kubernetes version
     */
    public record Input(ChartTarget target, Path manifestFile, Path chartDir, String namespace, String kubeVersion) {
    }

    private final ManifestParser parser = new ManifestParser();
    private final RuleEngine engine;
    private final Path baseDir;
    private final Exemptions exemptions;
    private final LocalDate today;

    private Function<ChartTarget, OverrideOrigins> overrideOrigins = target -> OverrideOrigins.none();

    /** Attributes findings to the override lines that set the values their messages name. */
    public Validator withOverrideOrigins(Function<ChartTarget, OverrideOrigins> origins) {
        this.overrideOrigins = origins;
        return this;
    }

    /** @param baseDir paths in findings are shown relative to it (the project folder) */
    public Validator(List<Rule> rules, Path baseDir) {
        this(rules, baseDir, Exemptions.none(), LocalDate.now());
    }

    /**
     * @param exemptions suppressions from an exemptions file (Exemptions.none() when there is none)
     * @param today      the date exemption expiry is judged against
     */
    public Validator(List<Rule> rules, Path baseDir, Exemptions exemptions, LocalDate today) {
        this.engine = new RuleEngine(rules, exemptions, today);
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.exemptions = exemptions;
        this.today = today;
    }

    public ValidationResult validate(List<Input> inputs) {
        List<Finding> findings = new ArrayList<>();
        List<ValidationResult.Suppressed> suppressed = new ArrayList<>();
        Map<ChartTarget, List<String>> counts = new LinkedHashMap<>();
        Set<String> secrets = new HashSet<>();
        for (Input input : inputs) {
            List<ManifestObject> objects = parser.parse(input.target(), relative(input.manifestFile()),
                    Yaml.readText(input.manifestFile()));
            counts.computeIfAbsent(input.target(), t -> new ArrayList<>()).addAll(objects.stream().map(ManifestObject::ref).toList());
            objects.forEach(o -> Secrets.collect(o.json(), secrets));
            ManifestSet set = new ManifestSet(input.target(), input.namespace(), input.kubeVersion(), objects);
            OverrideOrigins origins = overrideOrigins.apply(input.target());
            engine.run(set, templateResolver(input.chartDir()), suppressed).forEach(f -> findings.add(origins.attribute(f)));
        }
        // no rule may print a secret it read: scrub every message before any report sees it
        findings.replaceAll(f -> f.withMessage(Secrets.scrub(f.message(), secrets)));
        suppressed.replaceAll(x -> new ValidationResult.Suppressed(x.finding().withMessage(Secrets.scrub(x.finding().message(), secrets)),
                x.reason(), x.source()));
        findings.sort(WORST_FIRST);
        List<String> ruleIds = engine.rules().stream().map(r -> r.info().id()).toList();
        List<String> notices = new ArrayList<>(exemptions.expiryWarnings(today));
        notices.addAll(exemptions.unknownRuleWarnings(ruleIds));
        return new ValidationResult(findings, suppressed, counts, ruleIds, notices);
    }

    public static final Comparator<Finding> WORST_FIRST = Comparator
            .comparing(Finding::severity).reversed()
            .thenComparing(Finding::environment, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::chart, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::rule)
            .thenComparing(Finding::kind)
            .thenComparing(Finding::name)
            .thenComparing(Finding::message);

    /** "confluence/templates/statefulset.yaml" → chartDir/templates/statefulset.yaml (subcharts under charts/). */
    private Function<String, Path> templateResolver(Path chartDir) {
        return source -> {
            if (chartDir == null) {
                return null;
            }
            int slash = source.indexOf('/');
            Path file = chartDir.resolve(slash < 0 ? source : source.substring(slash + 1));
            return relative(file);
        };
    }

    private Path relative(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(baseDir) ? baseDir.relativize(abs) : abs;
    }
}
