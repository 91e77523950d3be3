package dev.dcforge.maven;

import dev.dcforge.model.BuildSummary;
import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.OutputLayout;
import dev.dcforge.packaging.OciPublisher;
import dev.dcforge.packaging.PackageStage;
import dev.dcforge.packaging.PackagedChart;
import dev.dcforge.packaging.SemVer;
import dev.dcforge.support.StageCache;
import dev.dcforge.support.UserError;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Packages each chart per environment (defaults merged with that environment's values) and plain,
 * writes each folder's index.yaml, checks every archive with a client-side helm install --dry-run,
 * attaches the archives to the project, optionally pushes them to an OCI registry, and prints the
 * build summary.
 */
@Mojo(name = "package", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class PackageMojo extends AbstractDcforgeMojo {
    @Parameter(property = "dcforge.package.skip", defaultValue = "false")
    private boolean skipPackage;

    /** Timestamp of every archive entry and of the index; Maven's reproducible-build property by default. */
    @Parameter(property = "dcforge.timestamp", defaultValue = "${project.build.outputTimestamp}")
    private String timestamp;

    /** Use the project version (as SemVer: 1.2-SNAPSHOT → 1.2.0-SNAPSHOT) as every archive's chart version. */
    @Parameter(property = "dcforge.versionFromProject", defaultValue = "false")
    private boolean versionFromProject;

    /** Use the project version (as SemVer) as every archive's appVersion. */
    @Parameter(property = "dcforge.appVersionFromProject", defaultValue = "false")
    private boolean appVersionFromProject;

    /** URL the packages folder is served from; each folder's index then lists {@code <baseUrl>/<folder>/<archive>}. Default: relative URLs. */
    @Parameter(property = "dcforge.index.baseUrl")
    private String indexBaseUrl;

    /** A folder laid out like the packages folder (for example a checkout of the published repository) whose {@code <folder>/index.yaml} entries are kept. */
    @Parameter(property = "dcforge.index.mergeDirectory")
    private File indexMergeDirectory;

    /** Run a client-side helm install --dry-run of every archive with the environment's Kubernetes version. */
    @Parameter(property = "dcforge.installCheck", defaultValue = "true")
    private boolean installCheck;

    /** Attach the archives to the project (type tgz, classifier {@code <env>-<chart>} or {@code charts-<chart>}) for install/deploy. */
    @Parameter(property = "dcforge.attach", defaultValue = "true")
    private boolean attach;

    /** Push every archive to this OCI registry ({@code oci://host[:port]/path}); not set: no push. */
    @Parameter(property = "dcforge.push.registry")
    private String pushRegistry;

    /** settings.xml server whose username/password log in to the registry; default: the registry host. */
    @Parameter(property = "dcforge.push.serverId")
    private String pushServerId;

    /** Talk plain HTTP to the registry (local test registries). */
    @Parameter(property = "dcforge.push.plainHttp", defaultValue = "false")
    private boolean pushPlainHttp;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    @Component
    private MavenProjectHelper projectHelper;

    @Component
    private SettingsDecrypter settingsDecrypter;

    @Override
    protected String goal() {
        return "package";
    }

    @Override
    protected boolean goalSkipped() {
        return skipPackage;
    }

    @Override
    protected void run() {
        OutputLayout layout = layout();
        Instant instant = archiveInstant();
        String projectVersion = project == null ? null : project.getVersion();
        String origin = project == null || project.getFile() == null ? "pom.xml" : project.getFile().toString();
        PackageStage.Options options = new PackageStage.Options(instant,
                versionFromProject ? SemVer.fromMaven(projectVersion, origin) : null,
                appVersionFromProject ? SemVer.fromMaven(projectVersion, origin) : null,
                indexBaseUrl, indexMergeDirectory == null ? null : indexMergeDirectory.toPath(), installCheck);
        OciPublisher publisher = pushRegistry == null || pushRegistry.isBlank() ? null
                : new OciPublisher(pushRegistry, credentials(), pushPlainHttp, origin + " (dcforge.push.registry)");

        StageCache cache = stageCache("package").after("render", "template", "validate")
                .param("options", options)
                .param("push", publisher == null ? "none" : publisher.registry() + " as " + serverId(publisher))
                .outputs(layout.packagesRoot());
        if (indexMergeDirectory != null) {
            cache.inputs(indexMergeDirectory.toPath());
        }
        List<PackagedChart> charts;
        boolean skipped = upToDate(cache);
        if (skipped) {
            charts = fromState(cache.data());
        } else {
            long start = System.nanoTime();
            BuildSummary summary = BuildSummary.load(layout);
            PackageStage.Result result = new PackageStage(options).run(stack(), layout, this::kubeVersionFor, getLog()::info);
            charts = result.charts();
            for (PackagedChart c : charts) {
                if (!c.plain()) {
                    summary.packagePath(new ChartTarget(c.environment(), c.chart()), relative(c.archive()));
                }
            }
            result.indexes().forEach(i -> getLog().info("dcforge: wrote " + relative(i)));
            if (publisher != null) {
                getLog().info("dcforge: pushing " + charts.size() + " archive(s) to " + publisher.registry());
                publisher.push(charts).forEach(out -> getLog().debug("helm push: " + out));
            }
            summary.stageTime("package", (System.nanoTime() - start) / 1_000_000);
            summary.save();
            cache.succeeded(toState(charts));
        }
        attach(charts);
        getLog().info("dcforge build summary:");
        summaryTable(layout, skipped).forEach(getLog()::info);
    }

    /** Without any stage having run, the saved table is printed as it is (no JSON parser to load); otherwise the summary is updated. */
    private List<String> summaryTable(OutputLayout layout, boolean packageSkipped) {
        Map<String, Long> upToDate = new LinkedHashMap<>();
        for (String stage : List.of("render", "template", "validate", "package")) {
            long ms = StageCache.upToDateMillis(layout.stateDir(), stage);
            if (ms >= 0) {
                upToDate.put(stage, ms);
            }
        }
        if (packageSkipped && upToDate.size() == 4) {
            List<String> saved = BuildSummary.savedTable(layout, upToDate);
            if (saved != null) {
                return saved;
            }
        }
        BuildSummary summary = BuildSummary.load(layout);
        upToDate.forEach(summary::stageUpToDate);
        summary.save();
        return summary.table();
    }

    private void attach(List<PackagedChart> charts) {
        if (project == null) {
            return;
        }
        if (attach && projectHelper != null) {
            for (PackagedChart c : charts) {
                projectHelper.attachArtifact(project, "tgz", c.classifier(), c.archive().toFile());
            }
        }
        if ("dcforge".equals(project.getPackaging()) && project.getArtifact().getFile() == null) {
            // the dcforge packaging's main artifact is the pom; the chart archives are what matter
            project.getArtifact().setFile(project.getFile());
        }
    }

    private String relative(Path p) {
        return baseDir().toAbsolutePath().relativize(p.toAbsolutePath()).toString();
    }

    /** One line per archive: environment (empty for a plain archive), chart, path, tab-separated. */
    private static List<String> toState(List<PackagedChart> charts) {
        return charts.stream().map(c -> (c.plain() ? "" : c.environment()) + "\t" + c.chart() + "\t"
                + c.archive().toAbsolutePath()).toList();
    }

    private static List<PackagedChart> fromState(List<String> data) {
        List<PackagedChart> charts = new ArrayList<>();
        for (String line : data) {
            String[] f = line.split("\t", 3);
            if (f.length == 3) {
                charts.add(new PackagedChart(f[0].isEmpty() ? null : f[0], f[1], Path.of(f[2])));
            }
        }
        return charts;
    }

    private String serverId(OciPublisher publisher) {
        return pushServerId != null && !pushServerId.isBlank() ? pushServerId : publisher.registry().getHost();
    }

    /** Username and (decrypted) password of the settings.xml server, or null; nothing of it is logged. */
    private OciPublisher.Credentials credentials() {
        if (settings == null) {
            return null;
        }
        String id = pushServerId != null && !pushServerId.isBlank() ? pushServerId
                : OciPublisherHost.of(pushRegistry);
        Server server = settings.getServer(id);
        if (server == null) {
            if (pushServerId != null && !pushServerId.isBlank()) {
                throw new UserError("settings.xml", 0, "no <server> with id '" + id + "' for dcforge.push.serverId",
                        "add <server><id>" + id + "</id><username>…</username><password>…</password></server> to settings.xml");
            }
            return null;
        }
        if (settingsDecrypter != null) {
            SettingsDecryptionResult result = settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            for (SettingsProblem problem : result.getProblems()) {
                if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                    throw new UserError("settings.xml", 0, "cannot decrypt the password of server '" + id + "': " + problem.getMessage(),
                            "check settings-security.xml or the encrypted password");
                }
            }
            server = result.getServer();
        }
        return new OciPublisher.Credentials(server.getUsername(), server.getPassword());
    }

    /** The host part of an oci:// reference, the default server id. */
    static final class OciPublisherHost {
        static String of(String registry) {
            String rest = registry.strip().replaceFirst("^oci://", "");
            int slash = rest.indexOf('/');
            String host = slash < 0 ? rest : rest.substring(0, slash);
            int colon = host.indexOf(':');
            return colon < 0 ? host : host.substring(0, colon);
        }
    }

    private Instant archiveInstant() {
        if (timestamp == null || timestamp.isBlank() || timestamp.equals("${project.build.outputTimestamp}")) {
            return Instant.parse("1980-01-01T00:00:00Z");
        }
        try {
            return timestamp.chars().allMatch(Character::isDigit) ? Instant.ofEpochSecond(Long.parseLong(timestamp)) : Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw new UserError("project.build.outputTimestamp", 0, "cannot read timestamp '" + timestamp + "'",
                    "use an ISO-8601 instant such as 2026-01-01T00:00:00Z or seconds since the epoch");
        }
    }
}
