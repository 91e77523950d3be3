package dev.dcforge.validate.report;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Suppression;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dcforge.model.Finding;
import dev.dcforge.model.Severity;
import dev.dcforge.support.AtomicFiles;
import dev.dcforge.validate.ValidationResult;
import dev.dcforge.validate.rules.RuleInfo;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** SARIF 2.1.0 through the java-sarif object model; locations point at chart templates (and override files). */
public final class SarifReport {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private SarifReport() {
    }

    public static Path write(ValidationResult result, List<RuleInfo> rules, Path file) {
        List<ReportingDescriptor> descriptors = new ArrayList<>();
        for (RuleInfo r : rules) {
            descriptors.add(new ReportingDescriptor()
                    .withId(r.id())
                    .withName(r.title())
                    .withShortDescription(new MultiformatMessageString().withText(r.title()))
                    .withFullDescription(new MultiformatMessageString().withText(r.rationale().isBlank() ? r.title() : r.rationale()))
                    .withHelp(new MultiformatMessageString().withText(r.remediation()))
                    .withDefaultConfiguration(new ReportingConfiguration().withLevel(level(r.severity())))
                    .withProperties(new PropertyBag().withTags(new LinkedHashSet<>(List.of(r.pack())))));
        }
        List<Result> results = new ArrayList<>();
        for (Finding f : result.findings()) {
            results.add(toResult(f));
        }
        for (ValidationResult.Suppressed s : result.suppressed()) {
            Set<Suppression> suppressions = new LinkedHashSet<>();
            suppressions.add(new Suppression().withKind(s.source().startsWith("annotation") ? Suppression.Kind.IN_SOURCE : Suppression.Kind.EXTERNAL)
                    .withStatus(Suppression.Status.ACCEPTED)
                    .withJustification(s.reason()));
            results.add(toResult(s.finding()).withSuppressions(suppressions));
        }
        SarifSchema210 log = new SarifSchema210()
                .withVersion(SarifSchema210.Version._2_1_0)
                .with$schema(URI.create("https://json.schemastore.org/sarif-2.1.0.json"))
                .withRuns(List.of(new Run()
                        .withTool(new Tool().withDriver(new ToolComponent()
                                .withName("dcforge")
                                .withInformationUri(URI.create("https://dcforge.dev"))
                                .withRules(new LinkedHashSet<>(descriptors))))
                        .withResults(results)
                        .withInvocations(List.of(invocation(result)))));
        try {
            AtomicFiles.write(file, MAPPER.writeValueAsString(log) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise SARIF", e);
        }
        return file;
    }

    /** Expired exemptions and fixed baseline entries become warning notifications of the invocation. */
    private static Invocation invocation(ValidationResult result) {
        List<Notification> notifications = new ArrayList<>();
        for (String notice : result.notices()) {
            notifications.add(new Notification().withLevel(Notification.Level.WARNING).withMessage(new Message().withText(notice)));
        }
        return new Invocation().withExecutionSuccessful(true).withToolExecutionNotifications(notifications);
    }

    private static Result toResult(Finding f) {
        List<Location> locations = new ArrayList<>();
        locations.add(location(f.file(), f.line(), f.kind() + "/" + f.name()));
        if (f.overrideFile() != null) {
            locations.add(location(f.overrideFile(), f.overrideLine(), "value set here"));
        }
        return new Result()
                .withRuleId(f.rule())
                .withLevel(resultLevel(f.severity()))
                .withMessage(new Message().withText(f.environment() + "/" + f.chart() + " " + f.kind() + "/" + f.name() + ": " + f.message()))
                .withLocations(locations);
    }

    private static Location location(String file, int line, String description) {
        PhysicalLocation physical = new PhysicalLocation()
                .withArtifactLocation(new ArtifactLocation().withUri(uri(file)));
        if (line > 0) {
            physical.setRegion(new Region().withStartLine(line));
        }
        return new Location().withPhysicalLocation(physical).withMessage(new Message().withText(description));
    }

    /** A relative (or absolute) file path as a URI reference: forward slashes, special characters escaped. */
    static String uri(String file) {
        String path = file.replace('\\', '/');
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            return path.replace(" ", "%20");
        }
    }

    private static ReportingConfiguration.Level level(Severity s) {
        return switch (s) {
            case ERROR -> ReportingConfiguration.Level.ERROR;
            case WARNING -> ReportingConfiguration.Level.WARNING;
            case INFO -> ReportingConfiguration.Level.NOTE;
        };
    }

    private static Result.Level resultLevel(Severity s) {
        return switch (s) {
            case ERROR -> Result.Level.ERROR;
            case WARNING -> Result.Level.WARNING;
            case INFO -> Result.Level.NOTE;
        };
    }
}
