package dev.dcforge.maven;

import dev.dcforge.support.UserError;
import dev.dcforge.validate.rules.BuiltInRules;
import dev.dcforge.validate.rules.Catalogue;
import dev.dcforge.validate.rules.Rule;
import dev.dcforge.validate.rules.RuleInfo;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.List;
import java.util.Locale;

/** Prints every rule (built-in and, when dcforge.rulesDirectory exists, custom) with severity, pack and equivalents. */
@Mojo(name = "rules", requiresProject = false, threadSafe = true)
public class RulesMojo extends AbstractMojo {
    /** text (default) or json. */
    @Parameter(property = "dcforge.format", defaultValue = "text")
    private String format;

    /** Folder of custom rule YAML files, listed with the built-ins when it exists. */
    @Parameter(property = "dcforge.rulesDirectory", defaultValue = "${project.basedir}/dcforge-rules")
    private File rulesDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        try {
            List<RuleInfo> rules = rules().stream().map(Rule::info).toList();
            switch (format == null ? "text" : format.trim().toLowerCase(Locale.ROOT)) {
                case "json" -> System.out.println(Catalogue.json(rules));
                case "text" -> Catalogue.text(rules).forEach(getLog()::info);
                default -> throw new UserError("dcforge.format", 0, "unknown format '" + format + "'", "use text or json");
            }
        } catch (UserError e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    private List<Rule> rules() {
        List<Rule> rules = BuiltInRules.all();
        if (rulesDirectory != null && !rulesDirectory.getPath().contains("${") && rulesDirectory.isDirectory()) {
            rules = BuiltInRules.withCustom(rules, rulesDirectory.toPath());
        }
        return rules;
    }
}
