package dev.dcforge.packaging;

import java.nio.file.Path;

/**
 * One archive the package stage produced.
 *
 * @param environment the environment whose values it carries, or null for the plain chart archive
 * @param chart       chart folder name
 * @param archive     the .tgz
 */
public record PackagedChart(String environment, String chart, Path archive) {
    /** Folder (under the packages root) and classifier prefix of the plain chart archives. */
    public static final String PLAIN = "charts";

    /** Maven classifier: {@code <env>-<chart>} for an environment's archive, {@code charts-<chart>} for the plain one. */
    public String classifier() {
        return (environment == null ? PLAIN : environment) + "-" + chart;
    }

    public boolean plain() {
        return environment == null;
    }
}
