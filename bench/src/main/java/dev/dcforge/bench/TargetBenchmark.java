package dev.dcforge.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * One chart × environment, measured three ways in the same fork: the bare Helm engine call (helm-java's
 * template, the baseline), dcforge's render + template + validate, and the whole pipeline (+ package).
 * The target list is set by {@link BenchMain} from the reference stack.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TargetBenchmark {
    @Param({"default/confluence"})
    public String target;

    private Workspace ws;
    private Workspace.Target t;

    @Setup(Level.Trial)
    public void setUp() {
        ws = Workspace.reference(Workspace.repoRootProperty(), Workspace.scratch("target-")).prepare();
        t = ws.target(target);
        ws.validate(t); // rules and schemas loaded once per build, as the validate goal does
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        ws.delete();
    }

    /** The engine baseline: helm template through helm-java, on the staged chart with the rendered values. */
    @Benchmark
    public String engine() {
        return ws.engine(t);
    }

    /** dcforge for one chart × environment: Jinja render (+ values schema), Helm template, parse + schema + rules. */
    @Benchmark
    public Object renderTemplateValidate() {
        ws.render(t);
        ws.template(t);
        return ws.validate(t);
    }

    /** The whole pipeline for one chart × environment: render, template, validate, package. */
    @Benchmark
    public Object pipeline() {
        ws.render(t);
        ws.template(t);
        Object result = ws.validate(t);
        ws.packageChart(t);
        return result;
    }

    /** Packaging alone: the environment's archive (defaults merged with its values), reproducible tgz. */
    @Benchmark
    public Object packageArchive() {
        return ws.packageChart(t);
    }
}
