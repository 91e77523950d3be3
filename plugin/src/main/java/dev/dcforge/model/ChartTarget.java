package dev.dcforge.model;

/** One chart rendered for one environment: the unit every stage works on. */
public record ChartTarget(String environment, String chart) implements Comparable<ChartTarget> {
    @Override
    public int compareTo(ChartTarget o) {
        int c = environment.compareTo(o.environment);
        return c != 0 ? c : chart.compareTo(o.chart);
    }

    @Override
    public String toString() {
        return environment + "/" + chart;
    }
}
