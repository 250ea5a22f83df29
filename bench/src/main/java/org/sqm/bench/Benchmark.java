package org.sqm.bench;

import java.util.List;

/**
 * One benchmark: it measures its paths against a baseline in the same run and reports a section of
 * BENCHMARKS.md. New capabilities (scoring recomputes, the unit dashboard) add an implementation to
 * {@link BenchMain#BENCHMARKS} and nothing else.
 */
interface Benchmark {

    /** The section's title. */
    String title();

    /** Runs and returns the section. */
    Section run(BenchContext context) throws Exception;

    /**
     * A section of the report.
     *
     * @param markdown the section's text and tables
     * @param chart    bars to draw (label, value), or empty for none
     * @param chartTitle what the bars measure
     * @param lines    curves to draw (e.g. progress over time), or empty for none
     * @param linesTitle what the curves show
     * @param marks    labelled vertical lines on the curves' chart (e.g. where a stage began)
     */
    record Section(
            String title,
            String markdown,
            List<Bar> chart,
            String chartTitle,
            List<Line> lines,
            String linesTitle,
            List<Mark> marks) {

        /** A section with bars only. */
        Section(String title, String markdown, List<Bar> chart, String chartTitle) {
            this(title, markdown, chart, chartTitle, List.of(), "", List.of());
        }
    }

    /** A bar of a chart: a group (e.g. the concurrency), a series (the path) and a value. */
    record Bar(String group, String series, double value) {}

    /** A curve of a line chart: its name and its points (x, y) in order of x. */
    record Line(String series, List<Point> points) {}

    /** A point of a curve. */
    record Point(double x, double y) {}

    /** A labelled vertical line at x on a line chart. */
    record Mark(double x, String label) {}
}
