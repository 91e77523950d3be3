package dev.dcforge.bench;

import dev.dcforge.model.ChartTarget;
import dev.dcforge.validate.ManifestParser;
import dev.dcforge.validate.Validator;
import dev.dcforge.support.Yaml;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The whole reference stack per stage: Jinja rendering of every environment and chart, and validation
 * (parse + strict schema + every rule) of every rendered manifest, on one thread. {@link BenchMain} divides
 * by the resource count for resources/second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StackBenchmark {
    private Workspace ws;
    private List<Validator.Input> inputs;
    private List<String> texts;
    private List<ChartTarget> ids;
    private final ManifestParser parser = new ManifestParser();

    @Setup(Level.Trial)
    public void setUp() {
        ws = Workspace.reference(Workspace.repoRootProperty(), Workspace.scratch("stack-")).prepare();
        inputs = ws.allInputs();
        texts = new ArrayList<>();
        ids = new ArrayList<>();
        for (Validator.Input in : inputs) {
            texts.add(Yaml.readText(in.manifestFile()));
            ids.add(in.target());
        }
        ws.validate(inputs);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        ws.delete();
    }

    /** Jinja overrides of every environment × chart into values files (with the values schema check). */
    @Benchmark
    public Object renderStack() {
        return ws.renderAll();
    }

    /** Every rendered manifest: read, parse into typed objects, strict Kubernetes schema, every rule. */
    @Benchmark
    public Object validateStack() {
        return ws.validate(inputs);
    }

    /** Parsing alone (YAML split + SnakeYAML + fabric8 typed objects), to break validation down. */
    @Benchmark
    public int parseStack() {
        int n = 0;
        for (int i = 0; i < texts.size(); i++) {
            n += parser.parse(ids.get(i), Path.of("manifest.yaml"), texts.get(i)).size();
        }
        return n;
    }
}
